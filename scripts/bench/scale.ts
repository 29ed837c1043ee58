// The scale section: the same figures at 1M slots (workdiary_bench) and at 10M
// (workdiary_bench10m, load-10m.ts) in one run — the week API's p50 and p99 over real HTTP,
// the ingestion rate, and the size of the slots table and of each of its indexes. The target:
// 10M within 1.25× of 1M. Both servers run side by side and the databases take turns, so a
// change in the machine's load falls on both alike.
import { checkWeek, startApiServer, type ApiServer, type WeekCheck } from './api.ts';
import { BENCH, type BenchWorld } from './data.ts';
import { PG_SIZE, preparePostgres } from './databases.ts';
import { prepare10m, SCALE_DB, type LoadSteps, type ScaleWeek } from './load-10m.ts';
import { startLoadClient, type LoadClient } from './load.ts';
import { fmtInt, fmtKb, fmtMs, row } from './report.ts';
import { benchScaleIngest, cleanUp, SCALE_INGEST, type IngestSide } from './scale-ingest.ts';
import { summarize, type Summary } from './stats.ts';
import type { Database } from '#server/db/client.ts';

/** Each round, each database answers `perRound` requests spread over its weeks (after `warmup` per week). */
export const SCALE_WEEKS = { rounds: 8, perRound: 200, warmup: 5 };
const TARGET = 1.25;
const POOL_SIZE = 10;
const MB = 1024 * 1024;

export interface RelationSize {
  name: string;
  bytes: number;
  perSlot: number;
}

export interface ScaleSide {
  label: string;
  slots: number;
  weeks: ScaleWeek[];
  week: Summary & { errors: number; firstError?: string };
  sizes: RelationSize[];
}

export interface ScaleResult {
  sides: ScaleSide[];
  load: { origin: 'created' | 'reused'; seconds: number; steps: LoadSteps };
  ingest: IngestSide[] | { error: string };
  seconds: number;
}

interface Open {
  label: string;
  database: Database;
  world: BenchWorld;
  weeks: ScaleWeek[];
  slots: number;
  server?: ApiServer;
}

const weekPath = (w: ScaleWeek) => `/api/contracts/${w.contractId}/weeks/${w.week}?tz=UTC`;

/** The 1M database's full weeks: the measured contract's four, ending with the measured week. */
function weeks1m(world: BenchWorld): ScaleWeek[] {
  return Array.from({ length: PG_SIZE.measuredWeeks }, (_, k) => ({
    contractId: world.contractId,
    week: new Date(Date.parse(`${BENCH.week}T00:00:00Z`) - k * 7 * 86_400_000).toISOString().slice(0, 10),
  }));
}

/** The slots table, screenshots, and each of their indexes, in bytes and per slot. */
async function sizes(database: Database, slots: number): Promise<RelationSize[]> {
  const rows = await database.query<{ name: string; bytes: string }>(
    `select c.relname as name, pg_relation_size(c.oid)::bigint as bytes
       from pg_class c
      where c.oid in ('slots'::regclass, 'screenshots'::regclass)
         or c.oid in (select indexrelid from pg_index where indrelid in ('slots'::regclass, 'screenshots'::regclass))
      order by c.relname`,
  );
  return rows.map((r) => ({ name: r.name, bytes: Number(r.bytes), perSlot: Number(r.bytes) / slots }));
}

