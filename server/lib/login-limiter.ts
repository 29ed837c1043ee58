// Sign-in attempts counted per account (the normalised email) and per client address, in
// the database's login_failures table so that every server of an installation counts the
// same attempts. Each attempt is reserved on both counters in one statement before its
// password is checked: two hundred parallel guesses are counted as two hundred, not as
// nought while their hashes are still being computed. A wrong password keeps the reservation
// (it is the failure); a right one clears its own account's count and gives its address back
// the one attempt, so the people of an office behind one address do not use up each other's
// tries by signing in. An attempt refused with 429 gives back what it reserved, so hammering
// a locked account does not also lock the address, and a locked address cannot add to the
// counts of the accounts it guesses at.
import type { Queryable } from '../db/client.ts';

/** One client address may fail this many times the per-account limit, across accounts. */
export const ADDRESS_FACTOR = 5;

/** How often one server deletes the rows of ended windows. */
const CLEAN_EVERY_MS = 60_000;

export interface LoginLimits {
  /** Failed sign-ins to one account in the window before 429. */
  maxFailures: number;
  windowMs: number;
  /** Failed sign-ins from one address in the window before 429; ADDRESS_FACTOR × maxFailures when not set. */
  maxAddressFailures?: number;
}

export interface LoginLimiter {
  /**
   * Reserves one sign-in attempt for the account and the address. Answers 0 when the attempt
   * may go ahead, else the seconds until it may (and nothing stays reserved).
   */
  reserve(email: string, address: string, now: Date): Promise<number>;
  /** The attempt signed in: the account starts again from nothing, the address gets its attempt back. */
  succeed(email: string, address: string): Promise<void>;
}

const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;
const addressKey = (address: string) => `address:${address}`;

export function loginLimiter(q: Queryable, limits: LoginLimits): LoginLimiter {
  const maxAddress = limits.maxAddressFailures ?? ADDRESS_FACTOR * limits.maxFailures;
  let cleanedAt = -Infinity;

  const giveBack = (keys: string[]) => q.query(`update login_failures set failures = greatest(failures - 1, 0) where key = any($1::text[])`, [keys]);

  return {
    async reserve(email, address, now) {
      if (now.getTime() - cleanedAt >= CLEAN_EVERY_MS) {
        cleanedAt = now.getTime();
        await q.query(`delete from login_failures where window_ends_at <= $1`, [now]);
      }
      const account = accountKey(email);
      const from = addressKey(address);
      // The account's row is always locked before the address's, so parallel attempts never deadlock.
      const rows = await q.query<{ key: string; failures: number; windowEndsAt: Date }>(
        `insert into login_failures as f (key, failures, window_ends_at)
         values ($1, 1, $4::timestamptz), ($2, 1, $4::timestamptz)
         on conflict (key) do update
            set failures = case when f.window_ends_at <= $3 then 1 else f.failures + 1 end,
                window_ends_at = case when f.window_ends_at <= $3 then excluded.window_ends_at else f.window_ends_at end
         returning key, failures, window_ends_at as "windowEndsAt"`,
        [account, from, now, new Date(now.getTime() + limits.windowMs)],
      );
      const over = rows.filter((r) => r.failures > (r.key === account ? limits.maxFailures : maxAddress));
      if (over.length === 0) return 0;
      await giveBack(rows.map((r) => r.key));
      const until = Math.max(...over.map((r) => new Date(r.windowEndsAt).getTime()));
      return Math.max(1, Math.ceil((until - now.getTime()) / 1000));
    },
    async succeed(email, address) {
      await q.query(`delete from login_failures where key = $1`, [accountKey(email)]);
      await giveBack([addressKey(address)]);
    },
  };
}
