// Password reset by mail. Asking never tells whether the address has an account: the route
// answers 202 with the same body before any of this runs, and the work (a token and a mail, or
// nothing) happens after the answer. Using the link sets the password through the same
// changePassword as everywhere else: every session ends and every tracker token is revoked.
// Two-factor sign-in stays on, so the next sign-in still asks for the code.
import { randomBytes } from 'node:crypto';
import type { Database, Queryable } from '../db/client.ts';
import { findAdminUser } from '../data/admin.ts';
import { appendAudit } from '../data/audit.ts';
import { findUserForLogin, tokenHash, type User } from '../data/users.ts';
import { HttpProblem, notFound } from '../lib/problem.ts';
import { issueLinkToken, linkUrl, queueLinkMail, useLinkToken } from './link-service.ts';
import { changePassword, type AccountChange } from './user-service.ts';
import { RESET_MINUTES } from '#contract/invitations.ts';

const RESET_MS = RESET_MINUTES * 60_000;

async function queueReset(database: Database, user: { id: string; email: string; name: string }, actorId: string | null, now: Date): Promise<void> {
  await database.transaction(async (tx) => {
    const token = await issueLinkToken(tx, { purpose: 'reset', userId: user.id, now, validMs: RESET_MS });
    await queueLinkMail(tx, {
      kind: 'password-reset',
      userId: user.id,
      to: user.email,
      name: user.name,
      subject: 'Set a new workdiary password',
      line: `Someone asked to set a new password for ${user.email}. If it was you, choose one with this link: it works once, for one hour. If it was not you, ignore this mail; your password stays as it is.`,
      label: 'Set a new password',
      url: await linkUrl(tx, 'reset', token),
      now,
    });
    await appendAudit(tx, { at: now, actorId, action: 'user.password_reset_sent', subject: user.id });
  });
}

/** "Forgot password": a link for an account that may sign in; nothing at all for any other address. */
export async function requestPasswordReset(database: Database, email: string, now: Date): Promise<void> {
  const user = await findUserForLogin(database, email);
  if (user) await queueReset(database, user, null, now);
  // An unknown address costs the database about what a known one does, so what runs after the
  // answer does not slow the next request differently either.
  else await database.transaction(async (tx) => void (await linkUrl(tx, 'reset', await peekCost(tx, now))));
}

/** As much work as making a link, and nothing written: a token hashed and looked up. */
async function peekCost(tx: Queryable, now: Date): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await tx.query(`select 1 from link_tokens where token_hash = $1 and expires_at > $2`, [tokenHash(token), now]);
  await tx.query(`select 1 from mails where message_id = $1`, [token]);
  return token;
}

const pending = new Set<Promise<void>>();

/** Runs the request once `after` (the answer sent); a failure is logged, never shown (the answer is already the same). */
export function requestPasswordResetLater(database: Database, email: string, now: Date, log: (err: unknown) => void, after: Promise<void> = Promise.resolve()): void {
  const work = after
    .then(() => requestPasswordReset(database, email, now))
    .catch(log)
    .finally(() => pending.delete(work));
  pending.add(work);
}

/** Waits for the requests still running (the server's close, and tests). */
export async function passwordResetsSettled(): Promise<void> {
  while (pending.size > 0) await Promise.all(pending);
}

/** The admin console's "Send password reset": the same mail, audited with the admin. */
export async function sendPasswordReset(database: Database, admin: User, userId: string, now: Date): Promise<void> {
  const user = await findAdminUser(database, userId);
  if (!user) throw notFound('The user');
  if (user.disabledAt) throw new HttpProblem(409, `${user.email} is disabled: enable the account before sending a password reset.`);
  await queueReset(database, user, admin.id, now);
}

/** Uses the link once: the new password, every session ended, every tracker token revoked. */
export async function resetPassword(database: Database, token: string, password: string, now: Date): Promise<AccountChange> {
  const link = await database.transaction((tx) => useLinkToken(tx, token, 'reset', now));
  const user = await findAdminUser(database, link.userId);
  if (!user) throw notFound('The user');
  const change = await changePassword(database, user.email, password, link.userId, now);
  await appendAudit(database, { at: now, actorId: link.userId, action: 'user.password_reset', subject: link.userId, after: { via: 'link', sessionsEnded: change.sessionsEnded, trackersRevoked: change.trackersRevoked } });
  return change;
}
