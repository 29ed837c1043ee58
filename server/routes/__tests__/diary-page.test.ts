// A diary link is the dashboard's plain index.html, the same bytes for every viewer: the
// browser keeps it and revalidates it (ETag), and the page itself starts the week's API call
// (API_PRELOAD_SCRIPT, allowed by its hash). How fast it then shows the week and answers a
// click is the bench's and e2e/first-screen.spec.ts's to show.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_PRELOAD_SCRIPT } from '#server/lib/page-scripts.ts';
import { backends, createTestEnv, login, type TestEnv } from '#server/test/harness.ts';
import { addSlots, createWorld, slotRun, type World } from '#server/test/fixtures.ts';

const WEEK = '2026-11-23';
const INDEX = `<!doctype html><html><head><title>workdiary</title><script>${API_PRELOAD_SCRIPT}</script></head><body><div id="root"></div></body></html>`;
const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe.each(backends)('a diary link, on %s', (backend) => {
  let env: TestEnv;
  let world: World;
  let client: { cookie: string };
  let client2: { cookie: string };
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'wd-dist-'));

  beforeAll(async () => {
    fs.writeFileSync(path.join(dist, 'index.html'), INDEX);
    env = await createTestEnv(backend, { staticDir: dist });
    world = await createWorld(env.database);
    await addSlots(env.database, env.blobs, world.contracts.designer, slotRun('2026-11-24T09:00:00.000Z', 25, { active: 6 }));
    client = await login(env.app, world.users.client.email);
    client2 = await login(env.app, world.users.client2.email);
  });
  afterAll(async () => {
    await env?.close();
    fs.rmSync(dist, { recursive: true, force: true });
  });

  const diaryUrl = () => `/contracts/${world.contracts.designer}/diary?week=${WEEK}&tz=utc`;
  const get = (url: string, headers: Record<string, string> = {}) => env.app.inject({ method: 'GET', url, headers });

  it('is index.html as built, whoever asks, for a browser to keep and revalidate', async () => {
    const url = diaryUrl();
    const pages = await Promise.all([
      get(url, { cookie: client.cookie }),
      // The viewport hints a browser may send change nothing.
      get(url, { cookie: client.cookie, 'sec-ch-viewport-width': '1280', 'sec-ch-viewport-height': '800' }),
      get(url, { cookie: client2.cookie }),
      get(url),
      get(`${url}&day=2026-11-24`, { cookie: client.cookie }),
      get('/contracts', { cookie: client.cookie }),
    ]);
    for (const res of pages) {
      expect(res.statusCode).toBe(200);
      expect(res.body).toBe(INDEX);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers.etag).toBe(pages[0]!.headers.etag);
      expect(res.headers['accept-ch']).toBeUndefined();
      expect(res.headers['critical-ch']).toBeUndefined();
      // Its one inline script, the API preload, runs under the policy.
      expect(res.headers['content-security-policy']).toContain(sha256(API_PRELOAD_SCRIPT));
    }
    expect(pages[0]!.headers.etag).toBeTruthy();
  });

  it('answers a revisit that still has it with 304 and no body', async () => {
    const url = diaryUrl();
    const first = await get(url, { cookie: client.cookie });
    const again = await get(url, { cookie: client.cookie, 'if-none-match': String(first.headers.etag) });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });
});
