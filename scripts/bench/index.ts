// `npm run bench`: the issue's performance targets, measured and printed beside each target,
// and written to bench-results/latest.json.
//
//   BENCH_PG_URL     PostgreSQL to use (default postgres://postgres@127.0.0.1:5432/test);
//                    the bench works in its own database, workdiary_bench, on that server
//   BENCH_FRESH=1    remake workdiary_bench even when it already holds the dataset
//   BENCH_SKIP=…     comma list of sections to skip: postgres, pglite, ingest, dashboard, hostile
//   BENCH_THUMB_SELECTOR, CHROMIUM_PATH   see dashboard.ts
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { SLOTS_PER_WEEK } from '../../contract/common.ts';
import type { Database } from '../../server/db/client.ts';
import {
  breakdown,
  checkWeek,
  concurrentHttp,
  floorLoad,
  httpBreakdown,
  sequentialHttp,
  startApiServer,
  timesheetUrl,
  type ApiServer,
  type Breakdown,
  type HttpBreakdown,
  type LoadFigures,
  type WeekCheck,
} from './api.ts';
import { BENCH } from './data.ts';
import { BENCH_DB, preparePglite, preparePostgres, type Prepared } from './databases.ts';
import { benchDashboard, type DashboardResult } from './dashboard.ts';
import { startLoadClient, type LoadClient } from './load.ts';
import { benchIngest, INGEST, type IngestResult } from './ingest.ts';
import { benchHostile, HOSTILE, type HostileResult } from './hostile.ts';
import { cpuBusy, round } from './stats.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const PG_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const skip = new Set((process.env.BENCH_SKIP ?? '').split(',').map((s) => s.trim()).filter(Boolean));

const PG_SIZE = { fillerContracts: 1000, perContract: 1000, measuredWeeks: 4 };
const PGLITE_SIZE = { fillerContracts: 20, perContract: 1000, measuredWeeks: 4 };
const SEQUENTIAL = { n: 500, warmup: 100 };
const CONCURRENCY = { clients: 32, durationMs: 5_000 };
const POOL_SIZE = 10; // server/main.ts opens PostgreSQL with openDatabase's default pool of 10
const KB = 1024;

const log = (msg: string) => console.log(`  · ${msg}`);
const fmtMs = (x: number | null | undefined) => (x == null || !Number.isFinite(x) ? '—' : `${x.toFixed(x < 10 ? 2 : 1)} ms`);
const fmtKb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;
const fmtInt = (x: number) => Math.round(x).toLocaleString('en-US');

type Verdict = 'PASS' | 'MISS' | 'ERROR' | '';
interface Row {
  section: string;
  figure: string;
  value: string;
  target: string;
  verdict: Verdict;
}
const rows: Row[] = [];
const row = (section: string, figure: string, value: string, target = '', verdict: Verdict = '') => rows.push({ section, figure, value, target, verdict });
const check = (ok: boolean | null): Verdict => (ok === null ? 'ERROR' : ok ? 'PASS' : 'MISS');

interface ApiSection {
  dataset: Prepared['facts'] & { origin: Prepared['origin']; loadSeconds: number };
  week: WeekCheck;
  sequential: LoadFigures;
  concurrent?: LoadFigures;
  floor?: LoadFigures;
  ratio?: number;
  browserEncoding?: LoadFigures;
  breakdown: Breakdown;
  http: HttpBreakdown;
  /** GET the timesheet of the same 1,008-slot week (in review), one client. */
  timesheet: LoadFigures;
}

function verifyWeek(label: string, week: WeekCheck, facts: Prepared['facts']) {
  if (week.slots !== SLOTS_PER_WEEK || facts.measuredWeekSlots !== SLOTS_PER_WEEK) {
    throw new Error(`${label}: the measured week has ${week.slots} slots in the API and ${facts.measuredWeekSlots} in the table, not ${SLOTS_PER_WEEK}`);
  }
  if (week.contentEncoding !== 'gzip') throw new Error(`${label}: the week was sent with content-encoding ${week.contentEncoding}, not gzip`);
}

