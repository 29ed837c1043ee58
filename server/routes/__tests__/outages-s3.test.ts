// An S3 bucket that is down or hangs, through the real app and a real s3rver: uploads and
// thumbnails answer 503 with Retry-After within a few seconds (never a 500, never a hang),
// health names the bucket, and once it is back the tracker's retry is stored whole.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { backends, connectTracker, createTestEnv, loginEach, type Backend, type TestEnv, type Who } from '#server/test/harness.ts';
import { createWorld, desktopScreenshot, uploadForm, type World } from '#server/test/fixtures.ts';
import { faultProxy, type FaultProxy } from '#server/test/fault-proxy.ts';
import { startS3, type TestS3 } from '#server/test/s3.ts';
import { s3BlobStore, S3_TIMEOUT_MS, type S3Options } from '#server/storage/s3-blob-store.ts';
import { metaFor, T } from './ingest-suite.ts';

/** The store's deadline, and what the app and the test's own machinery may add to it. */
const PROMPT_MS = S3_TIMEOUT_MS + 1500;

function expectUnavailable(res: LightMyRequestResponse, detail: RegExp) {
  expect(res.statusCode, res.body).toBe(503);
  expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  expect(res.headers['content-type']).toContain('application/problem+json');
  expect(res.json()).toMatchObject({ status: 503, detail: expect.stringMatching(detail) });
}

async function timed(request: Promise<LightMyRequestResponse>) {
  const t0 = performance.now();
  const res = await request;
  return { res, ms: performance.now() - t0 };
}

/** The app with its screenshots in the bucket `options` reaches, the world, a tracker for the developer. */
async function appOnBucket(backend: Backend, options: S3Options) {
  const env = await createTestEnv(backend, { blobs: s3BlobStore(options) });
  const world = await createWorld(env.database);
  const who = await loginEach(env.app, world.users);
  const token = await connectTracker(env.app, who.dev);
  const slotUrl = (start: string) => `/api/contracts/${world.contracts.dev}/slots/${start}`;
  return {
    env,
    world,
    client: who.client,
    dev: who.dev,
    slotUrl,
    upload: async (start: string, image: Buffer) => {
      const body = await uploadForm(metaFor(start), { bytes: image });
      return env.app.inject({ method: 'PUT', url: slotUrl(start), headers: { authorization: `Bearer ${token}`, 'content-type': body.contentType }, payload: body.payload });
    },
    get: (url: string, who: Who) => env.app.inject({ method: 'GET', url, headers: { cookie: who.cookie } }),
    health: () => env.app.inject({ method: 'GET', url: '/api/health' }),
  };
}

