// Failed logins per client address in a fixed window. In memory: one instance's view,
// which is enough to slow password guessing against the installation.
export interface LoginLimiter {
  /** Seconds until the address may try again, or 0 when it may now. */
  blockedFor(address: string, now: number): number;
  fail(address: string, now: number): void;
  succeed(address: string): void;
}

export function loginLimiter(opts: { maxFailures: number; windowMs: number }): LoginLimiter {
  const failures = new Map<string, { count: number; resetAt: number }>();
  return {
    blockedFor(address, now) {
      const f = failures.get(address);
      if (!f || f.resetAt <= now) return 0;
      return f.count >= opts.maxFailures ? Math.ceil((f.resetAt - now) / 1000) : 0;
    },
    fail(address, now) {
      const f = failures.get(address);
      if (!f || f.resetAt <= now) failures.set(address, { count: 1, resetAt: now + opts.windowMs });
      else f.count += 1;
      if (failures.size > 10_000) {
        for (const [k, v] of failures) if (v.resetAt <= now) failures.delete(k);
      }
    },
    succeed(address) {
      failures.delete(address);
    },
  };
}
