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

/** The user who may sign in with this email: none when there is no such user or an admin disabled them. */
export async function findUserForLogin(database: Database, email: string) {
  const rows = await database.query<User & { passwordHash: string }>(
    `select u.id, u.email, u.name, u.role, u.company_id as "companyId", c.name as "companyName",
            u.password_hash as "passwordHash"
       from users u left join companies c on c.id = u.company_id
      where u.email = $1 and u.disabled_at is null`,
    [email.trim().toLowerCase()],
  );
  return rows[0] ?? null;
}

export async function createSession(database: Database, userId: string, token: string, now: Date, expiresAt: Date) {
  await database.query(`insert into sessions (token_hash, user_id, created_at, expires_at) values ($1, $2, $3, $4)`, [
    tokenHash(token),
    userId,
    now,
    expiresAt,
  ]);
}

export async function findSessionUser(database: Database, token: string, now: Date): Promise<User | null> {
  const rows = await database.query<User>(
    `select u.id, u.email, u.name, u.role, u.company_id as "companyId", c.name as "companyName"
       from sessions s join users u on u.id = s.user_id left join companies c on c.id = u.company_id
      where s.token_hash = $1 and s.expires_at > $2 and u.disabled_at is null`,
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