async function benchPostgres(client: LoadClient): Promise<ApiSection | { error: string }> {
  console.log(`\nPostgreSQL (${PG_URL.replace(/\/[^/]*$/, `/${BENCH_DB}`)})`);
  try {
    const probe = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3_000 });
    await probe.connect();
    await probe.end();
  } catch (err) {
    const error = `not reachable (${(err as Error).message}); start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start`;
    log(error);
    return { error };
  }
  const prepared = await preparePostgres(PG_URL, PG_SIZE, { fresh: process.env.BENCH_FRESH === '1', poolSize: POOL_SIZE, log });
  log(
    prepared.origin === 'reused'
      ? `reused ${BENCH_DB}: it already holds the dataset`
      : `created ${BENCH_DB} in ${prepared.loadSeconds.toFixed(1)} s`,
  );
  return apiSection('PostgreSQL', prepared, client, true);
}

async function benchPglite(client: LoadClient): Promise<ApiSection | { error: string }> {
  console.log('\nPGlite (in memory)');
  const prepared = await preparePglite(PGLITE_SIZE);
  log(`loaded ${fmtInt(prepared.facts.slotsTotal)} slots in ${prepared.loadSeconds.toFixed(1)} s`);
  return apiSection('PGlite', prepared, client, false);
}

async function apiSection(label: string, prepared: Prepared, client: LoadClient, full: boolean): Promise<ApiSection> {
  const { database, world, facts } = prepared;
  let server: ApiServer | undefined;
  try {
    log(`${fmtInt(facts.slotsTotal)} slots in the table, ${fmtInt(facts.contracts)} contracts; the measured week holds ${facts.measuredWeekSlots}`);
    server = await startApiServer(database);
    const week = await checkWeek(server, world);
    verifyWeek(label, week, facts);
    log(`GET week: ${week.slots} slots, ${week.memos} memos, ${week.titles} titles; ${fmtKb(week.rawBytes)} raw, ${fmtKb(week.gzipBytes)} gzip`);

    log(`sequential: ${SEQUENTIAL.warmup} warm-up + ${SEQUENTIAL.n} requests, one client, keep-alive, gzip`);
    const sequential = await sequentialHttp(client, server, world, SEQUENTIAL.n, SEQUENTIAL.warmup);
    let load: Pick<ApiSection, 'concurrent' | 'floor' | 'ratio' | 'browserEncoding'> = {};
    if (full) {
      log(`${CONCURRENCY.clients} concurrent clients for ${CONCURRENCY.durationMs / 1000} s over HTTP`);
      const concurrent = await concurrentHttp(client, server, world, CONCURRENCY.clients, CONCURRENCY.durationMs);
      log(`the floor: the week's reads + weekPayload + JSON.stringify in process, ${CONCURRENCY.clients}-way, ${CONCURRENCY.durationMs / 1000} s`);
      const floor = await floorLoad(database, world, CONCURRENCY.clients, CONCURRENCY.durationMs);
      log(`sequential with a browser's accept-encoding (gzip, deflate, br, zstd)`);
      const browserEncoding = await sequentialHttp(client, server, world, 200, 20, 'gzip, deflate, br, zstd');
      load = { concurrent, floor, ratio: concurrent.perSecond / floor.perSecond, browserEncoding };
    }
    log(`timesheet: ${SEQUENTIAL.warmup} warm-up + ${SEQUENTIAL.n} requests of the same week's timesheet, one client`);
    const timesheet = await sequentialHttp(client, server, world, SEQUENTIAL.n, SEQUENTIAL.warmup, 'gzip', timesheetUrl(server, world));
    if (timesheet.errors) throw new Error(`timesheet: ${timesheet.errors} errors: ${timesheet.firstError}`);
    log('breakdown: GET /api/auth/me and the week uncompressed over HTTP; each step of the route alone, in process');
    const http = await httpBreakdown(client, server, world, full ? 300 : 150);
    const steps = await breakdown(database, world, server, full ? 200 : 100);
    const out: ApiSection = {
      dataset: { ...facts, origin: prepared.origin, loadSeconds: prepared.loadSeconds },
      week,
      sequential,
      ...load,
      breakdown: steps,
      http,
      timesheet,
    };
    return out;
  } finally {
    await server?.close();
    await (database as Database).close();
  }
}

