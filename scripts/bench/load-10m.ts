// The 10M-slot database, `workdiary_bench10m` (scale-data.ts says what it holds): made once and
// reused while it holds this very dataset, like databases.ts's `workdiary_bench`. The slots go
// in without their keys and indexes; those are built afterwards from the migrations' own
// definitions, then VACUUM ANALYZE sets the visibility map so index-only scans work.
//
//   npx tsx scripts/bench/load-10m.ts      loads it alone (BENCH_FRESH=1 remakes it)
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';
import { openDatabase, type Database } from '#server/db/client.ts';
import { hashPassword } from '#server/lib/password.ts';
import { BENCH, type BenchWorld, type Exec } from './data.ts';
import { reuseOrRemake } from './databases.ts';
import { SCALE, addAllScaleSlots, createScaleBase, measuredWeeks } from './scale-data.ts';

export const SCALE_DB = 'workdiary_bench10m';
const SETTING = 'bench.dataset10m';
/** Connections writing the rows at once: on two cores, the second one's statements overlap the first one's waits. */
const LOADERS = 2;

export interface ScaleWeek {
  contractId: string;
  week: string;
}

export interface LoadSteps {
  /** Seconds: the rows, the keys and indexes, VACUUM ANALYZE and a checkpoint; all of it, migrations included. */
  rows: number;
  indexes: number;
  vacuum: number;
  total: number;
}

interface Marker {
  version: string;
  world: BenchWorld;
  weeks: ScaleWeek[];
  slots: number;
  contracts: number;
  steps: LoadSteps;
}

export interface Prepared10m extends Marker {
  database: Database;
  origin: 'created' | 'reused';
  /** Seconds this run spent loading: 0 when reused. */
  loadSeconds: number;
}

function datasetVersion(): string {
  const h = createHash('sha256');
  for (const f of ['./scale-data.ts', './data.ts']) h.update(fs.readFileSync(fileURLToPath(new URL(f, import.meta.url)), 'utf8'));
  return `${SCALE.contracts}x${SCALE.weeks}w:${h.update(JSON.stringify(SCALE)).digest('hex').slice(0, 16)}`;
}

interface Key {
  rel: string;
  name: string;
  /** `p`rimary key, `u`nique, `f`oreign key, or `i`ndex (then `def` is its CREATE INDEX). */
  kind: 'p' | 'u' | 'f' | 'i';
  def: string;
}

/** The keys and indexes of slots and screenshots, and the foreign keys that lean on them, as the migrations made them. */
async function keysOf(exec: Exec): Promise<Key[]> {
  const rows = await exec(
    `select c.conrelid::regclass::text as rel, c.conname as name, c.contype as kind, pg_get_constraintdef(c.oid) as def
       from pg_constraint c
      where (c.contype in ('p', 'u') and c.conrelid in ('slots'::regclass, 'screenshots'::regclass))
         or (c.contype = 'f' and c.confrelid in ('slots'::regclass, 'screenshots'::regclass))
     union all
     select i.indrelid::regclass::text, i.indexrelid::regclass::text, 'i', pg_get_indexdef(i.indexrelid)
       from pg_index i
      where i.indrelid in ('slots'::regclass, 'screenshots'::regclass)
        and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid and c.contype in ('p', 'u'))`,
  );
  return rows as unknown as Key[];
}

async function dropKeys(exec: Exec, keys: Key[]) {
  const order: Key['kind'][] = ['f', 'p', 'u', 'i'];
  for (const kind of order) {
    for (const k of keys.filter((x) => x.kind === kind)) {
      await exec(kind === 'i' ? `drop index ${k.name}` : `alter table ${k.rel} drop constraint ${k.name}`);
    }
  }
}

async function buildKeys(exec: Exec, keys: Key[], log: (msg: string) => void) {
  const order: Key['kind'][] = ['p', 'u', 'i', 'f'];
  for (const kind of order) {
    for (const k of keys.filter((x) => x.kind === kind)) {
      const t = performance.now();
      await exec(kind === 'i' ? k.def : `alter table ${k.rel} add constraint ${k.name} ${k.def}`);
      log(`${k.name}: ${((performance.now() - t) / 1000).toFixed(1)} s`);
    }
  }
}

