// What the browser is told and what the server refuses from another site: changes only from
// this site's own pages, the security headers on every kind of answer, no cache for the
// API's data, and no dashboard page (nor a file of a dot folder) for a path that is not one.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, createTestEnv, login, type TestEnv } from '#server/test/harness.ts';
import { addSlots, createWorld, PASSWORD, slotRun, type World } from '#server/test/fixtures.ts';
import { API_PRELOAD_SCRIPT } from '#server/lib/page-scripts.ts';

const NOW = '2026-11-25T15:00:00.000Z'; // Wednesday of the week of 2026-11-23
const LAST_WEEK = '2026-11-16'; // in its review window at NOW
const EVIL = 'https://evil.example';
const INDEX = `<!doctype html><html><head><title>workdiary</title><script>${API_PRELOAD_SCRIPT}</script></head><body><div id="root"></div></body></html>`;

type Headers = Record<string, string | string[] | number | undefined>;

/** A fake built dashboard: index.html, an asset, and a file in a dot folder, which is never served. */
function fakeDist(): string {
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'wd-dist-'));
  fs.mkdirSync(path.join(dist, 'assets'));
  fs.mkdirSync(path.join(dist, '.hidden'));
  fs.writeFileSync(path.join(dist, 'index.html'), INDEX);
  fs.writeFileSync(path.join(dist, 'assets', 'index-A.js'), 'console.log(1);\n');
  fs.writeFileSync(path.join(dist, '.hidden', 'notes.js'), 'export const hiddenFromTheWeb = 1;\n');
  return dist;
}

/** The executable inline scripts of a page (a JSON data block is not run). */
const inlineScripts = (html: string) =>
  [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>([\s\S]*?)<\/script>/g)].filter((m) => !/type="application\/json"/.test(m[1]!)).map((m) => m[2]!);
const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

function expectSecurityHeaders(headers: Headers, what: string) {
  const csp = String(headers['content-security-policy']);
  const scripts = /(?:^|;\s*)script-src ([^;]*)/.exec(csp)?.[1];
  expect(scripts, what).toBeDefined();
  expect(scripts, what).not.toContain('unsafe-inline');
  expect(scripts, what).not.toContain('unsafe-eval');
  expect(csp, what).toMatch(/(^|;\s*)frame-ancestors 'none'/);
  expect(csp, what).toMatch(/(^|;\s*)object-src 'none'/);
  expect(headers['x-content-type-options'], what).toBe('nosniff');
  expect(headers['referrer-policy'], what).toBe('same-origin');
  expect(String(headers['permissions-policy']), what).toMatch(/camera=\(\).*geolocation=\(\).*microphone=\(\)/);
}

