// An admin's changes to an account, seen from the API: a disabled user cannot sign in, and
// disabling or a new password ends their sessions and revokes their tracker tokens. Signing out
// tells the browser to drop the site's cookies and storage.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, connectTracker, createTestEnv, login, type TestEnv, type Who } from '#server/test/harness.ts';
import { createWorld, PASSWORD, type World } from '#server/test/fixtures.ts';
import type { Problem } from '#contract/common.ts';
import { changePassword, disableUser, enableUser } from '#server/services/user-service.ts';


describe.each(backends)('account changes on %s', (backend) => {
  let env: TestEnv;
  let world: World;

  beforeAll(async () => {
    env = await createTestEnv(backend);
    world = await createWorld(env.database);
  });
  afterAll(async () => {
    await env?.close();
  });

  const signIn = (email: string, password: string) => env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  const me = (who: Who) => env.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: who.cookie } });
  const trackerSession = (token: string) => env.app.inject({ method: 'GET', url: '/api/tracker/session', headers: { authorization: `Bearer ${token}` } });
  const trackerUpload = (token: string) =>
    env.app.inject({
      method: 'PUT',
      url: `/api/contracts/${world.contracts.dev}/slots/2026-11-25T14:00:00.000Z`,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'multipart/form-data; boundary=x' },
      payload: '--x--\r\n',
    });
  /** Everything a user had: a session, and a tracker that works. */
  const access = async (email: string) => {
    const session = await login(env.app, email);
    const token = await connectTracker(env.app, session, 'Laptop');
    expect((await trackerSession(token)).statusCode).toBe(200);
    return { session, token };
  };
  const auditOf = async (subject: string) =>
    (await env.database.query<{ action: string }>('select action from audit_log where subject = $1 order by id', [subject])).map((r) => r.action);

  it('disabling a user ends their sessions, revokes their tracker tokens and refuses their sign-in like a wrong password', async () => {
    const { session, token } = await access(world.users.dev.email);
    const now = env.clock.now();

    const done = await disableUser(env.database, 'Dev@test.test', null, now);
    expect(done).toEqual({ email: world.users.dev.email, changed: true, sessionsEnded: 1, trackersRevoked: 1 });

    expect((await me(session)).statusCode).toBe(401);
    expect((await trackerSession(token)).statusCode).toBe(401);
    const upload = await trackerUpload(token);
    expect(upload.statusCode).toBe(401);
    expect(upload.json<Problem>().detail).toMatch(/revoked/);

    const refused = await signIn(world.users.dev.email, PASSWORD);
    const wrong = await signIn(world.users.designer.email, 'not-the-password');
    expect(refused.statusCode).toBe(401);
    expect(refused.json<Problem>().detail).toBe(wrong.json<Problem>().detail);
    expect(await auditOf(world.users.dev.id)).toEqual(['user.disabled']);

    // Enabled again, the user signs in; the revoked token stays revoked.
    expect((await enableUser(env.database, world.users.dev.email, null, now)).changed).toBe(true);
    expect((await signIn(world.users.dev.email, PASSWORD)).statusCode).toBe(200);
    expect((await trackerSession(token)).statusCode).toBe(401);
    expect(await auditOf(world.users.dev.id)).toEqual(['user.disabled', 'user.enabled']);
  });

  it('a new password ends the user’s sessions and revokes their tracker tokens; the new password signs in', async () => {
    const { session, token } = await access(world.users.designer.email);
    const other = await access(world.users.dev.email);

    const done = await changePassword(env.database, world.users.designer.email, 'a-brand-new-password', null, env.clock.now());
    expect(done).toMatchObject({ changed: true, sessionsEnded: 1, trackersRevoked: 1 });

    expect((await me(session)).statusCode).toBe(401);
    expect((await trackerSession(token)).statusCode).toBe(401);
    expect((await trackerUpload(token)).statusCode).toBe(401);
    expect((await signIn(world.users.designer.email, PASSWORD)).statusCode).toBe(401);
    expect((await signIn(world.users.designer.email, 'a-brand-new-password')).statusCode).toBe(200);
    // Nobody else's access changed.
    expect((await me(other.session)).statusCode).toBe(200);
    expect((await trackerSession(other.token)).statusCode).toBe(200);
    const revoked = await env.database.query<{ id: string }>('select id from tracker_tokens where user_id = $1 and revoked_at is not null', [world.users.designer.id]);
    expect(await auditOf(revoked[0]!.id)).toEqual(['tracker.created', 'tracker.revoked']);
  });

  it('refuses a change to a user that does not exist, and a password too short to keep', async () => {
    await expect(disableUser(env.database, 'nobody@test.test', null, env.clock.now())).rejects.toThrow('There is no user nobody@test.test.');
    await expect(changePassword(env.database, world.users.client.email, 'short', null, env.clock.now())).rejects.toThrow('The password must be 10 to 200 characters long.');
    expect((await signIn(world.users.client.email, PASSWORD)).statusCode).toBe(200);
  });

  it('signing out tells the browser to clear the site’s cookies and storage', async () => {
    const s = await login(env.app, world.users.client2.email);
    const out = await env.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: s.cookie } });
    expect(out.statusCode).toBe(204);
    expect(out.headers['clear-site-data']).toBe('"cookies", "storage"');
    expect((await me(s)).statusCode).toBe(401);
  });
});
