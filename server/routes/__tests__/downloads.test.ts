// The tracker's package, served by the server: anyone may download it (npm sends no cookie),
// it revalidates by its ETag, a rebuild is served at once, and a server whose build has not
// packed it answers a problem that says what to do.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '#server/test/harness.ts';
import type { Problem } from '#contract/common.ts';

const URL = '/downloads/workdiary-tracker.tgz';

describe('GET /downloads/workdiary-tracker.tgz', () => {
  let built: TestEnv;
  let unbuilt: TestEnv;
  let dist: string;
  const tgz = (text: string) => zlib.gzipSync(Buffer.from(text));
  const pack = (bytes: Buffer) => fs.writeFileSync(path.join(dist, 'downloads', 'workdiary-tracker.tgz'), bytes);

  beforeAll(async () => {
    dist = fs.mkdtempSync(path.join(os.tmpdir(), 'wd-dist-'));
    fs.mkdirSync(path.join(dist, 'downloads'));
    fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>workdiary</title>');
    pack(tgz('tracker v1'));
    built = await createTestEnv('pglite', { staticDir: dist });
    unbuilt = await createTestEnv('pglite');
  });
  afterAll(async () => {
    await built?.close();
    await unbuilt?.close();
    fs.rmSync(dist, { recursive: true, force: true });
  });

  it('hands out the packed tracker without a session, as gzip with an ETag to revalidate', async () => {
    const res = await built.app.inject({ method: 'GET', url: URL });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/gzip');
    expect(res.headers['content-disposition']).toBe('attachment; filename="workdiary-tracker.tgz"');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(zlib.gunzipSync(res.rawPayload).toString()).toBe('tracker v1');
    const etag = res.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]+"$/);

    // Unchanged: 304 with no body; HEAD answers the same headers.
    const again = await built.app.inject({ method: 'GET', url: URL, headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const head = await built.app.inject({ method: 'HEAD', url: URL });
    expect(head.statusCode).toBe(200);
    expect(head.headers.etag).toBe(etag);

    // A rebuild is served at once, under a new ETag, to a client holding the old one.
    pack(tgz('tracker v2, rebuilt'));
    const rebuilt = await built.app.inject({ method: 'GET', url: URL, headers: { 'if-none-match': etag } });
    expect(rebuilt.statusCode).toBe(200);
    expect(zlib.gunzipSync(rebuilt.rawPayload).toString()).toBe('tracker v2, rebuilt');
    expect(rebuilt.headers.etag).not.toBe(etag);
  });

  it('is in the API document, public, with its answers', async () => {
    const doc = (await unbuilt.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const op = doc.paths[URL].get;
    expect(op.security).toEqual([]);
    expect(Object.keys(op.responses).sort()).toEqual(['200', '304', '404']);
  });

  it('answers 404 with what to do when the build has not packed the tracker', async () => {
    for (const env of [unbuilt, built]) {
      if (env === built) fs.rmSync(path.join(dist, 'downloads', 'workdiary-tracker.tgz'));
      const res = await env.app.inject({ method: 'GET', url: URL });
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
      const detail = res.json<Problem>().detail;
      expect(detail).toContain('has not been built on this server');
      expect(detail).toContain('npm run build');
    }
  });
});
