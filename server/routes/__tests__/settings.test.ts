// A user's own settings through the API: name and zone, a password change that keeps this
// session and ends the others, and the sessions list with signing out others or one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, connectTracker, createTestEnv, login, type TestEnv, type Who } from '#server/test/harness.ts';
import { createWorld, PASSWORD, type World } from '#server/test/fixtures.ts';
import type { Problem } from '#contract/common.ts';
import type { Settings } from '#contract/settings.ts';

describe.each(backends)('settings on %s', (backend) => {
  let env: TestEnv;
  let world: World;

  beforeAll(async () => {
    env = await createTestEnv(backend);
    world = await createWorld(env.database);
  });
  afterAll(async () => {
    await env?.close();
  });

  const call = (who: Who | null, method: 'GET' | 'PATCH' | 'POST' | 'DELETE', url: string, payload?: object) =>
    env.app.inject({ method, url: `/api${url}`, headers: who ? { cookie: who.cookie } : {}, ...(payload ? { payload } : {}) });
  const signInFrom = async (email: string, userAgent: string, password = PASSWORD) => {
    const res = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, headers: { 'user-agent': userAgent } });
    expect(res.statusCode).toBe(200);
    return { cookie: `wd_session=${res.cookies.find((c) => c.name === 'wd_session')!.value}` };
  };
  const me = async (who: Who) => (await call(who, 'GET', '/auth/me')).statusCode;

  it('every settings route answers 401 without a session', async () => {
    const routes: [Parameters<typeof call>[1], string][] = [
      ['GET', '/settings'],
      ['PATCH', '/settings'],
      ['POST', '/settings/password'],
      ['POST', '/settings/sessions/sign-out-others'],
      ['DELETE', '/settings/sessions/0b6a5c1e-8f4e-4c1a-9d7e-2f3b4a5c6d7e'],
      ['POST', '/settings/totp'],
      ['POST', '/settings/totp/confirm'],
      ['POST', '/settings/totp/disable'],
    ];
    for (const [method, url] of routes) expect((await call(null, method, url, {})).statusCode, `${method} ${url}`).toBe(401);
  });

  it('changes the name (trimmed) and the zone, and refuses an empty name and an unknown zone naming the field', async () => {
    const who = await login(env.app, world.users.client.email);
    const changed = await call(who, 'PATCH', '/settings', { name: '  Casey C. Client  ', timeZone: 'America/New_York' });
    expect(changed.statusCode).toBe(200);
    expect(changed.json<Settings>()).toMatchObject({ name: 'Casey C. Client', timeZone: 'America/New_York', email: world.users.client.email, totpEnabled: false });
    expect((await call(who, 'GET', '/auth/me')).json<{ name: string }>().name).toBe('Casey C. Client');

    const empty = await call(who, 'PATCH', '/settings', { name: '   ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json<Problem>().errors?.map((e) => e.field)).toEqual(['body.name']);
    const zone = await call(who, 'PATCH', '/settings', { timeZone: 'Mars/Olympus' });
    expect(zone.statusCode).toBe(400);
    expect(zone.json<Problem>().errors?.map((e) => e.field)).toEqual(['body.timeZone']);
    expect((await call(who, 'PATCH', '/settings', { name: 'x'.repeat(101) })).statusCode).toBe(400);
    expect((await call(who, 'GET', '/settings')).json<Settings>()).toMatchObject({ name: 'Casey C. Client', timeZone: 'America/New_York' });
  });

  it('a password change needs the current password, keeps this session, ends the others and revokes tracker tokens', async () => {
    const email = world.users.dev.email;
    const here = await signInFrom(email, 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0');
    const phone = await signInFrom(email, 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Version/17.0 Mobile/15E148 Safari/604.1');
    const token = await connectTracker(env.app, here, 'Laptop');

    const wrong = await call(here, 'POST', '/settings/password', { currentPassword: 'not-my-password', newPassword: 'a-new-long-password' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json<Problem>().errors).toEqual([{ field: 'body.currentPassword', message: 'is not your current password' }]);
    const short = await call(here, 'POST', '/settings/password', { currentPassword: PASSWORD, newPassword: 'short' });
    expect(short.statusCode).toBe(400);
    expect(short.json<Problem>().errors?.[0]?.field).toBe('body.newPassword');
    expect(await me(phone)).toBe(200);

    expect((await call(here, 'POST', '/settings/password', { currentPassword: PASSWORD, newPassword: 'a-new-long-password' })).statusCode).toBe(204);
    expect(await me(here)).toBe(200);
    expect(await me(phone)).toBe(401);
    const tracker = await env.app.inject({ method: 'GET', url: '/api/tracker/session', headers: { authorization: `Bearer ${token}` } });
    expect(tracker.statusCode).toBe(401);
    await signInFrom(email, 'curl/8.0', 'a-new-long-password');
  });

  it('lists my sessions with their device and this one marked; signing out the others ends them', async () => {
    const email = world.users.designer.email;
    const laptop = await signInFrom(email, 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36');
    const phone = await signInFrom(email, 'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36');
    const tablet = await signInFrom(email, 'Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Version/17.0 Safari/604.1');

    const list = (await call(laptop, 'GET', '/settings')).json<Settings>().sessions;
    expect(list.map((s) => s.device).sort()).toEqual(['Chrome on Android', 'Chrome on Windows', 'Safari on iOS']);
    expect(list.filter((s) => s.current).map((s) => s.device)).toEqual(['Chrome on Windows']);
    expect(list.every((s) => s.lastSeenAt === '2026-11-25T15:00:00.000Z' && s.createdAt === s.lastSeenAt)).toBe(true);

    // One session signed out by its id: only that one ends.
    const tabletId = list.find((s) => s.device === 'Safari on iOS')!.id;
    expect((await call(laptop, 'DELETE', `/settings/sessions/${tabletId}`)).statusCode).toBe(204);
    expect(await me(tablet)).toBe(401);
    expect(await me(phone)).toBe(200);

    const others = await call(laptop, 'POST', '/settings/sessions/sign-out-others');
    expect(others.json()).toEqual({ ended: 1 });
    expect(await me(phone)).toBe(401);
    expect(await me(laptop)).toBe(200);
    expect((await call(laptop, 'GET', '/settings')).json<Settings>().sessions.map((s) => s.device)).toEqual(['Chrome on Windows']);
  });

  it('last seen moves on a write, at most every few minutes, and never on a read', async () => {
    const who = await signInFrom(world.users.admin.email, 'curl/8.0');
    const seen = async () => (await call(who, 'GET', '/settings')).json<Settings>().sessions[0]!.lastSeenAt;
    env.clock.advance(10 * 60_000);
    expect(await seen()).toBe('2026-11-25T15:00:00.000Z');
    await call(who, 'PATCH', '/settings', { name: 'Ada A. Admin' });
    expect(await seen()).toBe('2026-11-25T15:10:00.000Z');
    env.clock.advance(60_000);
    await call(who, 'PATCH', '/settings', { name: 'Ada Admin' });
    expect(await seen()).toBe('2026-11-25T15:10:00.000Z');
    env.clock.set('2026-11-25T15:00:00Z');
  });

  it('another user cannot end my session: 404, and it stays signed in', async () => {
    const mine = await login(env.app, world.users.client2.email);
    const myId = (await call(mine, 'GET', '/settings')).json<Settings>().sessions.find((s) => s.current)!.id;
    const other = await login(env.app, world.users.client.email);
    const refused = await call(other, 'DELETE', `/settings/sessions/${myId}`);
    expect(refused.statusCode).toBe(404);
    expect(refused.headers['content-type']).toMatch(/problem\+json/);
    expect(await me(mine)).toBe(200);
  });
});
