// The week API measured over real HTTP (the app on 127.0.0.1, the client in its own process),
// the in-process floor (same SQL, same service, JSON.stringify, no HTTP) and a breakdown of
// where one request's time goes.
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import zlib from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { buildApp, type App } from '#server/app.ts';
import { fixedClock } from '#server/clock.ts';
import type { Database } from '#server/db/client.ts';
import { diskBlobStore } from '#server/storage/blob-store.ts';
import { findWeekSlots } from '#server/data/slots.ts';
import { findVisibleWeekContext } from '#server/data/weeks.ts';
import { findSessionUser, findUserForLogin, type User } from '#server/data/users.ts';
import { visibleWeek } from '#server/services/week-service.ts';
import { parseWeekKey, addWeeks } from '#server/domain/week.ts';
import type { Week } from '#contract/week.ts';
import { BENCH, type BenchWorld } from './data.ts';
import { concurrent, httpGet, keepAliveAgent, sequential, type LoadClient, type LoopResult } from './load.ts';
import { round, summarize, type Summary } from './stats.ts';

export interface ApiServer {
  app: App;
  base: string;
  cookie: string;
  close(): Promise<void>;
}

/** The real app on port 0, signed in as the bench's client through POST /api/auth/login. */
export async function startApiServer(database: Database, opts: { staticDir?: string; blobsDir?: string } = {}): Promise<ApiServer> {
  const blobsDir = opts.blobsDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'wd-bench-blobs-'));
  const app = await buildApp({
    database,
    blobs: diskBlobStore(blobsDir),
    clock: fixedClock(BENCH.now),
    config: { login: { maxFailures: 1000, windowMs: 900_000 }, secureCookies: false, trustProxy: false, requestTimeoutMs: 15_000, logLevel: 'silent' },
    staticDir: opts.staticDir,
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: BENCH.clientEmail, password: BENCH.password }),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  const token = /wd_session=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1];
  if (!token) throw new Error('login set no wd_session cookie');
  return {
    app,
    base,
    cookie: `wd_session=${token}`,
    close: async () => {
      await app.close();
      if (!opts.blobsDir) fs.rmSync(blobsDir, { recursive: true, force: true });
    },
  };
}

export const weekUrl = (server: ApiServer, world: BenchWorld) => `${server.base}/api/contracts/${world.contractId}/weeks/${BENCH.week}?tz=UTC`;

export const timesheetUrl = (server: ApiServer, world: BenchWorld) =>
  `${server.base}/api/contracts/${world.contractId}/weeks/${BENCH.week}/timesheet?tz=UTC`;

export interface WeekCheck {
  status: number;
  contentEncoding: string;
  gzipBytes: number;
  rawBytes: number;
  slots: number;
  memos: number;
  titles: number;
  totalsMinutes: number;
}

/** One GET with gzip (of the measured week, or of `url`): proves the answer is the full week and gives the sizes. */
export async function checkWeek(server: ApiServer, world: BenchWorld, url = weekUrl(server, world)): Promise<WeekCheck> {
  const agent = keepAliveAgent(1);
  try {
    const r = await httpGet(url, { cookie: server.cookie, 'accept-encoding': 'gzip' }, agent);
    if (r.status !== 200) throw new Error(`week answered ${r.status}: ${r.body.toString().slice(0, 300)}`);
    const enc = String(r.headers['content-encoding'] ?? 'identity');
    const raw = enc === 'gzip' ? zlib.gunzipSync(r.body) : r.body;
    const week = JSON.parse(raw.toString('utf8')) as Week;
    return {
      status: r.status,
      contentEncoding: enc,
      gzipBytes: r.body.length,
      rawBytes: raw.length,
      slots: week.slots.offset.length,
      memos: week.memos.length,
      titles: week.titles.length,
      totalsMinutes: week.totals.total,
    };
  } finally {
    agent.destroy();
  }
}

export interface LoadFigures {
  summary: Summary;
  count: number;
  errors: number;
  firstError?: string;
  perSecond: number;
  elapsedMs: number;
}

export const figures = (r: LoopResult): LoadFigures => ({
  summary: summarize(r.latencies),
  count: r.count,
  errors: r.errors,
  firstError: r.firstError,
  perSecond: r.perSecond,
  elapsedMs: r.elapsedMs,
});

export async function sequentialHttp(
  client: LoadClient,
  server: ApiServer,
  world: BenchWorld,
  n: number,
  warmup: number,
  acceptEncoding = 'gzip',
  url = weekUrl(server, world),
) {
  return figures(await client.run({ kind: 'sequential', url, headers: { cookie: server.cookie, 'accept-encoding': acceptEncoding }, n, warmup }));
}

export interface HttpBreakdown {
  /** GET /api/auth/me: HTTP, the session lookup and a tiny JSON body — the cost of any API call. */
  me: Summary;
  /** The week without compression. */
  weekIdentity: Summary;
}