function apiRows(section: string, r: ApiSection | { error: string } | undefined, p50Target: number, p99Target?: number) {
  if (!r) return;
  if ('error' in r) {
    row(section, 'week API', r.error, '', 'ERROR');
    return;
  }
  const s = r.sequential.summary;
  row(section, 'table size', `${fmtInt(r.dataset.slotsTotal)} slots (${r.dataset.origin})`, section === 'PostgreSQL' ? '≥ 1,000,000' : '', section === 'PostgreSQL' ? check(r.dataset.slotsTotal >= 1_000_000) : '');
  row(section, 'week slots / memos / titles', `${r.week.slots} / ${r.week.memos} / ${r.week.titles}`, '1008 slots', check(r.week.slots === SLOTS_PER_WEEK));
  row(section, 'week p50 (1 client, HTTP, gzip)', fmtMs(s.p50), `≤ ${p50Target} ms`, check(s.p50 <= p50Target));
  row(section, 'week p99 (1 client, HTTP, gzip)', fmtMs(s.p99), p99Target ? `≤ ${p99Target} ms` : '', p99Target ? check(s.p99 <= p99Target) : '');
  if (r.sequential.errors) row(section, 'errors (sequential)', `${r.sequential.errors}: ${r.sequential.firstError}`, '0', 'ERROR');
  if (r.concurrent && r.floor && r.ratio !== undefined) {
    const c = r.concurrent;
    row(section, `week req/s (${CONCURRENCY.clients} clients, HTTP)`, `${fmtInt(c.perSecond)} req/s (p50 ${fmtMs(c.summary.p50)}, p99 ${fmtMs(c.summary.p99)})`);
    row(section, `floor ops/s (${CONCURRENCY.clients}-way, in process)`, `${fmtInt(r.floor.perSecond)} ops/s (p50 ${fmtMs(r.floor.summary.p50)})`);
    row(section, 'ratio API / floor', r.ratio.toFixed(2), '≥ 0.5', check(r.ratio >= 0.5));
    if (c.errors) row(section, 'errors (concurrent)', `${c.errors}: ${c.firstError}`, '0', 'ERROR');
  }
  const ts = r.timesheet.summary;
  row(section, 'timesheet p50 / p99 (1 client, HTTP)', `${fmtMs(ts.p50)} / ${fmtMs(ts.p99)}`, section === 'PostgreSQL' ? 'p99 ≤ 25 ms' : '', section === 'PostgreSQL' ? check(ts.p99 <= 25) : '');
  row(section, 'week body gzip', fmtKb(r.week.gzipBytes), '≤ 60 KB', check(r.week.gzipBytes <= 60 * KB));
  row(section, 'week body raw', fmtKb(r.week.rawBytes));
  if (r.browserEncoding) {
    row(section, "week p50 / p99, browser's accept-encoding (br)", `${fmtMs(r.browserEncoding.summary.p50)} / ${fmtMs(r.browserEncoding.summary.p99)}`);
  }
  const b = r.breakdown;
  row(section, 'HTTP p50: GET /api/auth/me / week uncompressed', `${fmtMs(r.http.me.p50)} / ${fmtMs(r.http.weekIdentity.p50)}`);
  row(
    section,
    'breakdown p50: session / context / slots SQL',
    `${fmtMs(b.sessionQuery.p50)} / ${fmtMs(b.contextQuery.p50)} / ${fmtMs(b.weekQuery.p50)}`,
  );
  row(section, 'breakdown p50: reads + weekPayload / stringify / gzip', `${fmtMs(b.buildWeek.p50)} / ${fmtMs(b.stringify.p50)} / ${fmtMs(b.gzip.p50)}`);
  if (b.plan) row(section, 'EXPLAIN ANALYZE week query', `${fmtMs(b.plan.executionMs)} exec, ${fmtMs(b.plan.planningMs)} plan; ${b.plan.lines[0]?.trim().replace(/\s+\(cost.*$/, '')}`);
}

