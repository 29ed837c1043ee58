// Images sent to hurt the server, through the real upload route on a real database: each is
// refused with 422 and a problem body (never a 500, which the tracker would retry forever),
// sixteen at once are all refused and the server still takes a normal upload afterwards, and
// a blob store that cannot be written answers 503 and keeps nothing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '#server/app.ts';
import { backends, type TestEnv } from '#server/test/harness.ts';
import { createTrackerEnv, desktopScreenshot, uploadForm, type World } from '#server/test/fixtures.ts';
import { animatedWebp, declaredPng, hostileBurst, plainJpeg, scanBombJpeg, truncatedPng } from '#server/test/hostile-images.ts';
import { diskBlobStore } from '#server/storage/blob-store.ts';
import type { Problem } from '#contract/common.ts';

const counts = (active: number) => Array.from({ length: 10 }, (_, m) => (m < active ? 5 : 0));

/** The tracker's multipart body for the slot at `start` with `image` as its screenshot. */
const uploadBody = (start: string, image: Buffer, type: string) =>
  uploadForm(
    { capturedAt: new Date(Date.parse(start) + 60_000).toISOString(), keyboard: counts(5), mouse: counts(3), memo: 'Checkout page', windowTitle: 'checkout.tsx' },
    { bytes: image, type, name: 'shot' },
  );

/** The n-th 10-minute slot of Wednesday 2026-11-25 (the test clock's day), from 00:00 UTC. */
const slot = (n: number) => new Date(Date.parse('2026-11-25T00:00:00Z') + n * 600_000).toISOString();

describe.each(backends)('hostile images on %s', (backend) => {
  let env: TestEnv;
  let world: World;
  let token: string;

  beforeAll(async () => {
    ({ env, world, devToken: token } = await createTrackerEnv(backend));
  });
  afterAll(async () => {
    await env?.close();
  });

  const upload = async (start: string, image: Buffer, type: string, app: App = env.app) => {
    const body = await uploadBody(start, image, type);
    return app.inject({
      method: 'PUT',
      url: `/api/contracts/${world.contracts.dev}/slots/${start}`,
      headers: { authorization: `Bearer ${token}`, 'content-type': body.contentType },
      payload: body.payload,
    });
  };
  let next = 1;
  const slotsAt = async (start: string) => (await env.database.query('select 1 from slots where start = $1', [start])).length;

  it.each([
    ['a 66-byte PNG declaring 4,000,000×10 px', () => declaredPng(4_000_000, 10), 'image/png', /4000000×10 .*16,384/],
    ['a JPEG 20,000 px tall (2.4 MP)', () => plainJpeg(120, 20_000), 'image/jpeg', /120×20000 .*16,384/],
    ['a JPEG of 7000×6000 px (42 MP)', () => plainJpeg(7000, 6000), 'image/jpeg', /7000×6000 .*40 megapixels/],
    ['a progressive JPEG of 883 scans', () => scanBombJpeg(2000), 'image/jpeg', /883 scans.*at most 100/],
    ['an animated WebP', () => animatedWebp(8, 400), 'image/webp', /8 frames/],
    ['a PNG cut off halfway', () => truncatedPng(), 'image/png', /could not be decoded/],
  ])('refuses %s with 422 and says why', async (_name, make, type, says) => {
    const start = slot(next++);
    const res = await upload(start, await make(), type);
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const problem = res.json<Problem>();
    expect(problem.detail).toMatch(says);
    expect(problem.errors).toEqual([expect.objectContaining({ field: 'screenshot' })]);
    expect(await slotsAt(start)).toBe(0);
  });

  it('refuses 16 hostile uploads sent at once, each with 4xx, and takes a normal upload afterwards', async () => {
    const burst = await hostileBurst();
    const answers = await Promise.all(burst.map((h, i) => upload(slot(10 + i), h.bytes, h.type)));
    const seen = answers.map((r, i) => `${burst[i]!.name}: ${r.statusCode} ${r.headers['content-type']}`);
    expect(seen).toEqual(burst.map((h) => expect.stringMatching(new RegExp(`^${h.name.replace(/[()*+?.]/g, '\\$&')}: 4\\d\\d application/problem\\+json`))));

    const normal = await upload(slot(30), await desktopScreenshot(3), 'image/png');
    expect(normal.statusCode).toBe(201);
  });

  it('answers 503 with Retry-After when the blob store cannot be written, and keeps neither the slot nor a half-written file', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'wd-broken-blobs-'));
    const blobsDir = path.join(root, 'blobs');
    const app = await buildApp({
      database: env.database,
      blobs: diskBlobStore(blobsDir),
      clock: env.clock,
      config: { login: { maxFailures: 1000, windowMs: 900_000 }, secureCookies: false, trustProxy: false, requestTimeoutMs: 15_000, logLevel: 'silent' },
    });
    try {
      // Root ignores a read-only mode, so the folder is made unwritable for everyone: a file stands where it should be.
      fs.writeFileSync(blobsDir, 'not a folder');
      const start = slot(40);
      const res = await upload(start, await desktopScreenshot(4), 'image/png', app);
      expect(res.statusCode).toBe(503);
      expect(res.headers['retry-after']).toMatch(/^\d+$/);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.json<Problem>().detail).toMatch(/cannot be written/);
      expect(await slotsAt(start)).toBe(0);
      expect(fs.readdirSync(root)).toEqual(['blobs']);

      // Once it can be written again, the same upload is taken.
      fs.rmSync(blobsDir);
      expect((await upload(start, await desktopScreenshot(4), 'image/png', app)).statusCode).toBe(201);
      const left = fs.readdirSync(blobsDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.tmp'));
      expect(left).toEqual([]);
    } finally {
      await app.close();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
