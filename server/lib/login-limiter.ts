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
import { clearFailures, countAttempt, uncountAttempt } from '../data/login-failures.ts';

/** One client address may fail this many times the per-account limit, across accounts. */
export const ADDRESS_FACTOR = 5;

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
  const secondsUntil = (until: Date, now: Date) => Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));

  return {
    async reserve(email, address, now) {
      const account = accountKey(email);
      // A key already at its limit refuses without writing, so hammering a locked account
      // costs one read; the account's key comes first, so parallel attempts never deadlock.
      const { blockedUntil, counts } = await countAttempt(
        q,
        [
          { key: account, limit: limits.maxFailures },
          { key: addressKey(address), limit: maxAddress },
        ],
        now,
        new Date(now.getTime() + limits.windowMs),
      );
      if (blockedUntil) return secondsUntil(blockedUntil, now);
      // Parallel attempts can all pass the check before any is counted: those counted past
      // the limit give their attempt back and are refused.
      const over = counts.filter((r) => r.failures > (r.key === account ? limits.maxFailures : maxAddress));
      if (over.length === 0) return 0;
      await uncountAttempt(q, counts.map((r) => r.key));
      return secondsUntil(new Date(Math.max(...over.map((r) => new Date(r.windowEndsAt).getTime()))), now);
    },
    async succeed(email, address) {
      await clearFailures(q, accountKey(email));
      await uncountAttempt(q, [addressKey(address)]);
    },
  };
}
