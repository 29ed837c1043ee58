// Two-factor sign-in through the API, with codes made by the otpauth package as an
// authenticator app would: enable and confirm, the code step at sign-in, recovery codes that
// work once, wrong codes counted against the sign-in limit, no replay, and turning it off.
import { afterEach, describe, expect, it } from 'vitest';
import { Secret, TOTP } from 'otpauth';
import { backends, createTestEnv, login, type TestEnv, type Who } from '#server/test/harness.ts';
import { createWorld, PASSWORD, type World } from '#server/test/fixtures.ts';
import type { Problem } from '#contract/common.ts';
import type { CodeStep } from '#contract/auth.ts';
import type { RecoveryCodes, Settings, TotpSetup } from '#contract/settings.ts';
import { runSweeps } from '#server/services/sweeps.ts';

/** The code an authenticator shows `steps` 30-second steps from now. */
const codeOf = (secret: string, steps = 0) => new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: Date.now() + steps * 30_000 });

describe.each(backends)('two-factor sign-in on %s', (backend) => {
  let env: TestEnv;
  let world: World;
  afterEach(async () => {
    await env?.close();
  });
  const start = async (loginMaxFailures = 1000) => {
    env = await createTestEnv(backend, { loginMaxFailures });
    world = await createWorld(env.database);
  };

  const post = (who: Who | null, url: string, payload: object = {}) =>
    env.app.inject({ method: 'POST', url: `/api${url}`, headers: who ? { cookie: who.cookie } : {}, payload });
  const password = (email: string) => post(null, '/auth/login', { email, password: PASSWORD });
  const pendingOf = async (email: string) => {
    const res = await password(email);
    expect(res.statusCode).toBe(202);
    expect(res.cookies).toEqual([]);
    return res.json<CodeStep>().pendingToken;
  };
  /** Turns two-factor sign-in on for the user; answers the secret and the recovery codes. */
  const enable = async (email: string) => {
    const who = await login(env.app, email);
    const setup = (await post(who, '/settings/totp')).json<TotpSetup>();
    expect(setup.uri).toMatch(/^otpauth:\/\/totp\/workdiary:.+\?.*secret=/);
    expect(setup.qrCode).toMatch(/^data:image\/png;base64,/);
    const wrong = await post(who, '/settings/totp/confirm', { code: '000000' === codeOf(setup.secret) ? '111111' : '000000' });
    expect(wrong.statusCode).toBe(400);
    expect((await env.app.inject({ method: 'GET', url: '/api/settings', headers: { cookie: who.cookie } })).json<Settings>().totpEnabled).toBe(false);
    const confirmed = await post(who, '/settings/totp/confirm', { code: codeOf(setup.secret) });
    expect(confirmed.statusCode).toBe(200);
    return { who, secret: setup.secret, codes: confirmed.json<RecoveryCodes>().recoveryCodes };
  };

  it('after enabling, the password alone does not sign in: a current code does, once; a replayed code is refused', async () => {
    await start();
    const { secret, codes } = await enable(world.users.dev.email);
    expect(new Set(codes).size).toBe(10);
    const stored = await env.database.query<{ code_hash: string }>('select code_hash from recovery_codes where user_id = $1', [world.users.dev.id]);
    expect(stored).toHaveLength(10);
    expect(stored.some((r) => codes.includes(r.code_hash))).toBe(false);

    // The step the confirmation used is taken: a later one signs in.
    const pending = await pendingOf(world.users.dev.email);
    // One code, made once: made again later, a slow machine could cross into the next 30 s step.
    const code = codeOf(secret, 1);
    const signedIn = await post(null, '/auth/login/code', { pendingToken: pending, code });
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json<{ email: string }>().email).toBe(world.users.dev.email);
    expect(signedIn.cookies.map((c) => c.name)).toEqual(['wd_session']);
    // The same pending token and the same code again: refused.
    expect((await post(null, '/auth/login/code', { pendingToken: pending, code })).statusCode).toBe(401);
    const replay = await post(null, '/auth/login/code', { pendingToken: await pendingOf(world.users.dev.email), code });
    expect(replay.statusCode).toBe(401);
    expect(replay.json<Problem>().detail).toMatch(/used already/);
  });

  it('a recovery code signs in once; typed with spaces or capitals it still works', async () => {
    await start();
    const { codes } = await enable(world.users.designer.email);
    const typed = ` ${codes[3]!.toUpperCase()} `;
    expect((await post(null, '/auth/login/code', { pendingToken: await pendingOf(world.users.designer.email), code: typed })).statusCode).toBe(200);
    const again = await post(null, '/auth/login/code', { pendingToken: await pendingOf(world.users.designer.email), code: codes[3] });
    expect(again.statusCode).toBe(401);
    expect(again.json<Problem>().errors).toEqual([{ field: 'body.code', message: 'is not a current code' }]);
    expect((await post(null, '/auth/login/code', { pendingToken: await pendingOf(world.users.designer.email), code: codes[4] })).statusCode).toBe(200);
  });

  it('wrong codes count against the sign-in limit: after the limit even the right code waits', async () => {
    await start(3);
    const { secret } = await enable(world.users.client.email);
    const pending = await pendingOf(world.users.client.email);
    // The password attempt counts until the code step succeeds: two wrong codes reach three.
    for (const code of ['123456', '654321']) expect((await post(null, '/auth/login/code', { pendingToken: pending, code })).statusCode).toBe(401);
    const locked = await post(null, '/auth/login/code', { pendingToken: pending, code: codeOf(secret, 1) });
    expect(locked.statusCode).toBe(429);
    expect(locked.headers['retry-after']).toBeDefined();
  });

  it('an unknown or expired pending token is refused with a clear 401', async () => {
    await start();
    const { secret } = await enable(world.users.admin.email);
    const unknown = await post(null, '/auth/login/code', { pendingToken: 'not-a-token', code: codeOf(secret) });
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json<Problem>().detail).toMatch(/Sign in again/);
    const pending = await pendingOf(world.users.admin.email);
    const steps = async () => (await env.database.query('select 1 from pending_logins')).length;
    await runSweeps(env.database, env.clock.now());
    expect(await steps()).toBe(1);
    env.clock.advance(6 * 60_000);
    expect((await post(null, '/auth/login/code', { pendingToken: pending, code: codeOf(secret, 1) })).statusCode).toBe(401);
    // The sweeps delete the ended step; nobody has to sign in again for it to go.
    await runSweeps(env.database, env.clock.now());
    expect(await steps()).toBe(0);
  });

  it('turning it off needs a current code or the password; then the password alone signs in', async () => {
    await start();
    const { who, secret } = await enable(world.users.dev.email);
    const wrong = await post(who, '/settings/totp/disable', { password: 'not-my-password' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json<Problem>().errors?.[0]?.field).toBe('body.password');
    expect((await post(who, '/settings/totp/disable', { code: '12' })).statusCode).toBe(400);
    expect((await post(who, '/settings/totp/disable', {})).statusCode).toBe(400);
    expect((await post(who, '/settings/totp/disable', { code: codeOf(secret, 1) })).statusCode).toBe(204);
    expect((await password(world.users.dev.email)).statusCode).toBe(200);
    expect((await env.database.query('select 1 from recovery_codes where user_id = $1', [world.users.dev.id])).length).toBe(0);

    // On again with the password this time, and off with the password.
    const again = await enable(world.users.dev.email);
    expect((await post(again.who, '/settings/totp/disable', { password: PASSWORD })).statusCode).toBe(204);
    expect((await post(again.who, '/settings/totp/disable', { password: PASSWORD })).statusCode).toBe(409);
  });
});
