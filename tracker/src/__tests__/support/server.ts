// A real workdiary server for the tracker's integration tests: seeded through the server's
// own test fixtures, started as its own process (`server/main.ts`), so it can be stopped or
// killed with SIGKILL and started again on the same database and blobs.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openDatabase } from '../../../../server/db/client.ts';
import { createWorld, PASSWORD, type World } from '../../../../server/test/fixtures.ts';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export interface ServerSite {
  url: string;
  dataDir: string;
  databaseUrl?: string;
  world: World;
  /** Starts the server process with its clock at `now`; resolves once it listens. */
  start(now: string): Promise<void>;
  /** SIGTERM (a clean stop) or SIGKILL (a crash); resolves once the process is gone. */
  stop(signal?: 'SIGTERM' | 'SIGKILL'): Promise<void>;
  running(): boolean;
  /** Stops the server and removes its data (and its PostgreSQL database). */
  dispose(): Promise<void>;
}

/**
 * A data folder (and, with `postgresUrl`, a database of its own on that server) holding the
 * fixtures' world: companies, clients, contractors and their contracts, password PASSWORD.
 */
export async function createSite(opts: { postgresUrl?: string } = {}): Promise<ServerSite> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wdt-server-'));
  let databaseUrl: string | undefined;
  let dbName: string | undefined;
  if (opts.postgresUrl) {
    dbName = `wd_tracker_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: opts.postgresUrl });
    await admin.connect();
    await admin.query(`create database ${dbName}`);
    await admin.end();
    const u = new URL(opts.postgresUrl);
    u.pathname = `/${dbName}`;
    databaseUrl = u.toString();
  }
  const database = await openDatabase(databaseUrl ? { url: databaseUrl } : { dataDir });
  const world = await createWorld(database);
  await database.close();

  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;
  let exited: Promise<void> = Promise.resolve();

  const site: ServerSite = {
    url,
    dataDir,
    databaseUrl,
    world,
    async start(now) {
      if (child) throw new Error('the server is already running');
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        WORKDIARY_DATA_DIR: dataDir,
        WORKDIARY_NOW: now,
        WORKDIARY_DEMO: '0',
        LOG_LEVEL: 'warn',
      };
      if (databaseUrl) env.DATABASE_URL = databaseUrl;
      else delete env.DATABASE_URL;
      const p = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
      child = p;
      exited = new Promise((resolve) => p.once('exit', () => resolve()));
      let output = '';
      let listening = false;
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`the server did not start in 60 s:\n${output}`)), 60_000);
        const onData = (d: Buffer) => {
          output += d.toString();
          if (!listening && output.includes('workdiary is running at')) {
            listening = true;
            clearTimeout(timer);
            resolve();
          }
        };
        p.stdout!.on('data', onData);
        p.stderr!.on('data', onData);
        p.once('exit', (code, signal) => {
          if (child === p) child = null;
          if (listening) return;
          clearTimeout(timer);
          reject(new Error(`the server exited (${code ?? signal}) before listening:\n${output}`));
        });
      });
    },
    async stop(signal = 'SIGTERM') {
      const p = child;
      if (!p) return;
      p.kill(signal);
      await exited;
      child = null;
    },
    running: () => child !== null,
    async dispose() {
      await site.stop('SIGKILL');
      fs.rmSync(dataDir, { recursive: true, force: true });
      if (dbName) {
        const admin = new pg.Client({ connectionString: opts.postgresUrl });
        await admin.connect();
        await admin.query(`drop database if exists ${dbName} with (force)`);
        await admin.end();
      }
    },
  };
  return site;
}

/** Signs in through the API; returns the cookie header. */
export async function login(url: string, email: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD }) });
  if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('wd_session='));
  if (!cookie) throw new Error('no session cookie');
  return cookie.split(';')[0]!;
}

/** What a contractor does on the dashboard's Trackers page: a token for one device. */
export async function createTrackerToken(url: string, email: string, deviceName: string): Promise<string> {
  const cookie = await login(url, email);
  const res = await fetch(`${url}/api/trackers`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ deviceName }) });
  if (res.status !== 201 && res.status !== 200) throw new Error(`create tracker: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

export async function getJson<T>(url: string, cookie: string): Promise<T> {
  const res = await fetch(url, { headers: { cookie } });
  if (res.status !== 200) throw new Error(`GET ${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Real-time polling, for what another process or thread does (input events, uploads). */
export async function waitFor(what: string, ok: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await ok())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
