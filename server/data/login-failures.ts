// Failed sign-ins per key ('account:<email>' or 'address:<ip>') in the current window, shared
// by every server of an installation. See lib/login-limiter.ts for the rules.
import type { Queryable } from '../db/client.ts';

export interface FailureCount {
  key: string;
  failures: number;
  windowEndsAt: Date;
}

/**
 * Counts one more attempt on each key, in the order given (the same order everywhere, so
 * parallel attempts never deadlock), unless a key is already at its limit: then nothing is
 * written and the answer is the end of the latest full window (`blockedUntil`). A window
 * that has ended starts again from one.
 */
export async function countAttempt(
  q: Queryable,
  keys: { key: string; limit: number }[],
  now: Date,
  windowEndsAt: Date,
): Promise<{ blockedUntil: Date | null; counts: FailureCount[] }> {
  const rows = await q.query<{ key: string | null; failures: number; windowEndsAt: Date }>(
    `with wanted as (
       select key, limit_, n from unnest($1::text[], $2::int[]) with ordinality as w(key, limit_, n)
     ), blocked as (
       select max(f.window_ends_at) as until
         from login_failures f join wanted w on w.key = f.key
        where f.window_ends_at > $3 and f.failures >= w.limit_
     ), counted as (
       insert into login_failures as f (key, failures, window_ends_at)
       select key, 1, $4::timestamptz from wanted
        where (select until from blocked) is null
        order by n
       on conflict (key) do update
          set failures = case when f.window_ends_at <= $3 then 1 else f.failures + 1 end,
              window_ends_at = case when f.window_ends_at <= $3 then excluded.window_ends_at else f.window_ends_at end
       returning key, failures, window_ends_at
     )
     select key, failures, window_ends_at as "windowEndsAt" from counted
     union all
     select null, 0, until from blocked where until is not null`,
    [keys.map((k) => k.key), keys.map((k) => k.limit), now, windowEndsAt],
  );
  const blocked = rows.find((r) => r.key === null);
  return {
    blockedUntil: blocked ? new Date(blocked.windowEndsAt) : null,
    counts: rows.filter((r): r is FailureCount => r.key !== null),
  };
}

/** Takes back one counted attempt from each key. */
export async function uncountAttempt(q: Queryable, keys: string[]): Promise<void> {
  await q.query(`update login_failures set failures = greatest(failures - 1, 0) where key = any($1::text[])`, [keys]);
}

export async function clearFailures(q: Queryable, key: string): Promise<void> {
  await q.query(`delete from login_failures where key = $1`, [key]);
}

/** Deletes the rows of windows that have ended (the sweeps call it). */
export async function deleteEndedWindows(q: Queryable, now: Date): Promise<number> {
  const rows = await q.query(`delete from login_failures where window_ends_at <= $1 returning key`, [now]);
  return rows.length;
}