describe.each(backends)('cross-site requests and headers, on %s', (backend) => {
  let env: TestEnv;
  let world: World;
  let dist: string;
  let client: { cookie: string };
  const thumbnail = () => `/api/contracts/${world.contracts.dev}/slots/2026-11-24T09:00:00.000Z/thumbnail`;

  beforeAll(async () => {
    dist = fakeDist();
    env = await createTestEnv(backend, { now: NOW, staticDir: dist });
    world = await createWorld(env.database);
    await addSlots(env.database, env.blobs, world.contracts.dev, slotRun('2026-11-24T09:00:00.000Z', 2, { active: 7, memo: 'Planner' }));
    await addSlots(env.database, env.blobs, world.contracts.designer, slotRun('2026-11-17T09:00:00.000Z', 2, { manual: true, memo: 'Wireframes' }));
    client = await login(env.app, world.users.client.email);
  });
  afterAll(async () => {
    await env?.close();
    fs.rmSync(dist, { recursive: true, force: true });
  });

  /** A body-less POST, as a form or `fetch(…, { mode: 'no-cors' })` on another site sends it with the victim's cookie. */
  const post = (url: string, cookie: string | undefined, headers: Headers = {}) =>
    env.app.inject({ method: 'POST', url, headers: { ...(cookie ? { cookie } : {}), 'content-type': 'text/plain', ...headers } as Record<string, string> });
  const approvals = async () => (await env.database.query<{ n: number }>('select count(*)::int as n from week_approvals'))[0]!.n;

  describe('a change sent from another site', () => {
    it('is refused: approving a week', async () => {
      const url = `/api/contracts/${world.contracts.designer}/weeks/${LAST_WEEK}/approval`;
      for (const headers of [{ origin: EVIL }, { origin: 'null' }, { 'sec-fetch-site': 'cross-site' }, { 'sec-fetch-site': 'same-site' }, { origin: 'http://localhost:8080' }]) {
        const res = await post(url, client.cookie, headers);
        expect(res.statusCode, JSON.stringify(headers)).toBe(403);
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect(res.json().detail).toMatch(/changes are accepted only from the dashboard/);
        expectSecurityHeaders(res.headers, 'the refusal');
      }
      expect(await approvals()).toBe(0);
      const timesheet = await env.app.inject({ method: 'GET', url: `/api/contracts/${world.contracts.designer}/weeks/${LAST_WEEK}/timesheet`, headers: { cookie: client.cookie } });
      expect(timesheet.json().approval ?? null).toBeNull();
      // From the dashboard's own page (the request's own origin, or a browser naming it same-origin) it goes through.
      expect((await post(url, client.cookie, { origin: 'http://localhost' })).statusCode).toBe(200);
      expect(await approvals()).toBe(1);
    });

    it('is refused: withdrawing a dispute', async () => {
      const opened = await env.app.inject({
        method: 'POST',
        url: '/api/disputes',
        headers: { cookie: client.cookie },
        payload: { slots: [{ contractId: world.contracts.dev, start: '2026-11-24T09:10:00.000Z' }], reason: 'low_activity', comment: 'Looks idle' },
      });
      expect(opened.statusCode, opened.body).toBe(201);
      const id = opened.json().id as string;
      const res = await post(`/api/disputes/${id}/withdrawal`, client.cookie, { origin: EVIL });
      expect(res.statusCode).toBe(403);
      const dispute = await env.app.inject({ method: 'GET', url: `/api/disputes/${id}`, headers: { cookie: client.cookie } });
      expect(dispute.json().status).toBe('open');
      expect((await post(`/api/disputes/${id}/withdrawal`, client.cookie, { 'sec-fetch-site': 'same-origin' })).statusCode).toBe(200);
    });

    it('is refused: signing out, and signing in (to the attacker’s account)', async () => {
      const session = await login(env.app, world.users.client.email);
      expect((await post('/api/auth/logout', session.cookie, { origin: EVIL })).statusCode).toBe(403);
      expect((await env.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: session.cookie } })).statusCode).toBe(200);

      const signIn = await env.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { origin: EVIL },
        payload: { email: world.users.dev.email, password: PASSWORD },
      });
      expect(signIn.statusCode).toBe(403);
      expect(signIn.headers['set-cookie']).toBeUndefined();
    });

    it('is refused for PUT, PATCH and DELETE too, and a read from another site is not', async () => {
      const dev = await login(env.app, world.users.dev.email);
      const slot = `/api/contracts/${world.contracts.dev}/slots/2026-11-24T09:00:00.000Z`;
      const headers = { cookie: dev.cookie, origin: EVIL };
      expect((await env.app.inject({ method: 'DELETE', url: slot, headers })).statusCode).toBe(403);
      expect((await env.app.inject({ method: 'PATCH', url: slot, headers, payload: { memo: 'Changed from elsewhere' } })).statusCode).toBe(403);
      expect((await env.app.inject({ method: 'PUT', url: slot, headers: { ...headers, 'content-type': 'text/plain' } })).statusCode).toBe(403);
      const read = await env.app.inject({ method: 'GET', url: slot, headers: { cookie: dev.cookie, origin: EVIL, 'sec-fetch-site': 'cross-site' } });
      expect(read.statusCode).toBe(200);
      expect(read.json().memo).toBe('Planner');
    });
  });

  it('lets through a change with no Origin and no Sec-Fetch-Site (a script, curl), and the tracker’s bearer uploads', async () => {
    const session = await login(env.app, world.users.client.email);
    expect((await post('/api/auth/logout', session.cookie)).statusCode).toBe(204);
    // The tracker's upload is judged by its token (401 for this one), never by where it came from.
    const upload = await env.app.inject({
      method: 'PUT',
      url: `/api/contracts/${world.contracts.dev}/slots/2026-11-24T12:00:00.000Z`,
      headers: { authorization: `Bearer wdt_${'x'.repeat(43)}`, origin: EVIL, 'sec-fetch-site': 'cross-site' },
    });
    expect(upload.statusCode).toBe(401);
  });

  it('sends the security headers on a page, an API answer, a thumbnail, an asset and a 404', async () => {
    const get = (url: string) => env.app.inject({ method: 'GET', url, headers: { cookie: client.cookie } });
    // A diary link: index.html, whose one inline script preloads the week's API call.
    const page = await get(`/contracts/${world.contracts.dev}/diary?week=2026-11-23&tz=utc`);
    const answer = await get('/api/auth/me');
    const thumb = await get(thumbnail());
    const asset = await get('/assets/index-A.js');
    const missing = await get('/api/nothing-here');
    const docs = await get('/api/docs');
    for (const [what, res] of Object.entries({ page, answer, thumb, asset, missing, docs })) {
      expect(res.statusCode, what).toBe(what === 'missing' ? 404 : 200);
      expectSecurityHeaders(res.headers, what);
      expect(res.headers['strict-transport-security'], what).toBeUndefined();
    }
    // Every inline script the page runs is allowed by its hash, and nothing else inline is.
    const scripts = inlineScripts(page.body);
    expect(scripts).toHaveLength(1);
    for (const script of scripts) expect(page.headers['content-security-policy']).toContain(sha256(script));
  });

  it('keeps the API’s data out of every cache, and the images and assets in the browser’s', async () => {
    const get = (url: string) => env.app.inject({ method: 'GET', url, headers: { cookie: client.cookie } });
    expect((await get('/api/auth/me')).headers['cache-control']).toBe('no-store');
    expect((await get(`/api/contracts/${world.contracts.dev}/weeks/2026-11-23`)).headers['cache-control']).toBe('no-store');
    expect((await env.app.inject({ method: 'GET', url: '/api/auth/me' })).headers['cache-control']).toBe('no-store');
    expect((await get(thumbnail())).headers['cache-control']).toBe('private, max-age=31536000, immutable');
    expect((await get(thumbnail().replace('thumbnail', 'screenshot'))).headers['cache-control']).toBe('private, max-age=31536000, immutable');
    expect((await get('/assets/index-A.js')).headers['cache-control']).toBe('public, max-age=31536000, immutable');
    // A slot without an image answers a problem, which no cache may keep as if it were the image.
    const none = await get(thumbnail().replace('09:00', '11:00'));
    expect(none.statusCode).toBe(404);
    expect(none.headers['cache-control']).toBe('no-store');
  });

  it('answers an unknown API path 404 with a problem, whatever the method, never the dashboard', async () => {
    for (const [method, url] of [
      ['GET', '/api/nothing-here'],
      ['GET', '/api/contracts/x/nothing'],
      ['GET', '/api'],
      ['HEAD', '/api/nothing-here'],
      ['POST', '/api/nothing-here'],
      ['DELETE', '/api/auth'],
    ] as const) {
      const res = await env.app.inject({ method, url, headers: { cookie: client.cookie } });
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      expect(res.headers['content-type'], `${method} ${url}`).toContain('application/problem+json');
      if (method !== 'HEAD') expect(res.body).not.toContain('<div id="root">');
    }
  });

  it('serves nothing from a dot folder', async () => {
    for (const url of ['/.hidden/notes.js', '/.hidden/', '/.hidden', '/%2ehidden/notes.js', '/assets/../.hidden/notes.js']) {
      const res = await env.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(404);
      expect(res.body, url).not.toContain('hiddenFromTheWeb');
      expect(res.body, url).not.toContain('<div id="root">');
    }
  });
});

