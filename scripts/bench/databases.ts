// The bench's databases: `workdiary_bench` on PostgreSQL (made once, reused while it holds the
// same dataset) and an in-memory PGlite.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openDatabase, type Database } from '#server/db/client.ts';
import { hashPassword } from '#server/lib/password.ts';
import { BENCH, buildDataset, datasetFacts, type BenchWorld, type DatasetFacts, type Exec } from './data.ts';

export const BENCH_DB = 'workdiary_bench';

export interface DatasetSize {
  fillerContracts: number;
  perContract: number;
  measuredWeeks: number;
}

/** workdiary_bench's size: 1,000 filler contracts of 1,000 slots, and the measured contract's 4 full weeks. */
export const PG_SIZE: DatasetSize = { fillerContracts: 1000, perContract: 1000, measuredWeeks: 4 };

export interface Prepared {
  database: Database;
  world: BenchWorld;
  facts: DatasetFacts;
  /** How the data came to be: made now, or found from an earlier run. */
  origin: 'created' | 'reused';
  loadSeconds: number;
}

/** Names the dataset: its size and the SQL that makes it. A change to either remakes it. */
function datasetVersion(size: DatasetSize): string {
  const sql = fs.readFileSync(fileURLToPath(new URL('./data.ts', import.meta.url)), 'utf8');
  const h = createHash('sha256').update(sql).update(JSON.stringify(size)).digest('hex').slice(0, 16);
  return `${size.fillerContracts}x${size.perContract}+${size.measuredWeeks}w:${h}`;
}

const SETTING = 'bench.dataset';

/** The JSON kept under `key` in the settings of the database at `url`; null when there is none. */
export async function readMarker<T>(url: string, key: string): Promise<T | null> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const r = await c.query<{ value: string }>(`select value from settings where key = $1`, [key]);
    return r.rows[0] ? (JSON.parse(r.rows[0].value) as T) : null;
  } catch {
    return null; // no settings table: not a finished bench database
  } finally {
    await c.end();
  }
}

/**
 * The marker (under `key`) of database `db` on the server of `adminUrl` when it holds dataset
 * `version` and `fresh` is not asked; otherwise null, with `db` dropped and made again, empty.
 */
export async function reuseOrRemake<T extends { version: string }>(
  adminUrl: string,
  db: string,
  key: string,
  version: string,
  opts: { fresh: boolean; log: (msg: string) => void },
): Promise<T | null> {
  const url = new URL(adminUrl);
  url.pathname = `/${db}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const exists = (await admin.query(`select 1 from pg_database where datname = $1`, [db])).rowCount === 1;
    if (exists && !opts.fresh) {
      const marker = await readMarker<T>(url.toString(), key);
      if (marker?.version === version) return marker;
      opts.log(`${db} holds ${marker ? `dataset ${marker.version}` : 'no finished dataset'}; remaking it as ${version}`);
    }
    await admin.query(`drop database if exists ${db} with (force)`);
    await admin.query(`create database ${db}`);
    return null;
  } finally {
    await admin.end();
  }
}

/**
 * Opens `workdiary_bench` on the server of `adminUrl`, reusing it when it holds this very
 * dataset (unless `fresh`), otherwise dropping, recreating and bulk-loading it.
 */
export async function preparePostgres(
  adminUrl: string,
  size: DatasetSize,
  opts: { fresh: boolean; poolSize: number; log: (msg: string) => void },
): Promise<Prepared> {
  const benchUrl = new URL(adminUrl);
  benchUrl.pathname = `/${BENCH_DB}`;
  const version = datasetVersion(size);
  const marker = await reuseOrRemake<{ version: string; world: BenchWorld }>(adminUrl, BENCH_DB, SETTING, version, opts);
  if (marker) {
    const database = await openDatabase({ url: benchUrl.toString(), poolSize: opts.poolSize });
    const facts = await datasetFacts(database.query as Exec, marker.world);
    return { database, world: marker.world, facts, origin: 'reused', loadSeconds: 0 };
  }

  const t0 = performance.now();
  const database = await openDatabase({ url: benchUrl.toString(), poolSize: opts.poolSize });
  const loader = new pg.Client({ connectionString: benchUrl.toString() });
  await loader.connect();
  let world: BenchWorld;
  try {
    // The data is consistent by construction: skip the per-row foreign-key triggers while loading.
    await loader.query(`set session_replication_role = replica`);
    const exec: Exec = async (text, params) => (await loader.query(text, params as unknown[])).rows;
    world = await buildDataset(exec, await hashPassword(BENCH.password), { ...size, progress: opts.log });
    await loader.query(`set session_replication_role = origin`);
    opts.log('vacuum analyze, checkpoint');
    await loader.query(`vacuum (analyze) slots`);
    await loader.query(`analyze`);
    await loader.query(`checkpoint`);
    await loader.query(`insert into settings (key, value) values ($1, $2)`, [SETTING, JSON.stringify({ version, world })]);
  } finally {
    await loader.end();
  }
  const facts = await datasetFacts(database.query as Exec, world);
  return { database, world, facts, origin: 'created', loadSeconds: (performance.now() - t0) / 1000 };
}

/** An in-memory PGlite with a smaller dataset (the same SQL). */
export async function preparePglite(size: DatasetSize): Promise<Prepared> {
  const t0 = performance.now();
  const database = await openDatabase({});
  const exec = database.query as Exec;
  const world = await buildDataset(exec, await hashPassword(BENCH.password), size);
  await exec(`analyze`);
  const facts = await datasetFacts(exec, world);
  return { database, world, facts, origin: 'created', loadSeconds: (performance.now() - t0) / 1000 };
}