function ingestRows(r: IngestResult | { error: string } | undefined) {
  if (!r) return;
  const section = 'Ingestion';
  if ('error' in r) {
    row(section, 'ingestion', r.error, '', 'ERROR');
    return;
  }
  const u = r.uploads;
  row(section, `slots/s (${INGEST.uploaders} trackers, 1920×1080 PNG, HTTP)`, `${u.perSecond.toFixed(1)} slots/s (${fmtInt(u.count)} in ${INGEST.durationMs / 1000} s; ${fmtKb(r.images.meanBytes)} each)`);
  row(section, 'upload p50 / p99', `${fmtMs(u.summary.p50)} / ${fmtMs(u.summary.p99)}`);
  row(
    section,
    `floor: makeThumbnail alone (${INGEST.uploaders} in flight)`,
    `${r.floor.perSecond.toFixed(1)} thumbnails/s (before ${r.floor.before.toFixed(1)}, after ${r.floor.after.toFixed(1)}; p50 ${fmtMs(r.floor.summary.p50)})`,
  );
  row(section, 'ratio ingestion / floor', r.ratio.toFixed(2), '≥ 0.6', check(r.ratio >= 0.6));
  row(section, 'slots stored / uploads answered 201', `${fmtInt(r.stored.rows)} / ${fmtInt(r.stored.expected)}`, 'equal', check(r.stored.rows === r.stored.expected));
  if (u.errors) row(section, 'errors', `${u.errors}: ${u.firstError}`, '0', 'ERROR');
}

/** The issue's line: how many of the burst were refused, and the server's peak memory. */
function hostileLine(r: HostileResult) {
  const ok = r.refused4xx === r.sent && r.rssMb.peak < HOSTILE.rssTargetMb;
  return `hostile burst: ${r.refused4xx} of ${r.sent} answered 4xx, peak RSS ${Math.round(r.rssMb.peak)} MB (target < 1 GB): ${ok ? 'PASS' : 'MISS'}`;
}

function hostileRows(r: HostileResult | { error: string } | undefined) {
  if (!r) return;
  const section = 'Hostile';
  if ('error' in r) {
    row(section, 'hostile burst', r.error, '', 'ERROR');
    return;
  }
  row(section, `${r.sent} hostile uploads at once: answered 4xx`, `${r.refused4xx} of ${r.sent} in ${(r.burstMs / 1000).toFixed(1)} s`, `${r.sent} of ${r.sent}`, check(r.refused4xx === r.sent));
  row(section, 'server peak RSS (VmHWM)', `${Math.round(r.rssMb.peak)} MB (${Math.round(r.rssMb.started)} MB once started)`, '< 1 GB', check(r.rssMb.peak < HOSTILE.rssTargetMb));
  row(section, 'a normal upload afterwards', String(r.normalStatus), '201', check(r.normalStatus === 201));
}