describe('an installation at an https public URL', () => {
  let env: TestEnv;
  let world: World;
  const PUBLIC = 'https://diary.example.com';

  beforeAll(async () => {
    env = await createTestEnv('pglite', { publicUrl: PUBLIC });
    world = await createWorld(env.database);
  });
  afterAll(async () => env?.close());

  const signIn = (headers: Record<string, string>) =>
    env.app.inject({ method: 'POST', url: '/api/auth/login', headers: { host: 'diary.internal:3000', ...headers }, payload: { email: world.users.client.email, password: PASSWORD } });

  it('sends HSTS and a Secure session cookie', async () => {
    const res = await signIn({ origin: PUBLIC });
    expect(res.statusCode).toBe(200);
    expect(res.headers['strict-transport-security']).toMatch(/^max-age=\d{8,}/);
    expect(res.cookies.find((c) => c.name === 'wd_session')?.secure).toBe(true);
    expect((await env.app.inject({ method: 'GET', url: '/api/health' })).headers['strict-transport-security']).toMatch(/^max-age=/);
  });

  it('takes changes from the public URL only, whatever Host the proxy forwards', async () => {
    expect((await signIn({ origin: 'http://diary.internal:3000' })).statusCode).toBe(403);
    expect((await signIn({ origin: 'http://diary.example.com' })).statusCode).toBe(403);
    expect((await signIn({ origin: PUBLIC })).statusCode).toBe(200);
  });
});

describe('the request’s own origin, behind a trusted proxy', () => {
  let env: TestEnv;
  let world: World;

  beforeAll(async () => {
    env = await createTestEnv('pglite', { trustProxy: 1 });
    world = await createWorld(env.database);
  });
  afterAll(async () => env?.close());

  it('is the scheme and host the proxy forwards', async () => {
    const signIn = (origin: string) =>
      env.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { host: '127.0.0.1:3000', 'x-forwarded-host': 'diary.example.com', 'x-forwarded-proto': 'https', origin },
        payload: { email: world.users.client.email, password: PASSWORD },
      });
    const ok = await signIn('https://diary.example.com');
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await signIn('http://127.0.0.1:3000')).statusCode).toBe(403);
  });
});
