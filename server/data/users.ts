import { createHash } from 'node:crypto';
import type { Database } from '../db/client.ts';
import type { Role } from '../../contract/common.ts';

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  companyId: string | null;
  companyName: string | null;
}

export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

export async function findUserForLogin(database: Database, email: string) {
  const rows = await database.query<User & { passwordHash: string }>(
    `select u.id, u.email, u.name, u.role, u.company_id as "companyId", c.name as "companyName",
            u.password_hash as "passwordHash"
       from users u left join companies c on c.id = u.company_id
      where u.email = $1`,
    [email.toLowerCase()],
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
      where s.token_hash = $1 and s.expires_at > $2`,
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
