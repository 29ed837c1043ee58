// Tracker tokens: a contractor connects a device (the token shown once, stored hashed), lists
// and revokes them; clients and admins are refused; the token then opens the tracker's routes
// and nothing else.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, createTestEnv, loginEach, type TestEnv, type Who } from '#server/test/harness.ts';
import { addContract, createWorld, uploadForm, type World } from '#server/test/fixtures.ts';
import type { CreatedTracker, TrackerList, TrackerSession } from '#contract/trackers.ts';
import { tokenHash } from '#server/data/users.ts';
import type { Problem } from '#contract/common.ts';


describe.each(backends)('tracker tokens on %s', (backend) => {
  let env: TestEnv;
  let world: World;
  let dev: Who, designer: Who, client: Who, admin: Who;

  beforeAll(async () => {
    env = await createTestEnv(backend);
    world = await createWorld(env.database);
    ({ dev, designer, client, admin } = await loginEach(env.app, world.users));
  });
  afterAll(async () => {
    await env?.close();
  });

  const req = (method: 'GET' | 'POST' | 'DELETE', url: string, who?: Who, payload?: object) =>
    env.app.inject({ method, url, headers: who ? { cookie: who.cookie } : {}, ...(payload ? { payload } : {}) });
  const create = async (who: Who, deviceName: string) => {
    const res = await req('POST', '/api/trackers', who, { deviceName });
    expect(res.statusCode).toBe(201);
    return res.json<CreatedTracker>();
  };
  const bearer = (url: string, token: string) => env.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });

  it('creates a token once, stores only its hash, and lists the device newest first without the token', async () => {
    const first = await create(dev, '  Work laptop  ');
    expect(first).toMatchObject({ deviceName: 'Work laptop', createdAt: '2026-11-25T15:00:00.000Z', lastUsedAt: null, revokedAt: null });
    expect(first.token).toMatch(/^wdt_[A-Za-z0-9_-]{43}$/);
    env.clock.advance(60_000);
    const second = await create(dev, 'Desktop');
    env.clock.advance(-60_000);
    expect(second.token).not.toBe(first.token);

    const stored = await env.database.query<{ token_hash: string }>('select token_hash from tracker_tokens where id = $1', [first.id]);
    expect(stored[0]!.token_hash).toBe(tokenHash(first.token));
    expect(stored[0]!.token_hash).not.toContain(first.token.slice(4));

    const list = await req('GET', '/api/trackers', dev);
    expect(list.statusCode).toBe(200);
    const body = list.json<TrackerList>();
    expect(body.trackers.map((t) => t.deviceName)).toEqual(['Desktop', 'Work laptop']);
    expect(list.body).not.toContain(first.token);
    expect(list.body).not.toContain(stored[0]!.token_hash);
    expect(Object.keys(body.trackers[0]!).sort()).toEqual(['createdAt', 'deviceKey', 'deviceName', 'id', 'lastUsedAt', 'revokedAt']);
    // No device key registered yet: its slots would be unsigned.
    expect(body.trackers.map((t) => t.deviceKey)).toEqual([null, null]);

    // Another contractor sees only their own.
    const other = await req('GET', '/api/trackers', designer);
    expect(other.json<TrackerList>().trackers).toEqual([]);

    const audit = await env.database.query<{ action: string; subject: string }>(`select action, subject from audit_log where action = 'tracker.created' order by id`);
    expect(audit.map((a) => a.subject)).toEqual([first.id, second.id]);
  });

  it('refuses a device name that is empty after trimming or too long, naming the field', async () => {
    for (const deviceName of ['   ', 'x'.repeat(101)]) {
      const res = await req('POST', '/api/trackers', dev, { deviceName });
      expect(res.statusCode).toBe(400);
      expect(res.json<Problem>().errors?.[0]?.field).toBe('body.deviceName');
    }
    expect((await req('POST', '/api/trackers', dev, { deviceName: 'x'.repeat(100) })).statusCode).toBe(201);
  });

  it('is for contractors only: a client or an admin gets 403 with a reason, no session 401', async () => {
    for (const who of [client, admin]) {
      for (const [method, url, payload] of [
        ['POST', '/api/trackers', { deviceName: 'Laptop' }],
        ['GET', '/api/trackers', undefined],
        ['DELETE', '/api/trackers/0b6a5c1e-8f4e-4c1a-9d7e-2f3b4a5c6d7e', undefined],
      ] as const) {
        const res = await req(method, url, who, payload);
        expect(res.statusCode, `${method} ${url}`).toBe(403);
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect(res.json<Problem>().detail).toContain('Only a contractor connects trackers');
      }
    }
    expect((await req('GET', '/api/trackers')).statusCode).toBe(401);
    expect((await req('POST', '/api/trackers', undefined, { deviceName: 'Laptop' })).statusCode).toBe(401);
  });

  it('opens the tracker session with the token: the owner, the device and the active contracts only', async () => {
    const paused = await addContract(env.database, { companyId: world.acme.id, contractorId: world.users.designer.id, title: 'Paused work' });
    await env.database.query(`update contracts set status = 'paused' where id = $1`, [paused]);
    const t = await create(designer, 'Studio Mac');
    const res = await bearer('/api/tracker/session', t.token);
    expect(res.statusCode).toBe(200);
    const s = res.json<TrackerSession>();
    expect(s.user).toEqual({ id: world.users.designer.id, name: 'Desi Designer', email: 'designer@test.test' });
    expect(s.device).toEqual({ id: t.id, name: 'Studio Mac' });
    expect(s.now).toBe(env.clock.now().toISOString());
    expect(s.contracts).toEqual([
      { id: world.contracts.designer, title: 'Design', companyName: 'Acme Robotics', timeZone: 'UTC', status: 'active', manualTimeAllowed: true },
      { id: world.contracts.globex, title: 'Globex brochure', companyName: 'Globex', timeZone: 'UTC', status: 'active', manualTimeAllowed: false },
    ]);
  });

  it('notes the last upload, at most once a minute; the start-up GET leaves the row as it was', async () => {
    const t = await create(designer, 'Studio PC');
    const row = async () => (await env.database.query(`select * from tracker_tokens where id = $1`, [t.id]))[0];
    const used = async () => (await req('GET', '/api/trackers', designer)).json<TrackerList>().trackers.find((x) => x.id === t.id)!.lastUsedAt;
    const before = await row();
    env.clock.advance(5 * 60_000);
    expect((await bearer('/api/tracker/session', t.token)).statusCode).toBe(200);
    expect(await row()).toEqual(before);
    expect(await used()).toBeNull();

    const upload = async (start: string) => {
      const form = await uploadForm({ capturedAt: null, keyboard: Array(10).fill(3), mouse: Array(10).fill(2), memo: 'Logo', windowTitle: 'logo.svg' });
      const url = `/api/contracts/${world.contracts.designer}/slots/${start}`;
      const res = await env.app.inject({ method: 'PUT', url, headers: { authorization: `Bearer ${t.token}`, 'content-type': form.contentType }, payload: form.payload });
      expect(res.statusCode, res.body).toBe(201);
    };
    await upload('2026-11-25T14:40:00.000Z');
    expect(await used()).toBe('2026-11-25T15:05:00.000Z');
    env.clock.advance(30_000);
    await upload('2026-11-25T14:50:00.000Z');
    expect(await used()).toBe('2026-11-25T15:05:00.000Z');
    env.clock.advance(31_000);
    await upload('2026-11-25T14:30:00.000Z');
    expect(await used()).toBe('2026-11-25T15:06:01.000Z');
    env.clock.set('2026-11-25T15:00:00Z');
  });

  it('does not open the cookie routes with a token, nor the tracker routes with a cookie', async () => {
    const t = await create(dev, 'Laptop 2');
    expect((await bearer('/api/contracts', t.token)).statusCode).toBe(401);
    expect((await bearer('/api/trackers', t.token)).statusCode).toBe(401);
    const withCookie = await req('GET', '/api/tracker/session', dev);
    expect(withCookie.statusCode).toBe(401);
    expect(withCookie.json<Problem>().detail).toContain('Authorization: Bearer');
  });

  it('revokes a token: 204, the row stays with revokedAt, the token answers 401 at once; audited once', async () => {
    const t = await create(dev, 'Old laptop');
    expect((await bearer('/api/tracker/session', t.token)).statusCode).toBe(200);
    env.clock.advance(5 * 60_000);
    const del = await req('DELETE', `/api/trackers/${t.id}`, dev);
    expect(del.statusCode).toBe(204);
    const listed = (await req('GET', '/api/trackers', dev)).json<TrackerList>().trackers.find((x) => x.id === t.id);
    expect(listed).toMatchObject({ deviceName: 'Old laptop', revokedAt: '2026-11-25T15:05:00.000Z' });
    const refused = await bearer('/api/tracker/session', t.token);
    expect(refused.statusCode).toBe(401);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json<Problem>().detail).toBe(
      "This tracker token is not valid or was revoked; connect the tracker again from the dashboard's Trackers page.",
    );
    // Revoking again changes nothing and is not audited twice.
    expect((await req('DELETE', `/api/trackers/${t.id}`, dev)).statusCode).toBe(204);
    const audit = await env.database.query(`select 1 from audit_log where action = 'tracker.revoked' and subject = $1`, [t.id]);
    expect(audit).toHaveLength(1);
    env.clock.set('2026-11-25T15:00:00Z');
  });

  it("answers 404 for another contractor's token, which keeps working", async () => {
    const t = await create(designer, 'Designer tablet');
    const res = await req('DELETE', `/api/trackers/${t.id}`, dev);
    expect(res.statusCode).toBe(404);
    expect(res.json<Problem>().detail).toContain('was not found');
    expect((await req('DELETE', '/api/trackers/0b6a5c1e-8f4e-4c1a-9d7e-2f3b4a5c6d7e', dev)).statusCode).toBe(404);
    expect((await req('DELETE', '/api/trackers/not-a-uuid', dev)).json<Problem>().errors?.[0]?.field).toBe('params.trackerId');
    expect((await bearer('/api/tracker/session', t.token)).statusCode).toBe(200);
  });

  it('refuses unknown and malformed tokens with 401 problem+json', async () => {
    for (const header of ['Bearer wdt_' + 'A'.repeat(43), 'Bearer nonsense', 'Basic abc']) {
      const res = await env.app.inject({ method: 'GET', url: '/api/tracker/session', headers: { authorization: header } });
      expect(res.statusCode, header).toBe(401);
      expect(res.json<Problem>().detail).toContain('not valid or was revoked');
    }
    expect((await env.app.inject({ method: 'GET', url: '/api/tracker/session' })).statusCode).toBe(401);
  });
});
