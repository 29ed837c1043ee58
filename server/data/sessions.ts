// A user's sessions as the settings page shows them, and the code step of a two-factor sign-in.
// Sessions are named by their own id: the token's hash never leaves the server.
import type { Database, Queryable } from '../db/client.ts';
import { tokenHash } from './users.ts';

export interface SessionRow {
  id: string;
  tokenHash: string;
  createdAt: Date;
  lastSeenAt: Date | null;
  userAgent: string | null;
}

export async function listUserSessions(database: Database, userId: string, now: Date): Promise<SessionRow[]> {
  return database.query<SessionRow>(
    `select id, token_hash as "tokenHash", created_at as "createdAt", last_seen_at as "lastSeenAt", user_agent as "userAgent"
       from sessions where user_id = $1 and expires_at > $2
      order by coalesce(last_seen_at, created_at) desc, created_at desc`,
    [userId, now],
  );
}

/** Ends one session of this user; false when it is not theirs (or already ended). */
export async function deleteUserSession(database: Database, userId: string, sessionId: string): Promise<boolean> {
  return (await database.query(`delete from sessions where user_id = $1 and id = $2 returning 1`, [userId, sessionId])).length > 0;
}

/** Ends every session of the user but the one of this token; answers how many. */
export async function deleteOtherSessions(q: Queryable, userId: string, keepToken: string): Promise<number> {
  return (await q.query(`delete from sessions where user_id = $1 and token_hash <> $2 returning 1`, [userId, tokenHash(keepToken)])).length;
}

/** Marks the session seen, at most once per `everyMs`: a write costs no extra row change within that. */
export async function touchSession(database: Database, token: string, now: Date, everyMs: number): Promise<void> {
  await database.query(
    `update sessions set last_seen_at = $2
      where token_hash = $1 and (last_seen_at is null or last_seen_at < $3)`,
    [tokenHash(token), now, new Date(now.getTime() - everyMs)],
  );
}

/** A new code step; the user's ended ones go, so the table holds only live ones of each user. */
export async function createPendingLogin(database: Database, userId: string, token: string, now: Date, expiresAt: Date): Promise<void> {
  await database.transaction(async (tx) => {
    await tx.query(`delete from pending_logins where user_id = $1 and expires_at <= $2`, [userId, now]);
    await tx.query(`insert into pending_logins (token_hash, user_id, expires_at) values ($1, $2, $3)`, [tokenHash(token), userId, expiresAt]);
  });
}

/** The user whose password was right for this pending token, while it lasts. */
export async function findPendingLogin(database: Database, token: string, now: Date): Promise<{ userId: string; email: string } | null> {
  const rows = await database.query<{ userId: string; email: string }>(
    `select p.user_id as "userId", u.email from pending_logins p join users u on u.id = p.user_id
      where p.token_hash = $1 and p.expires_at > $2 and u.disabled_at is null`,
    [tokenHash(token), now],
  );
  return rows[0] ?? null;
}

/** Uses the pending token up; false when another request used it first. */
export async function takePendingLogin(q: Queryable, token: string): Promise<boolean> {
  return (await q.query(`delete from pending_logins where token_hash = $1 returning 1`, [tokenHash(token)])).length > 0;
}

/** Deletes the code steps that have ended, whoever they were for (the sweeps call it). */
export async function deleteEndedPendingLogins(q: Queryable, now: Date): Promise<number> {
  return (await q.query(`delete from pending_logins where expires_at <= $1 returning 1`, [now])).length;
}
