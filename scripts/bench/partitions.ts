// What partitioning `slots` by month would cost the week's read, measured rather than guessed
// (docs/scaling.md): the same rows in the plain table, in 61 monthly partitions and in 6
// yearly ones, each with the migrations' indexes, read by the app's own week query
// (findWeekSlots) as a named prepared statement, as the pool runs it, under each
// plan_cache_mode. A generic plan of a partitioned table locks every partition before
// run-time pruning picks the one it reads; a custom plan prunes while planning, and pays
// for planning each time.
//
//   npx tsx scripts/bench/partitions.ts   loads workdiary_bench_parts once (a few minutes; BENCH_FRESH=1
//                                         remakes it), then reads for about a minute
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { SLOTS_PER_WEEK } from '#contract/common.ts';
import { openDatabase } from '#server/db/client.ts';
import { findWeekSlots } from '#server/data/slots.ts';
import { hashPassword } from '#server/lib/password.ts';
import { BENCH, type Exec } from './data.ts';
import { reuseOrRemake } from './databases.ts';
import { SCALE, addScaleSlots, createScaleBase, firstWeek } from './scale-data.ts';
import { summarize } from './stats.ts';

const DB = 'workdiary_bench_parts';
const MARKER = 'bench.partitions';
const WEEK_MS = 7 * 86_400_000;
/** One full week in every four of the five years, on all 40 contracts: 2.6M slots. */
const EVERY = 4;
const N = 800;
const ROUNDS = 8;
const MODES = ['auto', 'force_custom_plan', 'force_generic_plan'] as const;

/** Partition bounds from the first week's month to the month after the last week: monthly or yearly. */
function bounds(unit: 'month' | 'year'): Date[] {
  const first = firstWeek();
  const end = new Date(first.getTime() + SCALE.weeks * WEEK_MS);
  const out = [unit === 'month' ? new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), 1)) : new Date(Date.UTC(first.getUTCFullYear(), 0, 1))];
  while (out.at(-1)! <= end) {
    const d = out.at(-1)!;
    out.push(unit === 'month' ? new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)) : new Date(Date.UTC(d.getUTCFullYear() + 1, 0, 1)));
  }
  return out;
}

/** A copy of `slots` partitioned by `unit`, with the same keys and indexes (created on the parent, so on every partition). */
async function partitioned(exec: Exec, table: string, unit: 'month' | 'year') {
  await exec(`create table ${table} (like slots including defaults including constraints) partition by range (start)`);
  const b = bounds(unit);
  for (let i = 0; i + 1 < b.length; i++) {
    await exec(`create table ${table}_${i} partition of ${table} for values from ('${b[i]!.toISOString()}') to ('${b[i + 1]!.toISOString()}')`);
  }
  await exec(`alter table ${table} add primary key (contract_id, start), add unique (contractor_id, start)`);
  const indexes = await exec(
    `select pg_get_indexdef(i.indexrelid) as def from pg_index i
      where i.indrelid = 'slots'::regclass and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)`,
  );
  for (const { def } of indexes) await exec(String(def).replace(/INDEX (\w+) ON public\.slots /, `INDEX $1_${unit} ON ${table} `));
  await exec(`insert into ${table} select * from slots`);
  await exec(`vacuum (analyze) ${table}`);
  return b.length - 1;
}

interface Loaded {
  parts: { monthly: number; yearly: number };
  contracts: string[];
  slots: number;
}

async function load(url: string): Promise<Loaded> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const exec: Exec = async (text, params) => (await c.query(text, params as unknown[])).rows;
  try {
    await exec(`set session_replication_role = replica`);
    await exec(`set synchronous_commit = off`);
    const world = await createScaleBase(exec, await hashPassword(BENCH.password));
    for (let w = 0; w < SCALE.weeks; w += EVERY) await addScaleSlots(exec, world.companyId, w * SLOTS_PER_WEEK, (w + 1) * SLOTS_PER_WEEK - 1, SCALE.weeks * SLOTS_PER_WEEK - 1);
    await exec(`vacuum (analyze) slots`);
    const parts = { monthly: await partitioned(exec, 'slots_monthly', 'month'), yearly: await partitioned(exec, 'slots_yearly', 'year') };
    const contracts = (await exec(`select id from contracts where company_id = $1 order by id`, [world.companyId])).map((r) => String(r.id));
    const [n] = await exec(`select count(*)::int as n from slots`);
    const loaded: Loaded = { parts, contracts, slots: Number(n!.n) };
    await exec(`insert into settings (key, value) values ($1, $2)`, [MARKER, JSON.stringify({ ...loaded, version: version() })]);
    return loaded;
  } finally {
    await c.end();
  }
}

interface Reader {
  table: string;
  mode: (typeof MODES)[number];
  client: pg.Client;
  ms: number[];
  run(i: number): Promise<void>;
}

