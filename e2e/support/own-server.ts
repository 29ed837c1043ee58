// A demo server of a spec's own, beside the shared one: for a spec that needs another clock, or
// that changes the database by hand. Its own port (E2E_PORT + portOffset) and data folder,
// seeded at `now` before the spec's tests, stopped and removed after them.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';

export interface OwnServer {
  baseURL: string;
  /** The server's data folder (its embedded database is `pglite/` in it). */
  dataDir: () => string;
  /** Stops the server and waits for it to exit, so another process may open its database. */
  stop: () => Promise<void>;
}

export function useOwnDemoServer({ portOffset, now, name }: { portOffset: number; now: string; name: string }): OwnServer {
  const port = Number(process.env.E2E_PORT ?? 4311) + portOffset;
  const baseURL = `http://127.0.0.1:${port}`;
  let server: ChildProcess | null = null;
  let dataDir = '';
  const stop = async () => {
    if (!server || server.exitCode !== null) return;
    const exited = once(server, 'exit');
    server.kill('SIGTERM');
    await exited;
  };

  test.use({ baseURL });
  test.beforeAll(async () => {
    test.setTimeout(420_000); // the demo seed draws its screenshots first
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `workdiary-e2e-${name}-`));
    server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', WORKDIARY_DATA_DIR: dataDir, WORKDIARY_NOW: now, WORKDIARY_DEMO: '1', DATABASE_URL: '' },
      stdio: 'ignore',
    });
    await expect
      .poll(async () => (await fetch(`${baseURL}/api/health`).catch(() => null))?.status ?? 0, { timeout: 400_000, intervals: [1000] })
      .toBe(200);
  });
  test.afterAll(async () => {
    await stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  return { baseURL, dataDir: () => dataDir, stop };
}
