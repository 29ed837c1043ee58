import { createHash } from 'node:crypto';
import type { Database, Queryable } from '../db/client.ts';
import type { Role } from '#contract/common.ts';

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  companyId: string | null;
  companyName: string | null;
}

export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * The user who may sign in with this email: none when there is no such user or an admin disabled
 * them. `companyDeactivated`: a client whose company an admin deactivated (told so, but only after
 * the right password).
 */
export async function findUserForLogin(database: Database, email: string) {
  const rows = await database.query<User & { passwordHash: string; companyDeactivated: boolean }>(
    `select u.id, u.email, u.name, u.role, u.company_id as "companyId", c.name as "companyName",
            u.password_hash as "passwordHash", (u.role = 'client' and c.deactivated_at is not null) as "companyDeactivated"
       from users u left join companies c on c.id = u.company_id
      where u.email = $1 and u.disabled_at is null`,
    [email.trim().toLowerCase()],
  );
  return rows[0] ?? null;
}

export async function createSession(database: Database, userId: string, token: string, now: Date, expiresAt: Date, userAgent: string | null = null) {
  await database.query(
    `insert into sessions (token_hash, user_id, created_at, expires_at, user_agent, last_seen_at) values ($1, $2, $3, $4, $5, $3)`,
    [tokenHash(token), userId, now, expiresAt, userAgent],
  );
}

export async function findSessionUser(database: Database, token: string, now: Date): Promise<User | null> {
  const rows = await database.query<User>(
    `select u.id, u.email, u.name, u.role, u.company_id as "companyId", c.name as "companyName"
       from sessions s join users u on u.id = s.user_id left join companies c on c.id = u.company_id
      where s.token_hash = $1 and s.expires_at > $2 and u.disabled_at is null
        and (c.deactivated_at is null or u.role <> 'client')`,
    [tokenHash(token), now],
  );
  return rows[0] ?? null;
}

export async function deleteSession(database: Database, token: string) {
  await database.query(`delete from sessions where token_hash = $1`, [tokenHash(token)]);
}

/** The signed-in user as GET /api/auth/me answers (contract/auth.ts `Me`). */
export const toMe = (u: User) => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  company: u.companyId ? { id: u.companyId, name: u.companyName ?? '' } : null,
});

export interface UserAccount {
  id: string;
  email: string;
  role: Role;
  disabledAt: Date | null;
}

/** The account of an email, disabled or not, locked until the transaction ends (for an admin's change to it). */
export async function lockUserByEmail(q: Queryable, email: string): Promise<UserAccount | null> {
  const rows = await q.query<UserAccount>(
    `select id, email, role, disabled_at as "disabledAt" from users where email = $1 for update`,
    [email.trim().toLowerCase()],
  );
  return rows[0] ?? null;
}

export async function setUserDisabledAt(q: Queryable, userId: string, disabledAt: Date | null): Promise<void> {
  await q.query(`update users set disabled_at = $2 where id = $1`, [userId, disabledAt]);
}

export async function setPasswordHash(q: Queryable, userId: string, passwordHash: string): Promise<void> {
  await q.query(`update users set password_hash = $2 where id = $1`, [userId, passwordHash]);
}

/** Ends every session of the user; answers how many there were. */
export async function deleteUserSessions(q: Queryable, userId: string): Promise<number> {
  return (await q.query(`delete from sessions where user_id = $1 returning 1`, [userId])).length;
}

/** What the settings page and two-factor sign-in read of a user. */
export interface UserSettingsRow {
  name: string;
  email: string;
  timeZone: string;
  passwordHash: string;
  totpSecret: string | null;
  totpEnabledAt: Date | null;
  totpLastCounter: number | null;
}

export async function findUserSettings(q: Queryable, userId: string): Promise<UserSettingsRow | null> {
  const rows = await q.query<UserSettingsRow>(
    `select name, email, time_zone as "timeZone", password_hash as "passwordHash", totp_secret as "totpSecret",
            totp_enabled_at as "totpEnabledAt", totp_last_counter as "totpLastCounter"
       from users where id = $1`,
    [userId],
  );
  return rows[0] ?? null;
}

export async function updateNameAndZone(q: Queryable, userId: string, name: string | undefined, timeZone: string | undefined): Promise<void> {
  await q.query(`update users set name = coalesce($2, name), time_zone = coalesce($3, time_zone) where id = $1`, [userId, name ?? null, timeZone ?? null]);
}

/** A new secret, not on yet: enabling waits for a code made from it. */
export async function setPendingTotpSecret(q: Queryable, userId: string, secret: string): Promise<void> {
  await q.query(`update users set totp_secret = $2, totp_enabled_at = null, totp_last_counter = null where id = $1 and totp_enabled_at is null`, [userId, secret]);
}

export async function setTotpEnabled(q: Queryable, userId: string, at: Date, counter: number): Promise<boolean> {
  const rows = await q.query(`update users set totp_enabled_at = $2, totp_last_counter = $3 where id = $1 and totp_enabled_at is null and totp_secret is not null returning 1`, [userId, at, counter]);
  return rows.length > 0;
}

/** Takes this time step for a sign-in; false when it (or a later one) was taken already. */
export async function takeTotpCounter(q: Queryable, userId: string, counter: number): Promise<boolean> {
  const rows = await q.query(`update users set totp_last_counter = $2 where id = $1 and (totp_last_counter is null or totp_last_counter < $2) returning 1`, [userId, counter]);
  return rows.length > 0;
}

export async function clearTotp(q: Queryable, userId: string): Promise<void> {
  await q.query(`update users set totp_secret = null, totp_enabled_at = null, totp_last_counter = null where id = $1`, [userId]);
  await q.query(`delete from recovery_codes where user_id = $1`, [userId]);
}

export async function replaceRecoveryCodes(q: Queryable, userId: string, hashes: string[]): Promise<void> {
  await q.query(`delete from recovery_codes where user_id = $1`, [userId]);
  await q.query(`insert into recovery_codes (code_hash, user_id) select h, $1 from unnest($2::text[]) as h`, [userId, hashes]);
}

/** Uses one recovery code of the user; false when it is not theirs or was used. */
export async function useRecoveryCode(q: Queryable, userId: string, hash: string, now: Date): Promise<boolean> {
  const rows = await q.query(`update recovery_codes set used_at = $3 where user_id = $1 and code_hash = $2 and used_at is null returning 1`, [userId, hash, now]);
  return rows.length > 0;
}
