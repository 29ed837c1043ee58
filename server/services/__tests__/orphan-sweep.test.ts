// The orphan sweep with intent rows, on S3-compatible storage (a real s3rver), where an object
// cannot be touched the way a file is: a blob that a recent intent names survives the sweep
// until its upload commits or gives up; a blob nothing names goes. And an upload through the
// API leaves no intent behind.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, createTestEnv, loginEach, type TestEnv } from '#server/test/harness.ts';
import { createWorld, testImage, uploadForm, type World } from '#server/test/fixtures.ts';
import { startS3, type TestS3 } from '#server/test/s3.ts';
import { s3BlobStore } from '#server/storage/s3-blob-store.ts';
import { clearIntent, recordIntent } from '#server/data/blob-intents.ts';
import type { CreatedTracker } from '#contract/trackers.ts';
import { sweepOrphanBlobs } from '../orphan-sweep.ts';

describe.each(backends)('orphan sweep with intents on %s and S3', (backend) => {
  let s3: TestS3;
  let env: TestEnv;
  let world: World;
  beforeAll(async () => {
    s3 = await startS3();
    env = await createTestEnv(backend, { blobs: s3BlobStore(s3.options) });
    world = await createWorld(env.database);
  });
  afterAll(async () => {
    await env?.close();
    await s3?.stop();
  });

  /** Everything written so far counts as an hour old. */
  const sweep = () => sweepOrphanBlobs(env.database, env.blobs, new Date(Date.now() + 1000));
  const ns = () => world.contracts.dev;

  it('keeps the blobs of an upload in flight, and deletes them once its intent is gone', async () => {
    const inFlight = await env.blobs.put(ns(), Buffer.from('being uploaded'));
    const intent = await recordIntent(env.database, ns(), [inFlight]);
    // The intent is recent against the cut-off (it was written "after" it).
    await env.database.query(`update blob_intents set created_at = now() + interval '1 hour' where id = $1`, [intent]);
    const orphan = await env.blobs.put(ns(), Buffer.from('its row never committed'));

    expect(await sweep()).toBe(1);
    expect(await env.blobs.get(ns(), orphan)).toBeNull();
    expect(await env.blobs.get(ns(), inFlight)).not.toBeNull();

    await clearIntent(env.database, intent); // the upload gave up
    expect(await sweep()).toBe(1);
    expect(await env.blobs.get(ns(), inFlight)).toBeNull();
  });

  it('deletes the intents of uploads that never finished once they are old', async () => {
    await recordIntent(env.database, ns(), ['a'.repeat(64)]);
    await sweep();
    expect(await env.database.query(`select 1 from blob_intents`)).toHaveLength(0);
  });

  it('an upload through the API stores its blobs in the bucket and clears its intent', async () => {
    const { dev, client } = await loginEach(env.app, world.users);
    const tracker = (await env.app.inject({ method: 'POST', url: '/api/trackers', headers: { cookie: dev.cookie }, payload: { deviceName: 'Laptop' } })).json<CreatedTracker>();
    const start = '2026-11-24T10:00:00.000Z';
    const meta = { capturedAt: '2026-11-24T10:04:00.000Z', keyboard: Array(10).fill(9), mouse: Array(10).fill(4), memo: 'Bucket', windowTitle: 'editor' };
    const { payload, contentType } = await uploadForm(meta, { name: 'shot.png', type: 'image/png', bytes: await testImage(5) });
    const res = await env.app.inject({ method: 'PUT', url: `/api/contracts/${ns()}/slots/${start}`, headers: { authorization: `Bearer ${tracker.token}`, 'content-type': contentType }, payload });
    expect(res.statusCode, res.body).toBe(201);
    expect(await env.database.query(`select 1 from blob_intents`)).toHaveLength(0);
    const thumb = await env.app.inject({ method: 'GET', url: `/api/contracts/${ns()}/slots/${start}/thumbnail`, headers: { cookie: client.cookie } });
    expect(thumb.statusCode).toBe(200);
    expect(thumb.headers['content-type']).toBe('image/webp');
    expect(await sweep()).toBe(0); // what the row names stays
  });
});
