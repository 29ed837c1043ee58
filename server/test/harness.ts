// Test harness: the real app on a real database. Every API test runs on embedded PGlite,
// and on PostgreSQL too when TEST_DATABASE_URL is set (each test file gets its own database).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';
import { buildApp, type App } from '../app.ts';
import { fixedClock, type SettableClock } from '../clock.ts';
import { openDatabase, type Database, type DatabaseTimeouts } from '../db/client.ts';
import { diskBlobStore, type BlobStore } from '../storage/blob-store.ts';
import type { CreatedTracker } from '#contract/trackers.ts';

export type Backend = 'pglite' | 'postgres';

const pgUrl = process.env.TEST_DATABASE_URL;
if (process.env.CI === 'true' && !pgUrl) {
  throw new Error('CI=true but TEST_DATABASE_URL is not set: API tests must run on PostgreSQL in CI.');
}

export const backends: Backend[] = pgUrl ? ['pglite', 'postgres'] : ['pglite'];

export interface TestEnv {
  app: App;
  database: Database;
  blobs: BlobStore;
  clock: SettableClock;
  close(): Promise<void>;
}

/** PostgreSQL only: reach the test database at `via` (host:port, e.g. a proxy that can fail) and with these timeouts. */
export interface PostgresRoute {
  via?: string;
  timeouts?: DatabaseTimeouts;
}

/** A fresh, empty database on the test PostgreSQL server: its URL, and how to drop it. */
export async function createPostgresDatabase(): Promise<{ url: URL; drop(): Promise<void> }> {
  if (!pgUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `wd_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(pgUrl);
  url.pathname = `/${name}`;
  return {
    url,
    drop: async () => {
      const c = new pg.Client({ connectionString: pgUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/**
 * Where the in-memory test databases start from: one migrated copy per set of migrations (and
 * PGlite version), made by the first test that needs it and shared by every file after.
 */
const memoryImage = (() => {
  const dir = path.resolve(import.meta.dirname, '../db/migrations');
  const h = createHash('sha256').update(JSON.stringify(JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../node_modules/@electric-sql/pglite/package.json'), 'utf8')).version));
  for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.sql')).sort()) h.update(f).update(fs.readFileSync(path.join(dir, f)));
  return path.join(os.tmpdir(), `workdiary-test-pglite-${h.digest('hex').slice(0, 16)}.bin`);
})();

export async function openTestDatabase(backend: Backend, route: PostgresRoute = {}): Promise<{ database: Database; drop(): Promise<void> }> {
  if (backend === 'pglite') {
    const database = await openDatabase({ memoryImage });
    return { database, drop: async () => {} };
  }
  const { url, drop } = await createPostgresDatabase();
  if (route.via) url.host = route.via;
  const database = await openDatabase({ url: url.toString(), poolSize: 20, timeouts: route.timeouts });
  return { database, drop };
}

export async function createTestEnv(
  backend: Backend,
  opts: {
    now?: string;
    loginMaxFailures?: number;
    /** Fastify's trustProxy, as WORKDIARY_TRUST_PROXY gives it; off by default. */
    trustProxy?: false | number | string[];
    /** a built dashboard to serve */
    staticDir?: string;
    /** WORKDIARY_PUBLIC_URL; https makes the cookie Secure, as config.ts does */
    publicUrl?: string;
    postgres?: PostgresRoute;
    requestTimeoutMs?: number;
    /** instead of a disk store in a fresh temporary folder */
    blobs?: BlobStore;
  } = {},
): Promise<TestEnv> {
  const { database, drop } = await openTestDatabase(backend, opts.postgres);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wd-blobs-'));
  const blobs = opts.blobs ?? diskBlobStore(dir);
  const clock = fixedClock(opts.now ?? '2026-11-25T15:00:00Z');
  const app = await buildApp({
    database,
    blobs,
    clock,
    config: {
      login: { maxFailures: opts.loginMaxFailures ?? 1000, windowMs: 900_000 },
      secureCookies: Boolean(opts.publicUrl?.startsWith('https:')),
      publicUrl: opts.publicUrl,
      trustProxy: opts.trustProxy ?? false,
      requestTimeoutMs: opts.requestTimeoutMs ?? 15_000,
      logLevel: 'silent',
    },
    staticDir: opts.staticDir,
  });
  await app.ready();
  return {
    app,
    database,
    blobs,
    clock,
    close: async () => {
      await app.close();
      await database.close();
      await drop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A signed-in user, as requests send them: the session cookie header. */
export type Who = { cookie: string };

/** Signs in through the API and returns the cookie header for later requests. */
export async function login(app: App, email: string, password = 'test-password'): Promise<Who> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`login ${email} failed: ${res.statusCode} ${res.body}`);
  const c = res.cookies.find((x) => x.name === 'wd_session');
  if (!c) throw new Error('no session cookie');
  return { cookie: `wd_session=${c.value}` };
}

/** Signs in each of the world's users by name: `{ dev: { cookie }, client: { cookie }, … }`. */
export async function loginEach<K extends string>(app: App, users: Record<K, { email: string }>): Promise<Record<K, Who>> {
  const entries = await Promise.all(Object.entries<{ email: string }>(users).map(async ([name, u]) => [name, await login(app, u.email)] as const));
  return Object.fromEntries(entries) as Record<K, Who>;
}

/** Connects a tracker for a signed-in contractor, as the dashboard does; returns its bearer token. */
export async function connectTracker(app: App, who: { cookie: string }, deviceName = 'Dev laptop'): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/trackers', headers: { cookie: who.cookie }, payload: { deviceName } });
  if (res.statusCode !== 201) throw new Error(`connecting a tracker failed: ${res.statusCode} ${res.body}`);
  return res.json<CreatedTracker>().token;
}