function dashboardRows(d: DashboardResult | undefined) {
  if (!d) return;
  const section = 'Dashboard';
  if (!d.built) {
    row(section, 'dashboard', `not built${d.reason ? `: ${d.reason.split('\n')[0]}` : ''}`);
    return;
  }
  const js = d.initialJs!;
  row(section, `initial JS gzip -9 (${js.files.length} files)`, `${fmtKb(js.gzipBytes)} (${fmtKb(js.bytes)} raw)`, '≤ 160 KB', check(js.gzipBytes <= 160 * KB));
  const diary = d.diary;
  if (!diary) {
    row(section, 'diary in Chromium', d.reason ?? 'not measured', '', 'ERROR');
    return;
  }
  if (diary.thumbnailsMs !== null) {
    row(
      section,
      `first-viewport thumbnails complete (${diary.thumbnailsInViewport} imgs)`,
      `${fmtMs(diary.thumbnailsMs)} (median of ${diary.visits.map((v) => (v === null ? 'error' : Math.round(v))).join(', ')})`,
      '≤ 800 ms',
      check(diary.thumbnailsMs <= 800),
    );
  } else {
    row(section, 'first-viewport thumbnails complete', diary.thumbnailsError ?? 'error', '≤ 800 ms', 'ERROR');
  }
  const click = diary.firstClick;
  const clickErrors = diary.clicks.filter((c) => c.lightboxMs === null);
  if (click) {
    row(
      section,
      'first working click: lightbox shown',
      `${fmtMs(click.lightboxMs)}; thumbnail visible at ${fmtMs(click.visibleMs)}, click answered at ${fmtMs(click.answeredMs)} (median of ${diary.clicks.map((c) => (c.lightboxMs === null ? 'error' : Math.round(c.lightboxMs))).join(', ')})`,
      '≤ 1,000 ms',
      check(click.lightboxMs! <= 1000),
    );
    const lost = diary.clicks.map((c) => c.lostClicks ?? 0);
    row(section, 'clicks lost before it (all visits)', `${lost.reduce((a, n) => a + n, 0)} (per visit: ${lost.join(', ')})`, '0', check(lost.every((n) => n === 0)));
  }
  if (clickErrors.length) row(section, 'first working click', `${clickErrors.length} visits: ${clickErrors[0]!.error ?? 'no lightbox'}`, '', 'ERROR');
  const warm = diary.warmMedian;
  if (warm) {
    row(
      section,
      'warm revisit: first-viewport thumbnails complete',
      `${fmtMs(warm.thumbnailsMs)} (median of ${diary.warm.map((w) => (w.thumbnailsMs === null ? 'error' : Math.round(w.thumbnailsMs))).join(', ')})`,
      '≤ 400 ms',
      check(warm.thumbnailsMs! <= 400),
    );
    const fromServer = diary.warm.reduce((a, w) => a + w.thumbnailsFromServer, 0);
    const loaded = diary.warm.reduce((a, w) => a + w.thumbnailsLoaded, 0);
    const cached = diary.warm.reduce((a, w) => a + w.thumbnailsFromCache, 0);
    row(section, 'warm revisit: thumbnails downloaded again', `${fromServer} reached the server; the cache served ${cached} of ${loaded} loaded`, '0', check(fromServer === 0 && cached === loaded));
  } else {
    row(section, 'warm revisit', diary.warm.find((w) => w.error)?.error ?? 'not measured', '≤ 400 ms', 'ERROR');
  }
  const tl = diary.timeline;
  if (diary.timelineError) row(section, 'timeline', diary.timelineError, '', 'ERROR');
  if (tl) {
    row(section, 'timeline: HTML / JS+CSS loaded', `${fmtMs(tl.htmlEnd)} / ${fmtMs(tl.scriptsEnd)}`);
    for (const a of tl.api) row(section, `timeline: GET ${a.path}`, `${fmtMs(a.start)} → ${fmtMs(a.end)}`);
    row(
      section,
      'timeline: thumbnails before the viewport was complete',
      `${tl.thumbnailsStartedBefore} requested from ${fmtMs(tl.firstThumbnailStart)}; each p50 ${fmtMs(tl.thumbnailP50)}, max ${fmtMs(tl.thumbnailMax)}`,
    );
    const busy = tl.longTasks.reduce((a, t) => a + t.duration, 0);
    row(section, 'timeline: main-thread long tasks until then', `${tl.longTasks.length} tasks, ${fmtMs(busy)} (longest ${fmtMs(Math.max(0, ...tl.longTasks.map((t) => t.duration)))})`);
  }
  const ra = diary.reviewActions;
  if (ra.error) row(section, 'dispute / approve shown (optimistic)', ra.error, '< 100 ms', 'ERROR');
  else {
    row(section, 'dispute shown after the click (optimistic)', fmtMs(ra.disputeMs), '< 100 ms', check(ra.disputeMs === null ? null : ra.disputeMs < 100));
    row(section, 'approval shown after the click (optimistic)', fmtMs(ra.approveMs), '< 100 ms', check(ra.approveMs === null ? null : ra.approveMs < 100));
  }
  row(section, 'thumbnail requests (whole visit)', fmtInt(diary.thumbnailRequests));
  if (diary.entryJs) {
    row(
      section,
      'entry JS GET alone: p50 br / uncompressed',
      `${fmtMs(diary.entryJs.brMs)} (${fmtKb(diary.entryJs.brBytes)}) / ${fmtMs(diary.entryJs.identityMs)} (compressed per request)`,
    );
  }
  row(
    section,
    'thumbnail GET alone: p50 / 30 over 6 connections',
    `${fmtMs(diary.thumbnails.sequential.p50)} / ${fmtMs(diary.thumbnails.burst30Ms)} (PGlite, no browser)`,
  );
  if (diary.domError) row(section, 'DOM elements', diary.domError, '≤ 4,000', 'ERROR');
  else {
    row(section, 'DOM elements after load', fmtInt(diary.domAfterLoad ?? NaN), '≤ 4,000', check(diary.domAfterLoad === null ? null : diary.domAfterLoad <= 4000));
    row(section, 'DOM elements at the bottom (max while scrolling)', `${fmtInt(diary.domAtBottom ?? NaN)} (${fmtInt(diary.domMaxWhileScrolling ?? NaN)})`, '≤ 4,000', check(diary.domMaxWhileScrolling === null ? null : diary.domMaxWhileScrolling <= 4000));
  }
  if (diary.consoleErrors.length) row(section, 'console errors', diary.consoleErrors.join(' | '), '', 'ERROR');
}

