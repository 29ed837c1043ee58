import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { backends, createTestEnv, login, type TestEnv } from '#server/test/harness.ts';
import { addSlots, createWorld, type World } from '#server/test/fixtures.ts';
import { SLOT_STATES, type Week } from '#contract/week.ts';

const WEEK = '2026-11-23'; // Monday
const at = (day: number, hh: number, mm: number) =>
  new Date(Date.UTC(2026, 10, 23 + day, hh, mm)).toISOString();

describe.each(backends)('API on %s', (backend) => {
  let env: TestEnv;
  let world: World;
  let client: { cookie: string };
  let client2: { cookie: string };
  let dev: { cookie: string };
  let admin: { cookie: string };

  beforeAll(async () => {
    env = await createTestEnv(backend);
    world = await createWorld(env.database);
    // Dev: Tuesday 09:00–09:50 UTC, cap 2 h = 12 slots. Includes an idle slot and a deleted one.
    await addSlots(env.database, env.blobs, world.contracts.dev, [
      { start: at(1, 9, 0), active: 8, memo: 'Planner' },
      { start: at(1, 9, 10), active: 0, memo: 'Planner' },
      { start: at(1, 9, 20), active: 3, memo: 'Planner' },
      { start: at(1, 9, 30), active: 10, deleted: true },
      ...Array.from({ length: 12 }, (_, i) => ({ start: at(2, 10 + Math.floor(i / 6), (i % 6) * 10), active: 7, memo: 'Tests' })),
      // Sunday late UTC: on Monday 00:xx in Berlin.
      { start: at(6, 23, 50), active: 5, memo: 'Late fix' },
    ]);
    await addSlots(env.database, env.blobs, world.contracts.designer, [
      { start: at(0, 14, 0), manual: true, memo: 'Workshop with client' },
      { start: at(0, 14, 10), active: 6 },
    ]);
    await addSlots(env.database, env.blobs, world.contracts.globex, [{ start: at(0, 15, 0), active: 9 }]);
    client = await login(env.app, world.users.client.email);
    client2 = await login(env.app, world.users.client2.email);
    dev = await login(env.app, world.users.dev.email);
    admin = await login(env.app, world.users.admin.email);
  });
  afterAll(async () => {
    await env?.close();
  });

  const get = (url: string, who?: { cookie: string }, headers: Record<string, string> = {}) =>
    env.app.inject({ method: 'GET', url, headers: { ...(who ? { cookie: who.cookie } : {}), ...headers } });

  describe('auth', () => {
    it('answers who I am, and 401 without a session', async () => {
      const me = await get('/api/auth/me', client);
      expect(me.statusCode).toBe(200);
      expect(me.json()).toMatchObject({ email: 'client@test.test', role: 'client', company: { name: 'Acme Robotics' } });
      const anon = await get('/api/auth/me');
      expect(anon.statusCode).toBe(401);
      expect(anon.headers['content-type']).toContain('application/problem+json');
    });

    it('sets an httpOnly, SameSite=Lax cookie', async () => {
      const res = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'dev@test.test', password: 'test-password' } });
      const setCookie = String(res.headers['set-cookie']);
      expect(setCookie).toMatch(/HttpOnly/i);
      expect(setCookie).toMatch(/SameSite=Lax/i);
    });

    it('refuses a wrong password and an unknown email with the same message', async () => {
      const wrong = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'dev@test.test', password: 'nope' } });
      const unknown = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'who@test.test', password: 'nope' } });
      expect(wrong.statusCode).toBe(401);
      expect(unknown.statusCode).toBe(401);
      expect(wrong.json().detail).toBe(unknown.json().detail);
      expect(wrong.json().detail).toMatch(/email or password/);
    });

    it('names the field of a malformed login', async () => {
      const res = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'not-an-email' } });
      expect(res.statusCode).toBe(400);
      const fields = res.json().errors.map((e: { field: string }) => e.field);
      expect(fields).toEqual(expect.arrayContaining(['body.email', 'body.password']));
    });

    it('ends the session on logout', async () => {
      const s = await login(env.app, world.users.designer.email);
      expect((await get('/api/auth/me', s)).statusCode).toBe(200);
      const out = await env.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: s.cookie } });
      expect(out.statusCode).toBe(204);
      expect((await get('/api/auth/me', s)).statusCode).toBe(401);
    });
  });

  describe('contracts', () => {
    it('lists only the company’s contracts for a client, with this week’s hours', async () => {
      const res = await get('/api/contracts', client);
      expect(res.statusCode).toBe(200);
      const list = res.json().contracts as { id: string; title: string; thisWeek: { trackedMinutes: number; billableMinutes: number } }[];
      expect(list.map((c) => c.title).sort()).toEqual(['Backend work', 'Design']);
      const devContract = list.find((c) => c.id === world.contracts.dev)!;
      // 15 visible slots (deleted one hidden); dev's cap is 2 h: 12 counted, idle not counted.
      expect(devContract.thisWeek.trackedMinutes).toBe(160);
      expect(devContract.thisWeek.billableMinutes).toBe(120);
    });

    it('lists a contractor’s own contracts across companies, and all for an admin', async () => {
      const designer = await login(env.app, world.users.designer.email);
      const mine = (await get('/api/contracts', designer)).json().contracts.map((c: { title: string }) => c.title).sort();
      expect(mine).toEqual(['Design', 'Globex brochure']);
      expect((await get('/api/contracts', dev)).json().contracts).toHaveLength(1);
      expect((await get('/api/contracts', admin)).json().contracts).toHaveLength(3);
    });

    it('hides another company’s contract as 404, and 401 without a session', async () => {
      expect((await get(`/api/contracts/${world.contracts.dev}`, client)).statusCode).toBe(200);
      const other = await get(`/api/contracts/${world.contracts.dev}`, client2);
      expect(other.statusCode).toBe(404);
      expect(other.json().detail).toMatch(/not found/);
      expect((await get(`/api/contracts/${world.contracts.dev}`)).statusCode).toBe(401);
      expect((await get('/api/contracts')).statusCode).toBe(401);
    });

    it('answers a malformed id with 400 and an unknown one with 404', async () => {
      const bad = await get('/api/contracts/123', client);
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors[0].field).toBe('params.contractId');
      expect((await get('/api/contracts/00000000-0000-4000-8000-000000000000', client)).statusCode).toBe(404);
    });
  });

  describe('week', () => {
    const weekUrl = (tz?: string, id = world.contracts.dev, week = WEEK) =>
      `/api/contracts/${id}/weeks/${week}${tz ? `?tz=${encodeURIComponent(tz)}` : ''}`;

    it('returns compact slots with states, memos once, and UTC days', async () => {
      const res = await get(weekUrl(), client);
      expect(res.statusCode).toBe(200);
      const w = res.json() as Week;
      expect(w.start).toBe('2026-11-23T00:00:00.000Z');
      expect(w.slots.offset).toHaveLength(17);
      expect(w.slots.offset[0]).toBe(24 * 6 + 9 * 6); // Tuesday 09:00
      expect(w.memos).toEqual(['Planner', 'Tests', 'Late fix']);
      const states = w.slots.state.map((s) => SLOT_STATES[s]);
      expect(states.slice(0, 4)).toEqual(['billable', 'inactive', 'billable', 'deleted']);
      // Cap of 12 slots: 2 before Wednesday, so the last 2 of Wednesday's 12 and Sunday's are over.
      expect(states.filter((s) => s === 'over_limit')).toHaveLength(3);
      expect(w.days.map((d) => d.date)).toEqual(['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29']);
      expect(w.days[1]!.minutes).toMatchObject({ billable: 20, inactive: 10, total: 30 });
      expect(w.totals).toMatchObject({ billable: 120, inactive: 10, overLimit: 30, total: 160 });
      const sum = w.days.reduce((a, d) => a + d.minutes.total, 0);
      expect(sum).toBe(w.totals.total);
    });

    it('splits the week into partial local days in another zone', async () => {
      const w = (await get(weekUrl('Europe/Berlin'), client)).json() as Week;
      expect(w.days).toHaveLength(8);
      expect(w.days[0]).toMatchObject({ date: '2026-11-23', partial: true, hoursInDay: 24 });
      expect(w.days[7]).toMatchObject({ date: '2026-11-30', partial: true });
      // Sunday 23:50 UTC is Monday 00:50 in Berlin.
      expect(w.days[7]!.minutes.total).toBe(10);
    });

    it('gives a daylight-saving day 25 hours', async () => {
      const w = (await get(weekUrl('Europe/Berlin', world.contracts.dev, '2026-10-19'), client)).json() as Week;
      expect(w.days.find((d) => d.date === '2026-10-25')!.hoursInDay).toBe(25);
      expect(w.slots.offset).toHaveLength(0);
    });

    it('shows a deleted slot as deleted, and counts none of its time (see deleted-slots.test.ts)', async () => {
      const w = (await get(weekUrl(), client)).json() as Week;
      expect(SLOT_STATES[w.slots.state[w.slots.offset.indexOf(24 * 6 + 9 * 6 + 3)]!]).toBe('deleted');
    });

    it('counts manual time as billable when the contract allows it', async () => {
      const w = (await get(weekUrl(undefined, world.contracts.designer), client)).json() as Week;
      expect(w.totals).toMatchObject({ billable: 20, manual: 10 });
    });

    it('rejects a non-Monday, a malformed date and an unknown time zone with 400 naming the field', async () => {
      const tuesday = await get(`/api/contracts/${world.contracts.dev}/weeks/2026-11-24`, client);
      expect(tuesday.statusCode).toBe(400);
      expect(tuesday.json().detail).toMatch(/params\.weekStart must be a Monday/);
      const garbage = await get(`/api/contracts/${world.contracts.dev}/weeks/2026-13-45`, client);
      expect(garbage.statusCode).toBe(400);
      expect(garbage.json().errors[0].field).toBe('params.weekStart');
      const tz = await get(weekUrl('Mars/Olympus'), client);
      expect(tz.statusCode).toBe(400);
      expect(tz.json().errors[0]).toMatchObject({ field: 'querystring.tz' });
    });

    it('hides another company’s week as 404', async () => {
      expect((await get(weekUrl(), client2)).statusCode).toBe(404);
      expect((await get(weekUrl())).statusCode).toBe(401);
    });

    it('is compressed', async () => {
      const res = await get(weekUrl(), client, { 'accept-encoding': 'gzip' });
      expect(res.headers['content-encoding']).toBe('gzip');
    });
  });

  describe('slots and screenshots', () => {
    const slotUrl = (start: string, suffix = '', id = world.contracts.dev) => `/api/contracts/${id}/slots/${start}${suffix}`;

    it('returns a slot with per-minute activity and its screenshot facts', async () => {
      const res = await get(slotUrl(at(1, 9, 20)), client);
      expect(res.statusCode).toBe(200);
      const s = res.json();
      expect(s).toMatchObject({ kind: 'tracked', state: 'billable', activeMinutes: 3, memo: 'Planner' });
      expect(s.keyboard).toHaveLength(10);
      expect(s.screenshot).toMatchObject({ width: 160, height: 90, mime: 'image/jpeg' });
      expect(s.screenshot.capturedAt).toBe('2026-11-24T09:22:03.000Z');
    });

    it('serves the thumbnail as WebP and the screenshot as uploaded, privately cacheable', async () => {
      const thumb = await get(slotUrl(at(1, 9, 0), '/thumbnail'), client);
      expect(thumb.statusCode).toBe(200);
      expect(thumb.headers['content-type']).toBe('image/webp');
      expect(thumb.headers['cache-control']).toMatch(/^private/);
      const meta = await sharp(thumb.rawPayload).metadata();
      expect(meta.format).toBe('webp');
      const full = await get(slotUrl(at(1, 9, 0), '/screenshot'), client);
      expect(full.headers['content-type']).toBe('image/jpeg');
      expect((await sharp(full.rawPayload).metadata()).width).toBe(160);
      const again = await get(slotUrl(at(1, 9, 0), '/screenshot'), client, { 'if-none-match': String(full.headers.etag) });
      expect(again.statusCode).toBe(304);
    });

    it('hides another company’s slot and screenshot as 404', async () => {
      for (const suffix of ['', '/thumbnail', '/screenshot']) {
        expect((await get(slotUrl(at(1, 9, 0), suffix), client2)).statusCode).toBe(404);
        expect((await get(slotUrl(at(1, 9, 0), suffix))).statusCode).toBe(401);
      }
    });

    it('answers a manual slot’s image and a missing slot with 404', async () => {
      expect((await get(slotUrl(at(0, 14, 0), '/thumbnail', world.contracts.designer), client)).statusCode).toBe(404);
      expect((await get(slotUrl(at(5, 3, 0)), client)).statusCode).toBe(404);
    });

    it('rejects a start that is not on a 10-minute boundary', async () => {
      const res = await get(slotUrl('2026-11-24T09:05:00Z'), client);
      expect(res.statusCode).toBe(400);
      expect(res.json().detail).toMatch(/10-minute boundary/);
      expect((await get(slotUrl('yesterday'), client)).statusCode).toBe(400);
    });
  });

  describe('documentation and errors', () => {
    it('publishes the OpenAPI document with the week route', async () => {
      const res = await get('/api/openapi.json');
      expect(res.statusCode).toBe(200);
      expect(Object.keys(res.json().paths)).toContain('/api/contracts/{contractId}/weeks/{weekStart}');
      expect((await get('/api/docs')).statusCode).toBeLessThan(400);
    });

    it('answers an unknown API path with problem+json 404', async () => {
      const res = await get('/api/nope', client);
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
    });

    it('answers a URL that is not valid percent-encoding with problem+json 400', async () => {
      const res = await get('/api/contracts/%E0%A4%A', client);
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
    });

    it('reports health', async () => {
      const res = await get('/api/health');
      expect(res.json()).toMatchObject({ status: 'ok', database: { kind: backend, ok: true }, blobs: { ok: true } });
    });
  });
});

describe('login throttling', () => {
  it('answers 429 after too many failures from one address, even with the right password', async () => {
    const env = await createTestEnv('pglite', { loginMaxFailures: 3 });
    try {
      await createWorld(env.database);
      const attempt = (password: string) =>
        env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'dev@test.test', password } });
      for (let i = 0; i < 3; i++) expect((await attempt('wrong')).statusCode).toBe(401);
      const blocked = await attempt('test-password');
      expect(blocked.statusCode).toBe(429);
      expect(blocked.headers['retry-after']).toBeDefined();
      expect(blocked.json().detail).toMatch(/Try again/);
    } finally {
      await env.close();
    }
  });
});
