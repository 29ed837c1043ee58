import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, createTestEnv, login, type TestEnv } from '../../test/harness.ts';
import { addSlots, createWorld, type World } from '../../test/fixtures.ts';
import { PRELOADED_THUMBNAILS, THUMBNAIL_PRELOAD_SCRIPT, THUMBNAIL_PRELOADS_ELEMENT_ID } from '../../services/diary-preload.ts';

const WEEK = '2026-11-23';
const at = (day: number, hh: number, mm: number) => new Date(Date.UTC(2026, 10, 23 + day, hh, mm)).toISOString();
const INDEX = '<!doctype html><html><head><title>workdiary</title></head><body><div id="root"></div></body></html>';
/** The thumbnail URLs the page's inline script will preload (from the data block it reads, right before it). */
const preloads = (html: string): string[] => {
  const m = new RegExp(`</title><script type="application/json" id="${THUMBNAIL_PRELOADS_ELEMENT_ID}">(.*?)</script><script>(.*?)</script>`).exec(html);
  if (!m) return [];
  expect(m[2]).toBe(THUMBNAIL_PRELOAD_SCRIPT);
  return JSON.parse(m[1]!) as string[];
};

describe.each(backends)('the diary page names its first screenful of thumbnails, on %s', (backend) => {
  let env: TestEnv;
  let world: World;
  let client: { cookie: string };
  let client2: { cookie: string };
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'wd-dist-'));

  beforeAll(async () => {
    fs.writeFileSync(path.join(dist, 'index.html'), INDEX);
    env = await createTestEnv(backend, { staticDir: dist });
    world = await createWorld(env.database);
    // 25 slots from Tuesday 09:00 with screenshots, a manual one before them, a deleted one first of all.
    await addSlots(env.database, env.blobs, world.contracts.designer, [
      { start: at(1, 8, 0), active: 5, deleted: true },
      { start: at(1, 8, 50), manual: true, memo: 'Call' },
      ...Array.from({ length: 25 }, (_, i) => ({ start: new Date(Date.parse(at(1, 9, 0)) + i * 600_000).toISOString(), active: 6 })),
    ]);
    client = await login(env.app, world.users.client.email);
    client2 = await login(env.app, world.users.client2.email);
  });
  afterAll(async () => {
    await env?.close();
    fs.rmSync(dist, { recursive: true, force: true });
  });

  const page = (url: string, cookie?: string) => env.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });

  it('preloads the first slots with a screenshot, in time order, as the cards address them', async () => {
    const res = await page(`/contracts/${world.contracts.designer}/diary?week=${WEEK}&tz=utc`, client.cookie);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('private, no-cache');
    const urls = preloads(res.body);
    expect(urls).toHaveLength(PRELOADED_THUMBNAILS);
    expect(urls[0]).toBe(`/api/contracts/${world.contracts.designer}/slots/${at(1, 9, 0)}/thumbnail`);
    expect(urls[1]).toBe(`/api/contracts/${world.contracts.designer}/slots/${at(1, 9, 10)}/thumbnail`);
    // The viewport is asked for (the server's render needs its width); this dist has no server render, so the page is the plain one.
    expect(res.headers['accept-ch']).toBe('Sec-CH-Viewport-Width, Sec-CH-Viewport-Height');
    expect(res.headers['critical-ch']).toBe('Sec-CH-Viewport-Width');
    const hinted = await env.app.inject({ method: 'GET', url: `/contracts/${world.contracts.designer}/diary?week=${WEEK}&tz=utc`, headers: { cookie: client.cookie, 'sec-ch-viewport-width': '1280' } });
    expect(hinted.headers['critical-ch']).toBeUndefined();
    expect(preloads(hinted.body)).toEqual(urls);
    // Each named thumbnail is one the viewer can fetch.
    const thumb = await page(urls[0]!, client.cookie);
    expect(thumb.statusCode).toBe(200);
    expect(thumb.headers['content-type']).toBe('image/webp');
  });

  it('names nothing for another company, without a session, or for a link to a day or a slot', async () => {
    for (const [url, cookie] of [
      [`/contracts/${world.contracts.designer}/diary?week=${WEEK}&tz=utc`, client2.cookie],
      [`/contracts/${world.contracts.designer}/diary?week=${WEEK}&tz=utc`, undefined],
      [`/contracts/${world.contracts.designer}/diary?week=${WEEK}&tz=utc&day=${WEEK}`, client.cookie],
      [`/contracts/${world.contracts.designer}/diary?week=2026-11-24&tz=utc`, client.cookie],
      [`/contracts/not-a-uuid/diary?week=${WEEK}`, client.cookie],
    ] as const) {
      const res = await page(url, cookie);
      expect(res.statusCode, url).toBe(200);
      expect(res.body).toBe(INDEX);
      expect(res.headers['cache-control']).toBe('no-cache');
    }
  });
});
