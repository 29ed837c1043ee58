// Sign-in limits, through the real app on a real database: failures count per account and per
// client address, a success clears only its own account, parallel guesses are counted before
// any password is checked, and X-Forwarded-For is believed only from a trusted proxy.
import { afterEach, describe, expect, it } from 'vitest';
import { backends, createTestEnv, type TestEnv } from '#server/test/harness.ts';
import { createWorld, PASSWORD } from '#server/test/fixtures.ts';
import type { Problem } from '#contract/common.ts';
import { ADDRESS_FACTOR, loginLimiter } from '#server/lib/login-limiter.ts';
import { runSweeps } from '#server/services/sweeps.ts';

describe.each(backends)('sign-in limits on %s', (backend) => {
  let env: TestEnv | undefined;
  afterEach(async () => {
    await env?.close();
    env = undefined;
  });

  const start = async (opts: Parameters<typeof createTestEnv>[1]) => {
    env = await createTestEnv(backend, opts);
    await createWorld(env.database);
    return env;
  };
  const signIn = (email: string, password: string, from?: string) =>
    env!.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password },
      headers: from ? { 'x-forwarded-for': from } : {},
    });

  it('refuses rounds of guesses at a victim even when each round ends in a right sign-in to the guesser’s own account', async () => {
    await start({ loginMaxFailures: 10 });
    const victim: number[] = [];
    const own: number[] = [];
    for (let round = 0; round < 5; round++) {
      for (let i = 0; i < 9; i++) victim.push((await signIn('dev@test.test', `guess-${round}-${i}`)).statusCode);
      own.push((await signIn('designer@test.test', PASSWORD)).statusCode);
    }
    expect(victim.filter((s) => s === 401)).toHaveLength(10);
    expect(victim.filter((s) => s === 429)).toHaveLength(35);
    // The guesser's own account is not the one being guessed: its sign-ins go through.
    expect(own).toEqual([200, 200, 200, 200, 200]);

    // The victim's account now waits out the window, even with the right password.
    const blocked = await signIn('dev@test.test', PASSWORD);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(800);
    expect(Number(blocked.headers['retry-after'])).toBeLessThanOrEqual(900);
    expect(blocked.json<Problem>().detail).toMatch(/Try again in 15 minutes/);
  });

  it('counts 200 simultaneous wrong guesses before checking any of them: at most the limit get an answer', async () => {
    await start({ loginMaxFailures: 5 });
    const answers = await Promise.all(Array.from({ length: 200 }, (_, i) => signIn('dev@test.test', `parallel-${i}`)));
    const statuses = answers.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(195);
    expect(statuses.filter((s) => s !== 401 && s !== 429)).toEqual([]);
    expect((await signIn('dev@test.test', PASSWORD)).statusCode).toBe(429);
  });

  it('counts per account: one account’s failures do not lock another account out, and a success clears only its own', async () => {
    await start({ loginMaxFailures: 3 });
    for (let i = 0; i < 2; i++) expect((await signIn('designer@test.test', 'wrong')).statusCode).toBe(401);
    for (let i = 0; i < 3; i++) expect((await signIn('dev@test.test', 'wrong')).statusCode).toBe(401);
    expect((await signIn('dev@test.test', PASSWORD)).statusCode).toBe(429);
    // Another spelling of the address is the same account.
    expect((await signIn('DEV@test.test', PASSWORD)).statusCode).toBe(429);

    expect((await signIn('designer@test.test', PASSWORD)).statusCode).toBe(200);
    // The designer's success cleared the designer's two failures, not the dev's three.
    for (let i = 0; i < 3; i++) expect((await signIn('designer@test.test', 'wrong')).statusCode).toBe(401);
    expect((await signIn('designer@test.test', PASSWORD)).statusCode).toBe(429);
    expect((await signIn('client@test.test', PASSWORD)).statusCode).toBe(200);
  });

  it.each([
    ['a hop count', 1],
    ['the proxy’s address', ['10.0.0.0/8', '127.0.0.1']],
  ] as const)(`limits one address across accounts at ${ADDRESS_FACTOR}× the account limit; X-Forwarded-For from a proxy trusted by %s tells addresses apart`, async (_, trustProxy) => {
    await start({ loginMaxFailures: 2, trustProxy: typeof trustProxy === 'number' ? trustProxy : [...trustProxy] });
    const addressLimit = 2 * ADDRESS_FACTOR;
    for (let i = 0; i < addressLimit; i++) expect((await signIn(`nobody-${i}@test.test`, 'wrong', '203.0.113.7')).statusCode).toBe(401);
    expect((await signIn('someone-else@test.test', 'wrong', '203.0.113.7')).statusCode).toBe(429);
    expect((await signIn('dev@test.test', PASSWORD, '203.0.113.7')).statusCode).toBe(429);
    // Another client behind the same proxy is not locked out by the first one's guesses.
    expect((await signIn('dev@test.test', PASSWORD, '198.51.100.9')).statusCode).toBe(200);
  });

  it('ignores X-Forwarded-For without a trusted proxy: a client cannot pose as a new address', async () => {
    await start({ loginMaxFailures: 2 });
    const addressLimit = 2 * ADDRESS_FACTOR;
    for (let i = 0; i < addressLimit; i++) {
      expect((await signIn(`nobody-${i}@test.test`, 'wrong', `203.0.113.${i + 1}`)).statusCode).toBe(401);
    }
    expect((await signIn('dev@test.test', PASSWORD, '198.51.100.9')).statusCode).toBe(429);
  });

  it('starts a new window once the old one ends, and the sweeps delete the rows of ended windows', async () => {
    await start({});
    const limiter = loginLimiter(env!.database, { maxFailures: 2, windowMs: 60_000 });
    const t0 = Date.parse('2026-11-25T15:00:00Z');
    const at = (ms: number) => new Date(t0 + ms);
    expect(await limiter.reserve('a@test.test', '192.0.2.1', at(0))).toBe(0);
    expect(await limiter.reserve('a@test.test', '192.0.2.1', at(1000))).toBe(0);
    expect(await limiter.reserve('a@test.test', '192.0.2.1', at(30_000))).toBe(30);
    expect(await limiter.reserve('a@test.test', '192.0.2.1', at(60_000))).toBe(0);
    const rows = async () => (await env!.database.query<{ key: string }>('select key from login_failures order by key')).map((r) => r.key);
    expect(await rows()).toEqual(['account:a@test.test', 'address:192.0.2.1']);
    // Long after, the sweeps delete the rows of the ended windows, and only those.
    expect(await limiter.reserve('b@test.test', '192.0.2.2', at(3_600_000))).toBe(0);
    await runSweeps(env!.database, at(3_600_000), at(3_600_001));
    expect(await rows()).toEqual(['account:b@test.test', 'address:192.0.2.2']);
  });
});