/** Checks that every week answers a full week, then measures the rounds; the sides take turns. */
async function measureWeeks(client: LoadClient, sides: Open[], log: (msg: string) => void) {
  for (const s of sides) {
    const checks: WeekCheck[] = [];
    for (const w of s.weeks) {
      const check = await checkWeek(s.server!, s.world, `${s.server!.base}${weekPath(w)}`);
      if (check.slots !== 1008) throw new Error(`${s.label}: the week ${w.week} of ${w.contractId} has ${check.slots} slots, not 1008`);
      checks.push(check);
    }
    const mean = (f: (c: WeekCheck) => number) => checks.reduce((a, c) => a + f(c), 0) / checks.length;
    log(`${s.label}: a week's body ${fmtKb(mean((c) => c.rawBytes))} raw, ${fmtKb(mean((c) => c.gzipBytes))} gzip; ${mean((c) => c.memos).toFixed(0)} memos, ${mean((c) => c.titles).toFixed(0)} titles (means of ${checks.length} weeks)`);
  }
  const all = sides.map(() => ({ latencies: [] as number[], errors: 0, firstError: undefined as string | undefined }));
  for (let round = 0; round < SCALE_WEEKS.rounds; round++) {
    const order = round % 2 === 0 ? sides.map((_, i) => i) : sides.map((_, i) => sides.length - 1 - i);
    for (const i of order) {
      const s = sides[i]!;
      for (const w of s.weeks) {
        const headers = { cookie: s.server!.cookie, 'accept-encoding': 'gzip' };
        const n = Math.round(SCALE_WEEKS.perRound / s.weeks.length);
        const r = await client.run({ kind: 'sequential', url: `${s.server!.base}${weekPath(w)}`, headers, n, warmup: SCALE_WEEKS.warmup });
        all[i]!.latencies.push(...r.latencies);
        all[i]!.errors += r.errors;
        all[i]!.firstError ??= r.firstError;
      }
    }
    log(`round ${round + 1} of ${SCALE_WEEKS.rounds}: ${sides.map((s, i) => `${s.label} p50 ${fmtMs(summarize(all[i]!.latencies).p50)}`).join(', ')}`);
  }
  return all.map((a) => ({ ...summarize(a.latencies), errors: a.errors, firstError: a.firstError }));
}

export async function benchScale(pgUrl: string, log: (msg: string) => void): Promise<ScaleResult> {
  const t0 = performance.now();
  const sides: Open[] = [];
  const client = startLoadClient();
  try {
    const p1 = await preparePostgres(pgUrl, PG_SIZE, { fresh: false, poolSize: POOL_SIZE, log });
    sides.push({ label: '1M', database: p1.database, world: p1.world, weeks: weeks1m(p1.world), slots: p1.facts.slotsTotal });
    log(`1M: ${fmtInt(p1.facts.slotsTotal)} slots (${p1.origin === 'reused' ? 'reused' : `created in ${p1.loadSeconds.toFixed(0)} s`}), ${p1.world.contractId}'s ${PG_SIZE.measuredWeeks} full weeks`);
    const p10 = await prepare10m(pgUrl, { fresh: process.env.BENCH_FRESH_10M === '1', poolSize: POOL_SIZE, log });
    sides.push({ label: '10M', database: p10.database, world: p10.world, weeks: p10.weeks, slots: p10.slots });
    const steps = p10.steps;
    log(
      `10M (${SCALE_DB}): ${fmtInt(p10.slots)} slots, ${p10.origin === 'reused' ? 'reused' : 'created now'}; its load took ${steps.total.toFixed(0)} s ` +
        `(rows ${steps.rows.toFixed(0)} s, keys and indexes ${steps.indexes.toFixed(0)} s, vacuum analyze ${steps.vacuum.toFixed(0)} s); ` +
        `${p10.weeks.length} full weeks measured, ${p10.weeks[0]!.week} to ${p10.weeks.at(-1)!.week}`,
    );
    for (const s of sides) {
      // A run that stopped half-way may have left its trackers' slots: gone before anything is counted.
      await cleanUp(s.database);
      s.slots = (await s.database.query<{ n: number }>(`select count(*)::int as n from slots`))[0]!.n;
      s.server = await startApiServer(s.database);
    }

    const sized = await Promise.all(sides.map((s) => sizes(s.database, s.slots)));
    for (const [i, s] of sides.entries()) {
      log(`${s.label}: ${sized[i]!.map((r) => `${r.name} ${(r.bytes / MB).toFixed(0)} MB (${r.perSlot.toFixed(0)} B/slot)`).join(', ')}`);
    }

    log(`the week API: ${SCALE_WEEKS.rounds} rounds of ${SCALE_WEEKS.perRound} requests per database (after ${SCALE_WEEKS.warmup} per week), one client, keep-alive, gzip`);
    const week = await measureWeeks(client, sides, log);

    const ingest = await benchScaleIngest(
      sides.map((s) => ({ label: s.label, database: s.database, server: s.server! })),
      log,
    ).catch((err: Error) => ({ error: err.message }));
    return {
      sides: sides.map((s, i) => ({ label: s.label, slots: s.slots, weeks: s.weeks, week: week[i]!, sizes: sized[i]! })),
      load: { origin: p10.origin, seconds: p10.loadSeconds, steps },
      ingest,
      seconds: (performance.now() - t0) / 1000,
    };
  } finally {
    await client.close();
    for (const s of sides) {
      await s.server?.close();
      await s.database.close();
    }
  }
}

