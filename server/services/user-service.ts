// An admin's changes to a user's account: disable, enable, a new password. Disabling and a new
// password both end the user's sessions and revoke their tracker tokens, so whoever held the
// account (or a copy of a token) is out at once. The admin command line calls these; an admin
// screen would call the same. Each change is written to the audit trail.
import { NewPassword } from '#contract/auth.ts';
import type { Database, Queryable } from '../db/client.ts';
import { deleteOtherSessions } from '../data/sessions.ts';
import { appendAudit } from '../data/audit.ts';
import { deleteUserSessions, lockUserByEmail, setPasswordHash, setUserDisabledAt, type UserAccount } from '../data/users.ts';
import { hashPassword } from '../lib/password.ts';
import { HttpProblem } from '../lib/problem.ts';
import { revokeEveryTracker } from './tracker-service.ts';

export interface AccountChange {
  email: string;
  /** False when the account already was as asked (disabling a disabled user changes nothing). */
  changed: boolean;
  sessionsEnded: number;
  trackersRevoked: number;
}

/** `actorId`: the admin making the change, or null for the command line. */
type Actor = string | null;

async function withAccount(database: Database, email: string, change: (tx: Queryable, user: UserAccount) => Promise<AccountChange>) {
  return database.transaction(async (tx) => {
    const user = await lockUserByEmail(tx, email);
    if (!user) throw new HttpProblem(404, `There is no user ${email}.`);
    return change(tx, user);
  });
}

/** `keepToken`: the session the user changed their own password in, which stays signed in. */
async function endAccess(tx: Queryable, user: UserAccount, actorId: Actor, now: Date, keepToken?: string) {
  const sessionsEnded = keepToken ? await deleteOtherSessions(tx, user.id, keepToken) : await deleteUserSessions(tx, user.id);
  return { sessionsEnded, trackersRevoked: await revokeEveryTracker(tx, user.id, actorId, now) };
}

/** The user cannot sign in any more; their sessions end and their tracker tokens are revoked. */
export function disableUser(database: Database, email: string, actorId: Actor, now: Date): Promise<AccountChange> {
  return withAccount(database, email, async (tx, user) => {
    // Disabling twice still ends whatever access appeared in between.
    const ended = await endAccess(tx, user, actorId, now);
    if (user.disabledAt) return { email: user.email, changed: false, ...ended };
    await setUserDisabledAt(tx, user.id, now);
    await appendAudit(tx, { at: now, actorId, action: 'user.disabled', subject: user.id, before: { disabledAt: null }, after: { disabledAt: now.toISOString() } });
    return { email: user.email, changed: true, ...ended };
  });
}

/** The user may sign in again. Their revoked tracker tokens stay revoked: trackers are connected anew. */
export function enableUser(database: Database, email: string, actorId: Actor, now: Date): Promise<AccountChange> {
  return withAccount(database, email, async (tx, user) => {
    const none = { sessionsEnded: 0, trackersRevoked: 0 };
    if (!user.disabledAt) return { email: user.email, changed: false, ...none };
    await setUserDisabledAt(tx, user.id, null);
    await appendAudit(tx, { at: now, actorId, action: 'user.enabled', subject: user.id, before: { disabledAt: new Date(user.disabledAt).toISOString() }, after: { disabledAt: null } });
    return { email: user.email, changed: true, ...none };
  });
}

/**
 * Sets a new password; the user's sessions end (all but `keepToken`'s, when the user changes
 * their own) and their tracker tokens are revoked.
 */
export async function changePassword(database: Database, email: string, password: string, actorId: Actor, now: Date, keepToken?: string): Promise<AccountChange> {
  const rule = NewPassword.safeParse(password);
  if (!rule.success) throw new HttpProblem(400, rule.error.issues[0]!.message, [{ field: 'body.newPassword', message: rule.error.issues[0]!.message }]);
  // Hashed before the transaction: scrypt takes a while, and the account stays unlocked meanwhile.
  const hash = await hashPassword(password);
  return withAccount(database, email, async (tx, user) => {
    await setPasswordHash(tx, user.id, hash);
    const ended = await endAccess(tx, user, actorId, now, keepToken);
    await appendAudit(tx, { at: now, actorId, action: 'user.password_changed', subject: user.id });
    return { email: user.email, changed: true, ...ended };
  });
}
