// A database or blob store that is down, partitioned or slow answers 503 with Retry-After and
// a problem a person can act on, promptly: never a generic 500, never a hang.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { backends, createTestEnv, login, type TestEnv } from '#server/test/harness.ts';
import { createWorld } from '#server/test/fixtures.ts';
import { faultProxy, type FaultProxy } from '#server/test/fault-proxy.ts';
import { diskBlobStore } from '#server/storage/blob-store.ts';
import type { DatabaseTimeouts } from '#server/db/client.ts';

const pgUrl = process.env.TEST_DATABASE_URL;

/** Short limits, so an outage shows in a second or two rather than the production defaults. */
const TIMEOUTS = { connectTimeoutMs: 500, statementTimeoutMs: 1000 };

async function timed(request: Promise<LightMyRequestResponse>) {
  const t0 = performance.now();
  const res = await request;
  return { res, ms: performance.now() - t0 };
}

function expectUnavailable(res: LightMyRequestResponse, detail: RegExp) {
  expect(res.statusCode, res.body).toBe(503);
  expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  expect(res.headers['content-type']).toContain('application/problem+json');
  expect(res.json()).toMatchObject({ status: 503, detail: expect.stringMatching(detail) });
}

/** The app on a fresh test database reached through a fault proxy, with a client signed in. */
async function behindProxy(opts: { timeouts: DatabaseTimeouts; requestTimeoutMs?: number }) {
  const target = new URL(pgUrl!);
  const proxy = await faultProxy({ host: target.hostname, port: Number(target.port || 5432) });
  const env = await createTestEnv('postgres', { postgres: { via: proxy.via, timeouts: opts.timeouts }, requestTimeoutMs: opts.requestTimeoutMs });
  const world = await createWorld(env.database);
  const client = await login(env.app, world.users.client.email);
  return {
    proxy,
    env,
    client,
    close: async () => {
      await proxy.heal();
      await env.close();
      await proxy.close();
    },
  };
}

// PGlite runs inside the server's own process: it cannot be partitioned, refuse connections or
// be restarted, so these outages exist on PostgreSQL only.
describe.skipIf(!pgUrl)('a PostgreSQL outage (through a proxy that can freeze or drop the connection)', () => {
  let proxy: FaultProxy;
  let env: TestEnv;
  let client: { cookie: string };
  let close: (() => Promise<void>) | undefined;
  const readContracts = () => env.app.inject({ method: 'GET', url: '/api/contracts', headers: client });
  // Sent with the session cookie, as a signed-in browser would: health still never waits on it.
  const health = () => env.app.inject({ method: 'GET', url: '/api/health', headers: client });

  beforeAll(async () => {
    ({ proxy, env, client, close } = await behindProxy({ timeouts: TIMEOUTS }));
  });
  afterAll(async () => close?.());

  it('answers 503 with Retry-After while the database is down, and 200 once it is back', async () => {
    expect((await readContracts()).statusCode).toBe(200);
    await proxy.kill();
    try {
      const read = await timed(readContracts());
      expectUnavailable(read.res, /database is not answering.*try again/i);
      expect(read.ms).toBeLessThan(2000);

      const checked = await timed(health());
      expectUnavailable(checked.res, /database is not answering/i);
      expect(checked.res.json()).toMatchObject({ database: { kind: 'postgres', ok: false }, blobs: { ok: true } });
      expect(checked.ms).toBeLessThan(2000);
    } finally {
      await proxy.heal();
    }
    // The pool drops the dead connections and makes new ones: no restart needed.
    expect((await readContracts()).statusCode).toBe(200);
    expect((await health()).json()).toMatchObject({ status: 'ok', database: { kind: 'postgres', ok: true }, blobs: { ok: true } });
  });

  it('answers 503 within the timeouts while the network to the database is partitioned, and 200 after', async () => {
    expect((await readContracts()).statusCode).toBe(200);
    proxy.freeze();
    try {
      const checked = await timed(health());
      expectUnavailable(checked.res, /database is not answering/i);
      expect(checked.res.json()).toMatchObject({ database: { ok: false, error: expect.any(String) }, blobs: { ok: true } });
      expect(checked.ms).toBeLessThan(2000);

      // The statement's limit plus the client's margin on an open connection; the connect
      // timeout on a new one.
      const read = await timed(readContracts());
      expectUnavailable(read.res, /database is not answering/i);
      expect(read.ms).toBeLessThan(TIMEOUTS.statementTimeoutMs + 1000 + 1000);
      console.log(`frozen database: health 503 in ${checked.ms.toFixed(0)} ms, GET /api/contracts 503 in ${read.ms.toFixed(0)} ms`);
    } finally {
      await proxy.heal();
    }
    expect((await readContracts()).statusCode).toBe(200);
    expect((await health()).statusCode).toBe(200);
  });

  it('answers 503 when a statement runs past statement_timeout (here: waiting on a table a migration holds)', async () => {
    const res = await env.database.transaction(async (tx) => {
      await tx.query('lock table contracts in access exclusive mode');
      return readContracts();
    });
    expectUnavailable(res, /database is not answering/i);
    expect((await readContracts()).statusCode).toBe(200);
  });
});

describe.skipIf(!pgUrl)('the request timeout, when the database is slower to give up than the request may take', () => {
  const REQUEST_TIMEOUT_MS = 1000;
  let proxy: FaultProxy;
  let env: TestEnv;
  let client: { cookie: string };
  let close: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    ({ proxy, env, client, close } = await behindProxy({
      timeouts: { connectTimeoutMs: 5000, statementTimeoutMs: 10_000 },
      requestTimeoutMs: REQUEST_TIMEOUT_MS,
    }));
  });
  afterAll(async () => close?.());

  it('answers 503 with Retry-After at the deadline instead of holding the client', async () => {
    proxy.freeze();
    try {
      const read = await timed(env.app.inject({ method: 'GET', url: '/api/contracts', headers: client }));
      expectUnavailable(read.res, /took too long/i);
      expect(read.ms).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS - 50);
      expect(read.ms).toBeLessThan(REQUEST_TIMEOUT_MS + 1000);
    } finally {
      await proxy.heal();
    }
  });
});

describe.each(backends)('health on %s', (backend) => {
  it('reports the database and the blob store, 200 when both answer', async () => {
    const env = await createTestEnv(backend);
    try {
      const res = await env.app.inject({ method: 'GET', url: '/api/health' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ status: 'ok', database: { kind: backend, ok: true, ms: expect.any(Number) }, blobs: { ok: true } });
    } finally {
      await env.close();
    }
  });

  it('answers 503 naming the blob store when it cannot be written (the database still ok)', async () => {
    // Root's permissions cannot be taken away by chmod; a folder under a regular file can never be made.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wd-unwritable-'));
    const notAFolder = path.join(dir, 'not-a-folder');
    fs.writeFileSync(notAFolder, '');
    const env = await createTestEnv(backend, { blobs: diskBlobStore(path.join(notAFolder, 'blobs')) });
    try {
      const t0 = performance.now();
      const res = await env.app.inject({ method: 'GET', url: '/api/health' });
      expectUnavailable(res, /screenshot store/i);
      expect(res.json()).toMatchObject({ database: { kind: backend, ok: true }, blobs: { ok: false, error: expect.any(String) } });
      expect(performance.now() - t0).toBeLessThan(2000);
    } finally {
      await env.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