const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');
const times = (x: number) => `${x.toFixed(2)}×`;

/** The section's rows: each figure at 1M and 10M, their ratio and the target. */
export function scaleRows(result: ScaleResult | { error: string } | undefined) {
  const section = 'Scale';
  if (!result) return;
  if ('error' in result) {
    row(section, 'scale', result.error, '', 'ERROR');
    return;
  }
  const [a, b] = result.sides as [ScaleSide, ScaleSide];
  const l = result.load;
  row(section, 'slots 1M / 10M', `${fmtInt(a.slots)} / ${fmtInt(b.slots)}`);
  row(
    section,
    `${SCALE_DB} load: rows / keys and indexes / vacuum`,
    `${l.steps.total.toFixed(0)} s: ${l.steps.rows.toFixed(0)} / ${l.steps.indexes.toFixed(0)} / ${l.steps.vacuum.toFixed(0)} s (${l.origin === 'created' ? 'loaded now' : 'reused; when loaded'})`,
    '< 600 s',
    verdict(l.steps.total < 600),
  );
  for (const p of ['p50', 'p99'] as const) {
    const ratio = b.week[p] / a.week[p];
    row(section, `week ${p} 1M / 10M (HTTP, gzip, alternating)`, `${fmtMs(a.week[p])} / ${fmtMs(b.week[p])}: ${times(ratio)}`, `≤ ${TARGET}×`, verdict(ratio <= TARGET));
  }
  for (const s of [a, b]) if (s.week.errors) row(section, `week errors ${s.label}`, `${s.week.errors}: ${s.week.firstError}`, '0', 'ERROR');
  const ing = result.ingest;
  if ('error' in ing) row(section, 'ingestion', ing.error, '', 'ERROR');
  else {
    const [x, y] = ing as [IngestSide, IngestSide];
    const ratio = y.perSecond / x.perSecond;
    row(
      section,
      `ingestion slots/s 1M / 10M (${SCALE_INGEST.rounds}×${SCALE_INGEST.durationMs / 1000} s each)`,
      `${x.perSecond.toFixed(1)} / ${y.perSecond.toFixed(1)}: ${times(ratio)}`,
      `≥ ${(1 / TARGET).toFixed(2)}×`,
      verdict(ratio >= 1 / TARGET),
    );
    row(section, 'upload p50 / p99, 1M; 10M', `${fmtMs(x.summary.p50)} / ${fmtMs(x.summary.p99)}; ${fmtMs(y.summary.p50)} / ${fmtMs(y.summary.p99)}`);
    const wal = (w: IngestSide) => `${(w.walBytesPerSlot / 1024).toFixed(1)} KB (${Math.round(w.walFpiShare * 100)} % full pages)`;
    row(section, `WAL per uploaded slot 1M / 10M (${y.walSource})`, `${wal(x)} / ${wal(y)}`);
    row(section, "database server's CPU per uploaded slot 1M / 10M", `${fmtMs(x.dbCpuMsPerSlot)} / ${fmtMs(y.dbCpuMsPerSlot)}`);
    row(section, 'audit row / receipt per upload (mean)', `${y.auditRowBytes.toFixed(0)} / ${y.receiptRowBytes.toFixed(0)} B`);
    for (const s of [x, y]) {
      if (s.errors) row(section, `ingestion errors ${s.label}`, `${s.errors}: ${s.firstError}`, '0', 'ERROR');
      row(section, `slots stored / uploads answered 201, ${s.label}`, `${fmtInt(s.stored)} / ${fmtInt(s.created)}`, 'equal', verdict(s.stored === s.created));
    }
  }
  const at1 = new Map(a.sizes.map((r) => [r.name, r]));
  for (const r of b.sizes) {
    const small = at1.get(r.name);
    row(
      section,
      `size: ${r.name}`,
      `1M ${small ? `${(small.bytes / MB).toFixed(0)} MB (${small.perSlot.toFixed(0)} B/slot)` : '—'}; 10M ${(r.bytes / MB).toFixed(0)} MB (${r.perSlot.toFixed(0)} B/slot)`,
    );
  }
  row(section, 'the section took', `${result.seconds.toFixed(0)} s`);
}