/** What the HTTP path costs around the week's work, measured with the same client. */
export async function httpBreakdown(client: LoadClient, server: ApiServer, world: BenchWorld, n: number): Promise<HttpBreakdown> {
  const me = await sequentialHttp(client, server, world, n, 50, 'gzip', `${server.base}/api/auth/me`);
  const weekIdentity = await sequentialHttp(client, server, world, n, 50, 'identity');
  return { me: me.summary, weekIdentity: weekIdentity.summary };
}

export async function concurrentHttp(client: LoadClient, server: ApiServer, world: BenchWorld, clients: number, durationMs: number) {
  return figures(
    await client.run({
      kind: 'concurrent',
      url: weekUrl(server, world),
      headers: { cookie: server.cookie, 'accept-encoding': 'gzip' },
      clients,
      durationMs,
      maxOps: 200_000,
      warmup: clients * 4,
    }),
  );
}

/** The week route's work in process: its two reads at once (the access check in one of them) and the payload. */
async function weekOf(database: Database, user: User, contractId: string, weekStart: Date, now: Date): Promise<Week> {
  const week = await visibleWeek(database, user, contractId, weekStart, 'UTC', now);
  if (!week) throw new Error('the bench client cannot see the measured contract');
  return week;
}

/** The floor: the route's work (weekOf, its two queries included) + JSON.stringify, in process. */
export async function floorLoad(database: Database, world: BenchWorld, clients: number, durationMs: number) {
  const user = await benchUser(database, world);
  const weekStart = parseWeekKey(BENCH.week);
  const now = new Date(BENCH.now);
  const op = async () => {
    const week = await weekOf(database, user, world.contractId, weekStart, now);
    const body = JSON.stringify(week);
    return { ok: week.slots.offset.length > 0, bytes: body.length };
  };
  await concurrent(op, clients, 60_000, clients * 4); // warm-up
  return figures(await concurrent(op, clients, durationMs));
}

async function benchUser(database: Database, world: BenchWorld) {
  const user = await findUserForLogin(database, world.clientEmail);
  if (!user) throw new Error('no bench client user');
  return user;
}

export interface Breakdown {
  /** p50 / p99 ms of each step of one request, measured alone, one after the other. */
  sessionQuery: Summary;
  /** The contract with its access check, and the week's approval, terms changes and disputed slots. */
  contextQuery: Summary;
  weekQuery: Summary;
  /** weekOf: both reads at once, then the payload. */
  buildWeek: Summary;
  stringify: Summary;
  gzip: Summary;
  brotli4: Summary;
  plan?: { lines: string[]; executionMs: number; planningMs: number };
}

/** Each step of the week route, alone and in process; plus the plan of the week query. */
export async function breakdown(database: Database, world: BenchWorld, server: ApiServer, n: number): Promise<Breakdown> {
  const user = await benchUser(database, world);
  const token = server.cookie.split('=')[1]!;
  const weekStart = parseWeekKey(BENCH.week);
  const weekEnd = addWeeks(weekStart, 1);
  const now = new Date(BENCH.now);
  const time = async (op: () => unknown) =>
    summarize((await sequential(async () => ({ ok: (await op(), true), bytes: 0 }), n, Math.min(20, n))).latencies);
  const week = await weekOf(database, user, world.contractId, weekStart, now);
  const json = JSON.stringify(week);
  const out: Breakdown = {
    sessionQuery: await time(() => findSessionUser(database, token, now)),
    contextQuery: await time(() => findVisibleWeekContext(database, user, world.contractId, weekStart, weekEnd)),
    weekQuery: await time(() => findWeekSlots(database, world.contractId, weekStart, weekEnd)),
    buildWeek: await time(() => weekOf(database, user, world.contractId, weekStart, now)),
    stringify: await time(() => JSON.stringify(week)),
    gzip: await time(() => zlib.gzipSync(json)),
    brotli4: await time(() => zlib.brotliCompressSync(json, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } })),
  };
  try {
    const rows = await database.query<{ 'QUERY PLAN': string }>(
      `explain (analyze, buffers)
       select ((extract(epoch from start) - extract(epoch from $2::timestamptz)) / 600)::int as o,
              kind, active_minutes as active, memo, window_title as title,
              screenshot_sha256 is not null as shot, duplicate as dup
         from slots
        where contract_id = $1 and start >= $2 and start < $3 and deleted_at is null
        order by start`,
      [world.contractId, weekStart, weekEnd],
    );
    const lines = rows.map((r) => r['QUERY PLAN']);
    const ms = (label: string) => Number(/([\d.]+) ms/.exec(lines.find((l) => l.startsWith(label)) ?? '')?.[1] ?? NaN);
    out.plan = { lines, executionMs: ms('Execution Time'), planningMs: ms('Planning Time') };
  } catch (err) {
    out.plan = { lines: [`explain failed: ${(err as Error).message}`], executionMs: NaN, planningMs: NaN };
  }
  return out;
}

export const ms = (x: number) => round(x, 2);
