// A user's own settings: name and zone, a new password (the current one required), their
// sessions, and turning two-factor sign-in off. A user only ever reaches their own rows.
import type { PasswordChange, Settings, SettingsPatch, TotpDisable } from '#contract/settings.ts';
import type { Database } from '../db/client.ts';
import { appendAudit } from '../data/audit.ts';
import { deleteOtherSessions, deleteUserSession, listUserSessions } from '../data/sessions.ts';
import { clearTotp, findUserSettings, tokenHash, updateNameAndZone, type User } from '../data/users.ts';
import { verifyPassword } from '../lib/password.ts';
import { HttpProblem, notFound } from '../lib/problem.ts';
import { checkSecondFactor } from './totp-service.ts';
import { changePassword } from './user-service.ts';

/** "Firefox on Linux": enough to tell one's devices apart, without the version soup. */
export function shortDevice(userAgent: string | null): string {
  if (!userAgent) return 'Unknown device';
  const browser = [/Edg\//, /OPR\//, /Firefox\//, /Chrom(e|ium)\//, /Safari\//].findIndex((re) => re.test(userAgent));
  const system = [/iPhone|iPad/, /Android/, /Windows/, /Mac OS X/, /CrOS/, /Linux/].findIndex((re) => re.test(userAgent));
  const names = ['Edge', 'Opera', 'Firefox', 'Chrome', 'Safari'];
  const systems = ['iOS', 'Android', 'Windows', 'macOS', 'ChromeOS', 'Linux'];
  if (browser < 0 && system < 0) return userAgent.slice(0, 40);
  return [browser < 0 ? 'A browser' : names[browser], system < 0 ? null : `on ${systems[system]}`].filter(Boolean).join(' ');
}

async function settingsUser(database: Database, userId: string) {
  const row = await findUserSettings(database, userId);
  if (!row) throw notFound('This user');
  return row;
}

export async function getSettings(database: Database, user: User, token: string, now: Date): Promise<Settings> {
  const [row, sessions] = await Promise.all([settingsUser(database, user.id), listUserSessions(database, user.id, now)]);
  const mine = tokenHash(token);
  return {
    name: row.name,
    email: row.email,
    timeZone: row.timeZone,
    totpEnabled: Boolean(row.totpEnabledAt),
    sessions: sessions.map((s) => ({
      id: s.id,
      createdAt: new Date(s.createdAt).toISOString(),
      lastSeenAt: new Date(s.lastSeenAt ?? s.createdAt).toISOString(),
      device: shortDevice(s.userAgent),
      current: s.tokenHash === mine,
    })),
  };
}

export async function updateSettings(database: Database, user: User, patch: SettingsPatch, now: Date): Promise<void> {
  await database.transaction(async (tx) => {
    const before = await findUserSettings(tx, user.id);
    await updateNameAndZone(tx, user.id, patch.name, patch.timeZone);
    await appendAudit(tx, {
      at: now,
      actorId: user.id,
      action: 'user.settings_changed',
      subject: user.id,
      before: { name: before?.name, timeZone: before?.timeZone },
      after: { name: patch.name ?? before?.name, timeZone: patch.timeZone ?? before?.timeZone },
    });
  });
}

const wrongPassword = (field: string) =>
  new HttpProblem(400, 'Your current password is not right. Enter the password you sign in with.', [{ field: `body.${field}`, message: 'is not your current password' }]);

/** The new password ends every other session and revokes the tracker tokens; this session stays. */
export async function changeOwnPassword(database: Database, user: User, body: PasswordChange, token: string, now: Date) {
  const row = await settingsUser(database, user.id);
  if (!(await verifyPassword(body.currentPassword, row.passwordHash))) throw wrongPassword('currentPassword');
  return changePassword(database, row.email, body.newPassword, user.id, now, token);
}

export async function endSession(database: Database, user: User, sessionId: string): Promise<void> {
  if (!(await deleteUserSession(database, user.id, sessionId))) throw notFound('This session');
}

export const endOtherSessions = async (database: Database, user: User, token: string) => ({ ended: await deleteOtherSessions(database, user.id, token) });

/** Two-factor sign-in off, with a current code (or recovery code) or the password. */
export async function disableTotp(database: Database, user: User, body: TotpDisable, now: Date): Promise<void> {
  const row = await settingsUser(database, user.id);
  if (!row.totpEnabledAt) throw new HttpProblem(409, 'Two-factor sign-in is not on.');
  const ok = body.password ? await verifyPassword(body.password, row.passwordHash) : await checkSecondFactor(database, user.id, body.code ?? '', now);
  if (!ok) {
    if (body.password) throw wrongPassword('password');
    throw new HttpProblem(400, 'This code is not right, or was used already. Enter the code your authenticator app shows now.', [{ field: 'body.code', message: 'is not a current code' }]);
  }
  await database.transaction(async (tx) => {
    await clearTotp(tx, user.id);
    await appendAudit(tx, { at: now, actorId: user.id, action: 'user.totp_disabled', subject: user.id });
  });
}