/** Loads the dataset into the empty, migrated database at `url` (made at `t0`); returns the marker it writes. */
async function load(url: string, version: string, t0: number, log: (msg: string) => void): Promise<Marker> {
  const loaders = Array.from({ length: LOADERS }, () => new pg.Client({ connectionString: url }));
  const execs: Exec[] = loaders.map((c) => async (text, params) => (await c.query(text, params as unknown[])).rows);
  const exec = execs[0]!;
  const seconds = (t: number) => (performance.now() - t) / 1000;
  try {
    for (const [i, c] of loaders.entries()) {
      await c.connect();
      // Consistent by construction: no per-row foreign-key triggers; each statement's commit need not wait for the disk.
      await execs[i]!(`set session_replication_role = replica`);
      await execs[i]!(`set synchronous_commit = off`);
      await execs[i]!(`set work_mem = '256MB'`);
    }
    await exec(`set maintenance_work_mem = '1GB'`);
    const keys = await keysOf(exec);
    await dropKeys(exec, keys);
    let t = performance.now();
    const world = await createScaleBase(exec, await hashPassword(BENCH.password));
    const step = Math.ceil(SCALE.weeks / 10);
    await addAllScaleSlots(execs, world.companyId, (done) => {
      if (done % step < SCALE.chunkWeeks || done === SCALE.weeks) log(`${done} of ${SCALE.weeks} weeks: ${seconds(t).toFixed(0)} s`);
    });
    const rows = seconds(t);
    t = performance.now();
    await exec(`set session_replication_role = origin`);
    log(`keys and indexes, from the migrations' definitions:`);
    await buildKeys(exec, keys, log);
    const indexes = seconds(t);
    t = performance.now();
    await exec(`vacuum (analyze) slots`);
    await exec(`vacuum (analyze) screenshots`);
    await exec(`analyze`);
    await exec(`checkpoint`);
    const vacuum = seconds(t);
    log(`vacuum analyze, checkpoint: ${vacuum.toFixed(1)} s`);
    const [n] = await exec(`select (select count(*)::int from slots) as slots, (select count(*)::int from contracts) as contracts`);
    const marker: Marker = {
      version,
      world,
      weeks: await measuredWeeks(exec, world.companyId),
      slots: Number(n!.slots),
      contracts: Number(n!.contracts),
      steps: { rows, indexes, vacuum, total: seconds(t0) },
    };
    await exec(`insert into settings (key, value) values ($1, $2)`, [SETTING, JSON.stringify(marker)]);
    return marker;
  } finally {
    for (const c of loaders) await c.end().catch(() => {});
  }
}

/** Opens `workdiary_bench10m` on the server of `adminUrl`: reused when it holds this dataset (unless `fresh`), else made now. */
export async function prepare10m(adminUrl: string, opts: { fresh: boolean; poolSize: number; log: (msg: string) => void }): Promise<Prepared10m> {
  const url = new URL(adminUrl);
  url.pathname = `/${SCALE_DB}`;
  const version = datasetVersion();
  const marker = await reuseOrRemake<Marker>(adminUrl, SCALE_DB, SETTING, version, opts);
  if (marker) return { ...marker, database: await openDatabase({ url: url.toString(), poolSize: opts.poolSize }), origin: 'reused', loadSeconds: 0 };
  const t0 = performance.now();
  const database = await openDatabase({ url: url.toString(), poolSize: opts.poolSize }); // migrates
  try {
    const loaded = await load(url.toString(), version, t0, opts.log);
    return { ...loaded, database, origin: 'created', loadSeconds: (performance.now() - t0) / 1000 };
  } catch (err) {
    await database.close();
    throw err;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const pgUrl = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const log = (msg: string) => console.log(`  · ${msg}`);
  prepare10m(pgUrl, { fresh: process.env.BENCH_FRESH === '1', poolSize: 2, log })
    .then(async (p) => {
      console.log(`${SCALE_DB}: ${p.slots.toLocaleString('en-US')} slots, ${p.origin}${p.origin === 'created' ? ` in ${p.loadSeconds.toFixed(1)} s` : ''}`);
      await p.database.close();
    })
    .catch((err) => {
      console.error(err);
      process.exitCode = 1;
    });
}