/** A connection with `mode` that reads the weeks from `table` with findWeekSlots, its SQL pointed at that table. */
async function reader(url: string, table: string, mode: (typeof MODES)[number], contracts: string[]): Promise<Reader> {
  const client = new pg.Client({ connectionString: url, options: `-c plan_cache_mode=${mode} -c random_page_cost=1.1` });
  await client.connect();
  const q = {
    query: async <T>(text: string, params?: unknown[]) => {
      const sql = text.replace(/from slots\b/g, `from ${table}`);
      const name = `w_${createHash('sha1').update(sql).digest('hex').slice(0, 16)}`;
      return (await client.query({ name, text: sql, values: params })).rows as T[];
    },
  };
  const weeks = Array.from({ length: 8 }, (_, j) => ({ contract: contracts[(j * 7) % contracts.length]!, start: new Date(firstWeek().getTime() + j * 36 * WEEK_MS) }));
  return {
    table,
    mode,
    client,
    ms: [],
    async run(i: number) {
      const w = weeks[i % weeks.length]!;
      const rows = await findWeekSlots(q, w.contract, w.start, new Date(w.start.getTime() + WEEK_MS));
      if (rows.length !== SLOTS_PER_WEEK) throw new Error(`${table}: ${rows.length} slots in the week of ${w.start.toISOString()}`);
    },
  };
}

/** The relation locks one read holds, and how many of them did not fit the backend's fast-path slots. */
async function locksOf(r: Reader) {
  await r.client.query('begin');
  await r.run(0);
  const { rows } = await r.client.query(
    `select count(*)::int as n, count(*) filter (where not fastpath)::int as shared from pg_locks where pid = pg_backend_pid() and locktype = 'relation'`,
  );
  await r.client.query('commit');
  return rows[0] as { n: number; shared: number };
}

/** Every reader in turn, ROUNDS times N / ROUNDS reads each, so a change in the machine's load falls on all alike. */
async function measure(readers: Reader[]) {
  for (const r of readers) for (let i = 0; i < 50; i++) await r.run(i); // past the plan cache's first five custom plans
  for (let round = 0; round < ROUNDS; round++) {
    for (const r of readers) {
      for (let i = 0; i < N / ROUNDS; i++) {
        const t = performance.now();
        await r.run(i);
        r.ms.push(performance.now() - t);
      }
    }
  }
}

/** Names the data: the SQL that makes it and how much of it. */
function version() {
  const h = createHash('sha256');
  for (const f of ['./scale-data.ts', './data.ts']) h.update(fs.readFileSync(fileURLToPath(new URL(f, import.meta.url)), 'utf8'));
  return h.update(`every ${EVERY}`).digest('hex').slice(0, 16);
}

/** The loaded data, reused while it is the same (BENCH_FRESH=1 remakes it). */
async function prepare(adminUrl: string, url: string): Promise<Loaded> {
  const log = (msg: string) => console.log(msg);
  const found = await reuseOrRemake<Loaded & { version: string }>(adminUrl, DB, MARKER, version(), { fresh: process.env.BENCH_FRESH === '1', log });
  if (found) return found;
  await (await openDatabase({ url, poolSize: 1 })).close(); // migrates
  const t = performance.now();
  const loaded = await load(url);
  log(`loaded in ${((performance.now() - t) / 1000).toFixed(0)} s`);
  return loaded;
}

async function main() {
  const adminUrl = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const url = new URL(adminUrl);
  url.pathname = `/${DB}`;
  const { parts, contracts, slots } = await prepare(adminUrl, url.toString());
  // Index-only reads need every page all-visible; the load's own vacuum can be held back by an
  // autovacuum's snapshot taken while the rows went in. Quick when there is nothing to do.
  const c = new pg.Client({ connectionString: url.toString() });
  await c.connect();
  await c.query(`vacuum (analyze) slots, slots_monthly, slots_yearly`);
  await c.end();
  console.log(`${slots.toLocaleString('en-US')} slots in slots, slots_monthly (${parts.monthly} partitions) and slots_yearly (${parts.yearly})`);
  console.log(`findWeekSlots, ${N} calls over 8 weeks on each connection, the connections in turns; the relation locks one call holds (of them outside the 16 fast-path slots)`);
  const readers: Reader[] = [];
  for (const table of ['slots', 'slots_monthly', 'slots_yearly']) for (const mode of MODES) readers.push(await reader(url.toString(), table, mode, contracts));
  try {
    await measure(readers);
    for (const r of readers) {
      const s = summarize(r.ms);
      const locks = await locksOf(r);
      console.log(`  ${r.table.padEnd(14)} ${r.mode.padEnd(19)} p50 ${s.p50.toFixed(2)} ms  p99 ${s.p99.toFixed(2)} ms  locks ${locks.n} (${locks.shared} in the shared table)`);
    }
  } finally {
    for (const r of readers) await r.client.end();
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