function printTable() {
  const head: Row = { section: 'section', figure: 'figure', value: 'measured', target: 'target', verdict: '' };
  const all = [head, ...rows];
  const w = (k: keyof Row, max: number) => Math.min(max, Math.max(...all.map((r) => r[k].length)));
  const ws = { section: w('section', 12), figure: w('figure', 52), value: w('value', 70), target: w('target', 14) };
  const line = (r: Row) =>
    `${r.section.padEnd(ws.section)}  ${r.figure.padEnd(ws.figure)}  ${r.value.padEnd(ws.value)}  ${r.target.padEnd(ws.target)}  ${r.verdict}`.trimEnd();
  console.log(`\n${line(head)}\n${'-'.repeat(ws.section + ws.figure + ws.value + ws.target + 14)}`);
  let last = '';
  for (const r of rows) {
    console.log(line({ ...r, section: r.section === last ? '' : r.section }));
    last = r.section;
  }
  const judged = rows.filter((r) => r.verdict);
  const pass = judged.filter((r) => r.verdict === 'PASS').length;
  console.log(`\n${pass} of ${judged.length} targets met${judged.length > pass ? `: ${judged.filter((r) => r.verdict !== 'PASS').map((r) => `${r.section} ${r.figure} (${r.verdict})`).join('; ')}` : ''}. KB = 1,024 bytes.`);
}

/** Rounds every number in the results for the JSON file. */
const tidy = (v: unknown): unknown =>
  typeof v === 'number' ? round(v, 3) : Array.isArray(v) ? v.map(tidy) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, tidy(x)])) : v;

