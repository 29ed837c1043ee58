// Full-size screenshots kept in S3 are handed to the browser as a 302 to a presigned GET of
// the bucket (a real s3rver), after the same access check as ever; thumbnails still stream
// through the API. The pages' Content-Security-Policy lets images come from the bucket.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, createTestEnv, loginEach, type TestEnv, type Who } from '#server/test/harness.ts';
import { addSlots, createWorld, desktopScreenshot, type World } from '#server/test/fixtures.ts';
import { startS3, type TestS3 } from '#server/test/s3.ts';
import { s3BlobStore, SIGNING_WINDOW_MS } from '#server/storage/s3-blob-store.ts';

const START = '2026-11-24T09:00:00.000Z';
const WINDOW_S = SIGNING_WINDOW_MS / 1000;

const imgSrc = (csp: unknown) => /img-src ([^;]*)/.exec(String(csp))?.[1];

describe.each(backends)('full-size screenshots from S3 on %s', (backend) => {
  let s3: TestS3;
  let env: TestEnv;
  let world: World;
  let who: Record<keyof World['users'], Who>;
  let shot: Buffer;
  const url = (contractId: string, suffix: string) => `/api/contracts/${contractId}/slots/${START}${suffix}`;
  const get = (path: string, as: Who) => env.app.inject({ method: 'GET', url: path, headers: { cookie: as.cookie } });

  beforeAll(async () => {
    s3 = await startS3();
    env = await createTestEnv(backend, { blobs: s3BlobStore(s3.options) });
    world = await createWorld(env.database);
    who = await loginEach(env.app, world.users);
    shot = await desktopScreenshot(7, 1280, 720);
    await addSlots(env.database, env.blobs, world.contracts.dev, [{ start: START, image: shot }]);
  });
  afterAll(async () => {
    await env?.close();
    await s3?.stop();
  });

  it('redirects the client to a presigned URL that serves the exact image, kept until the URL changes', async () => {
    const res = await get(url(world.contracts.dev, '/screenshot'), who.client);
    expect(res.statusCode, res.body).toBe(302);
    const location = String(res.headers.location);
    expect(new URL(location).origin).toBe(s3.options.endpoint);
    expect(location).toMatch(/X-Amz-Signature=/);
    const maxAge = Number(/^private, max-age=(\d+)$/.exec(String(res.headers['cache-control']))?.[1]);
    expect(maxAge).toBeGreaterThanOrEqual(0);
    expect(maxAge).toBeLessThanOrEqual(WINDOW_S);
    expect(res.headers.vary).toContain('Cookie');

    // The browser follows it with no cookie and no header of ours.
    const image = await fetch(location);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await image.arrayBuffer()).equals(shot)).toBe(true);
  });

  it('gives the same Location to two requests in one signing window', async () => {
    // Signed by the wall clock: if a window ends between the two requests, ask again.
    for (let attempt = 0; attempt < 3; attempt++) {
      const window = Math.floor(Date.now() / SIGNING_WINDOW_MS);
      const [a, b] = await Promise.all([get(url(world.contracts.dev, '/screenshot'), who.client), get(url(world.contracts.dev, '/screenshot'), who.admin)]);
      if (Math.floor(Date.now() / SIGNING_WINDOW_MS) !== window) continue;
      expect(a.headers.location).toBeDefined();
      expect(b.headers.location).toBe(a.headers.location);
      return;
    }
    throw new Error('three signing windows ended mid-request');
  });

  it('answers a user who may not see the slot 404, with no URL to the bucket', async () => {
    for (const as of [who.client2, who.designer]) {
      const res = await get(url(world.contracts.dev, '/screenshot'), as);
      expect(res.statusCode).toBe(404);
      expect(res.headers.location).toBeUndefined();
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body).not.toContain(s3.options.endpoint);
    }
  });

  it('still streams the thumbnail through the API, privately cached', async () => {
    const res = await get(url(world.contracts.dev, '/thumbnail'), who.client);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/webp');
    expect(res.headers['cache-control']).toBe('private, max-age=31536000, immutable');
    expect(res.headers.etag).toMatch(/^"[0-9a-f]{64}"$/);
  });

  it('lets the pages show images from the bucket (CSP img-src names its origin)', async () => {
    const res = await env.app.inject({ method: 'GET', url: '/api/health' });
    expect(imgSrc(res.headers['content-security-policy'])).toBe(`'self' data: blob: ${s3.options.endpoint}`);
  });
});

describe.each(backends)('full-size screenshots from the disk on %s', (backend) => {
  let env: TestEnv;
  afterAll(async () => env?.close());

  it('are streamed as before (200), and the CSP allows no other image origin', async () => {
    env = await createTestEnv(backend);
    const world = await createWorld(env.database);
    const { client } = await loginEach(env.app, world.users);
    const shot = await desktopScreenshot(8, 640, 360);
    await addSlots(env.database, env.blobs, world.contracts.dev, [{ start: START, image: shot }]);
    const res = await env.app.inject({ method: 'GET', url: `/api/contracts/${world.contracts.dev}/slots/${START}/screenshot`, headers: { cookie: client.cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(shot)).toBe(true);
    expect(imgSrc(res.headers['content-security-policy'])).toBe("'self' data: blob:");
  });
});