describe.each(backends)('a stopped S3 server (on %s)', (backend) => {
  let s3: TestS3;
  let app: Awaited<ReturnType<typeof appOnBucket>>;
  let env: TestEnv;
  let world: World;
  beforeAll(async () => {
    s3 = await startS3();
    app = await appOnBucket(backend, s3.options);
    ({ env, world } = app);
  });
  afterAll(async () => {
    await env?.close();
    await s3?.stop();
  });

  it('refuses uploads and thumbnails with 503 while it is down, and keeps the retried upload once it is back', async () => {
    const before = T('09:00');
    const during = T('09:10');
    const toDelete = T('09:20');
    const [shotBefore, shotDuring, shotToDelete] = await Promise.all([desktopScreenshot(11), desktopScreenshot(12), desktopScreenshot(13)]);
    expect((await app.upload(before, shotBefore)).statusCode).toBe(201);
    expect((await app.upload(toDelete, shotToDelete)).statusCode).toBe(201);
    const thumbBefore = await app.get(`${app.slotUrl(before)}/thumbnail`, app.client);
    expect(thumbBefore.statusCode).toBe(200);

    await s3.halt();
    try {
      const up = await timed(app.upload(during, shotDuring));
      expectUnavailable(up.res, /screenshot store cannot be written.*send it again/i);
      expect(up.ms).toBeLessThan(PROMPT_MS);

      const thumb = await timed(app.get(`${app.slotUrl(before)}/thumbnail`, app.client));
      expectUnavailable(thumb.res, /screenshot store cannot be read.*try again/i);
      expect(thumb.ms).toBeLessThan(PROMPT_MS);

      const health = await timed(app.health());
      expectUnavailable(health.res, /screenshot bucket does not answer.*WORKDIARY_S3_/);
      expect(health.res.json().detail).not.toMatch(/folder/);
      expect(health.res.json()).toMatchObject({ database: { ok: true }, blobs: { ok: false, error: expect.stringMatching(/ECONNREFUSED/) } });
      expect(health.ms).toBeLessThan(2000);
      // Nothing of the refused upload was kept: the tracker still has it and sends it again.
      expect((await app.get(app.slotUrl(during), app.client)).statusCode).toBe(404);
      // A deletion is done once its row is: the files it leaves are the orphan sweep's.
      const deleted = await env.app.inject({ method: 'DELETE', url: app.slotUrl(toDelete), headers: { cookie: app.dev.cookie } });
      expect(deleted.statusCode, deleted.body).toBe(204);
    } finally {
      await s3.resume();
    }

    const retried = await app.upload(during, shotDuring);
    expect(retried.statusCode, retried.body).toBe(201);
    expect((await app.get(`${app.slotUrl(during)}/thumbnail`, app.client)).statusCode).toBe(200);
    expect((await app.get(`${app.slotUrl(before)}/thumbnail`, app.client)).rawPayload.equals(thumbBefore.rawPayload)).toBe(true);
    expect((await app.health()).json()).toMatchObject({ status: 'ok', blobs: { ok: true } });
    const [slots] = await env.database.query<{ n: number }>('select count(*)::int as n from slots where contract_id = $1 and deleted_at is null', [world.contracts.dev]);
    expect(slots!.n).toBe(2);
  });
});

describe.each(backends)('an S3 server that accepts connections and never answers (on %s)', (backend) => {
  let s3: TestS3;
  let proxy: FaultProxy;
  let app: Awaited<ReturnType<typeof appOnBucket>>;
  beforeAll(async () => {
    s3 = await startS3();
    const target = new URL(s3.options.endpoint!);
    proxy = await faultProxy({ host: target.hostname, port: Number(target.port) });
    app = await appOnBucket(backend, { ...s3.options, endpoint: `http://${proxy.via}` });
  });
  afterAll(async () => {
    await app?.env.close();
    await proxy?.close();
    await s3?.stop();
  });

  it('answers 503 within the deadline instead of holding the tracker or the browser, and stores the upload once it answers', async () => {
    const before = T('10:00');
    const during = T('10:10');
    const [shotBefore, shotDuring] = await Promise.all([desktopScreenshot(21), desktopScreenshot(22)]);
    expect((await app.upload(before, shotBefore)).statusCode).toBe(201);

    proxy.freeze();
    try {
      const health = await timed(app.health());
      expectUnavailable(health.res, /screenshot bucket does not answer/);
      expect(health.res.json()).toMatchObject({ blobs: { ok: false, error: expect.any(String) } });
      expect(health.ms).toBeLessThan(2000);

      const [up, thumb] = await Promise.all([timed(app.upload(during, shotDuring)), timed(app.get(`${app.slotUrl(before)}/thumbnail`, app.client))]);
      expectUnavailable(up.res, /screenshot store cannot be written \(no answer within 5 s\)/);
      expectUnavailable(thumb.res, /screenshot store cannot be read \(no answer within 5 s\)/);
      expect(up.ms).toBeLessThan(PROMPT_MS);
      expect(thumb.ms).toBeLessThan(PROMPT_MS);
      console.log(`hanging S3: health 503 in ${health.ms.toFixed(0)} ms, upload 503 in ${up.ms.toFixed(0)} ms, thumbnail 503 in ${thumb.ms.toFixed(0)} ms`);
    } finally {
      await proxy.heal();
    }

    const retried = await app.upload(during, shotDuring);
    expect(retried.statusCode, retried.body).toBe(201);
    const thumb = await app.get(`${app.slotUrl(during)}/thumbnail`, app.client);
    expect(thumb.statusCode).toBe(200);
    expect(thumb.headers['content-type']).toBe('image/webp');
  });
});
