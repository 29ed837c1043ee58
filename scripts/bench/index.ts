// `npm run bench`: the issue's performance targets, measured and printed beside each target,
// and written to bench-results/latest.json.
//
//   BENCH_PG_URL     PostgreSQL to use (default postgres://postgres@127.0.0.1:5432/test);
//                    the bench works in its own database, workdiary_bench, on that server
//   BENCH_FRESH=1    remake workdiary_bench even when it already holds the dataset
//   BENCH_FRESH_10M=1  remake workdiary_bench10m (the scale section's 10M slots, about 7 minutes)
//   BENCH_SKIP=…     comma list of sections to skip: postgres, pglite, ingest, dashboard, hostile,
//                    overview, notify, scale, evidence, chain
//   BENCH_THUMB_SELECTOR, CHROMIUM_PATH   see page-watch.ts, dashboard.ts
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { SLOTS_PER_WEEK } from '#contract/common.ts';
import type { Database } from '#server/db/client.ts';
import { breakdown, checkWeek, concurrentHttp, floorLoad, httpBreakdown, sequentialHttp, startApiServer, timesheetUrl, type ApiServer, type WeekCheck } from './api.ts';
import { BENCH } from './data.ts';
import { BENCH_DB, PG_SIZE, preparePglite, preparePostgres, type Prepared } from './databases.ts';
import { benchDashboard, type DashboardResult } from './dashboard.ts';
import { startLoadClient, type LoadClient } from './load.ts';
import { benchIngest, INGEST, type IngestResult } from './ingest.ts';
import { benchHostile, type HostileResult } from './hostile.ts';
import { benchNotify, notifyRows, type NotifyResult } from './notify.ts';
import { benchScale, scaleRows, type ScaleResult } from './scale.ts';
import { cpuBusy } from './stats.ts';
import { log, fmtMs, fmtKb, fmtInt, rows, row, apiRows, ingestRows, hostileLine, hostileRows, dashboardRows, printTable, tidy, CONCURRENCY, type ApiSection } from './report.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const PG_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const skip = new Set((process.env.BENCH_SKIP ?? '').split(',').map((s) => s.trim()).filter(Boolean));

const PGLITE_SIZE = { fillerContracts: 20, perContract: 1000, measuredWeeks: 4 };
const SEQUENTIAL = { n: 500, warmup: 100 };
const POOL_SIZE = 10; // server/main.ts opens PostgreSQL with openDatabase's default pool of 10


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

export async function main() {
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

  if (!skip.has('overview')) results.overview = await (await import('./overview.ts')).benchOverview(PG_URL, log);
  let notify: NotifyResult | { error: string } | undefined;
  if (!skip.has('notify')) {
    console.log('\nNotifications (PostgreSQL, workdiary_bench_notify): mail delivery across a kill -9, and the emit\'s cost');
    await noticeBusy('before notifications');
    notify = await benchNotify(root, PG_URL, log).catch((err: Error) => ({ error: err.message }));
    results.notify = notify;
  }
  let scale: ScaleResult | { error: string } | undefined;
  if (!skip.has('scale')) {
    console.log(`\nScale (PostgreSQL): ${BENCH_DB} (1M slots) beside workdiary_bench10m (10M), in turns`);
    await noticeBusy('before scale');
    scale = await benchScale(PG_URL, log).catch((err: Error) => ({ error: err.message }));
    results.scale = scale;
  }
  if (!skip.has('evidence')) results.evidence = await (await import('./evidence.ts')).evidenceSection(root, log);
  if (!skip.has('chain')) results.chain = await (await import('./chain.ts')).chainSection(PG_URL, log);
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
  notifyRows(notify);
  scaleRows(scale);
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