async function main() {
  const started = performance.now();
  console.log(`workdiary bench — ${new Date().toISOString()} — Node ${process.version}, ${os.cpus().length} CPUs, measured week ${BENCH.week}`);
  const results: Record<string, unknown> = {};
  const busy: Record<string, number> = {};
  const noticeBusy = async (when: string) => {
    busy[when] = await cpuBusy(1000);
    const note = busy[when]! > 0.25 ? ' — the machine is busy with other work: figures will be noisy and slow' : '';
    console.log(`CPU busy ${when}: ${Math.round(busy[when]! * 100)} %${note}`);
  };
  await noticeBusy('before the bench');
  results.cpuBusy = busy;
  const client = startLoadClient();
  let postgres: Awaited<ReturnType<typeof benchPostgres>> | undefined;
  let pglite: Awaited<ReturnType<typeof benchPglite>> | undefined;
  let dashboard: DashboardResult | undefined;
  try {
    if (!skip.has('postgres')) {
      postgres = await benchPostgres(client).catch((err: Error) => ({ error: err.message }));
      results.postgres = postgres;
    }
    if (!skip.has('pglite')) {
      await noticeBusy('before PGlite');
      pglite = await benchPglite(client).catch((err: Error) => ({ error: err.message }));
      results.pglite = pglite;
    }
  } finally {
    await client.close();
  }
  let ingest: IngestResult | { error: string } | undefined;
  if (!skip.has('ingest')) {
    console.log(`\nIngestion (PostgreSQL, ${INGEST.db})`);
    await noticeBusy('before ingestion');
    ingest = await benchIngest(PG_URL, log).catch((err: Error) => ({ error: err.message }));
    results.ingest = ingest;
  }
  if (!skip.has('dashboard')) {
    console.log('\nDashboard');
    await noticeBusy('before the dashboard');
    dashboard = await benchDashboard(root, log).catch((err: Error) => ({ built: false, reason: err.message }));
    if (!dashboard.built) log(`dashboard: not built${dashboard.reason ? ` (${dashboard.reason})` : ''}`);
    results.dashboard = dashboard;
  }

  let hostile: HostileResult | { error: string } | undefined;
  if (!skip.has('hostile')) {
    console.log('\nHostile images (the server in its own process, PGlite)');
    await noticeBusy('before the hostile burst');
    hostile = await benchHostile(root, log).catch((err: Error) => ({ error: err.message }));
    if (!('error' in hostile)) console.log(hostileLine(hostile));
    results.hostile = hostile;
  }

  await noticeBusy('after the bench');

  apiRows('PostgreSQL', postgres, 8, 20);
  apiRows('PGlite', pglite, 30);
  if (postgres && pglite && !('error' in postgres) && !('error' in pglite)) {
    row('PGlite', 'timesheet p50 / p99 beside PostgreSQL', `${fmtMs(pglite.timesheet.summary.p50)} / ${fmtMs(pglite.timesheet.summary.p99)} vs ${fmtMs(postgres.timesheet.summary.p50)} / ${fmtMs(postgres.timesheet.summary.p99)}`);
    row('PGlite', 'p50 / p99 beside PostgreSQL', `${fmtMs(pglite.sequential.summary.p50)} / ${fmtMs(pglite.sequential.summary.p99)} vs ${fmtMs(postgres.sequential.summary.p50)} / ${fmtMs(postgres.sequential.summary.p99)}`);
  }
  ingestRows(ingest);
  dashboardRows(dashboard);
  hostileRows(hostile);
  printTable();
  const noisy = Object.entries(busy).filter(([, b]) => b > 0.25);
  if (noisy.length) {
    console.log(
      `Caution: the CPUs were busy with other work (sampled for 1 s while the bench was idle) ${noisy.map(([w, b]) => `${w} (${Math.round(b * 100)} %)`).join(', ')}: ` +
        'latencies are inflated; run again on a quiet machine.',
    );
  }

  const out = path.join(root, 'bench-results', 'latest.json');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(
    out,
    `${JSON.stringify(tidy({ date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, seconds: (performance.now() - started) / 1000, table: rows, ...results }), null, 2)}\n`,
  );
  console.log(`Figures written to ${path.relative(process.cwd(), out) || out}; the bench took ${((performance.now() - started) / 1000).toFixed(0)} s.`);
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
