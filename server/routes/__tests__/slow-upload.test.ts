// A tracker on a slow uplink: its upload's body streams in for longer than the request
// deadline that cuts off every other route, and is still stored.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '#server/app.ts';
import { backends, type TestEnv } from '#server/test/harness.ts';
import { createTrackerEnv, desktopScreenshot, uploadForm, type World } from '#server/test/fixtures.ts';

const DEADLINE_MS = 1500;

describe.each(backends)('a slow upload on %s', (backend) => {
  let env: TestEnv;
  /** The same database behind the short deadline; set up without it, so a slow machine's sign-in is not cut off. */
  let app: App;
  let world: World;
  let token: string;
  let port: number;

  beforeAll(async () => {
    ({ env, world, devToken: token } = await createTrackerEnv(backend));
    app = await buildApp({
      database: env.database,
      blobs: env.blobs,
      clock: env.clock,
      config: { ...env.app.deps.config, requestTimeoutMs: DEADLINE_MS, logLevel: 'silent' },
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    port = (app.server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await app?.close();
    await env?.close();
  });

  it('is stored although its body takes longer than the request deadline', async () => {
    const start = '2026-11-25T09:00:00.000Z';
    const counts = [3, 4, 5, 6, 7, 1, 2, 3, 4, 5];
    const { payload: body, contentType } = await uploadForm(
      { capturedAt: '2026-11-25T09:04:00.000Z', keyboard: counts, mouse: counts, memo: 'Slow line', windowTitle: 'editor' },
      { bytes: await desktopScreenshot(1) },
    );

    const answer = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = http.request(
        {
          port,
          host: '127.0.0.1',
          method: 'PUT',
          path: `/api/contracts/${world.contracts.dev}/slots/${start}`,
          headers: { authorization: `Bearer ${token}`, 'content-type': contentType, 'content-length': body.length },
        },
        (res) => {
          let text = '';
          res.on('data', (c: Buffer) => (text += c.toString()));
          res.on('end', () => resolve({ status: res.statusCode!, text }));
        },
      );
      req.on('error', reject);
      // Half the body, then a pause longer than the deadline, then the rest.
      req.write(body.subarray(0, body.length >> 1));
      setTimeout(() => req.end(body.subarray(body.length >> 1)), DEADLINE_MS * 2);
    });
    expect(answer.status, answer.text).toBe(201);
    expect(await env.database.query('select 1 from slots where contract_id = $1 and start = $2', [world.contracts.dev, start])).toHaveLength(1);
  });
});
