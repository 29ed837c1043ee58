// The connection: embedded PGlite in a data folder, or PostgreSQL through `pg` when a URL
// is given. Both get the same schema, the same migrations and the same SQL.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema.ts';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

/** Something SQL can be run on: the database, or one transaction of it. */
export interface Queryable {
  /** Run raw SQL with positional parameters. */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
}

export interface Database extends Queryable {
  db: Db;
  kind: 'pglite' | 'postgres';
  /**
   * Runs `fn` in one transaction (READ COMMITTED): committed when it resolves, rolled back
   * when it throws. Inside, use only `tx`; on PGlite the database waits for the transaction.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export class DataFolderInUseError extends Error {}

/**
 * PGlite is one process's database: a second process writing the same folder corrupts it.
 * A lock file holding our pid refuses the second one; a lock left by a dead process is taken over.
 */
function lockDataFolder(dir: string): () => void {
  fs.mkdirSync(dir, { recursive: true });
  const lockPath = path.join(dir, 'workdiary.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          if (fs.readFileSync(lockPath, 'utf8') === String(process.pid)) fs.unlinkSync(lockPath);
        } catch {
          /* already gone */
        }
      };
      process.once('exit', release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number(fs.readFileSync(lockPath, 'utf8').trim());
      if (pid && isAlive(pid)) {
        throw new DataFolderInUseError(
          `The data folder ${dir} is in use by another workdiary process (pid ${pid}). ` +
            'Stop that process first, or set WORKDIARY_DATA_DIR to a different folder.',
        );
      }
      fs.unlinkSync(lockPath); // stale: its process is gone
    }
  }
  throw new DataFolderInUseError(`Could not lock the data folder ${dir}.`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface OpenOptions {
  /** PostgreSQL connection string; without it PGlite is used. */
  url?: string;
  /** PGlite's folder; without it (and without a url) the database lives in memory. */
  dataDir?: string;
  /** Pool size for PostgreSQL. */
  poolSize?: number;
}

/**
 * A parameterised query as a named prepared statement (named by its text): each pooled
 * connection parses and plans it once, not on every request. The same text is always the
 * same name, so a name never stands for two statements.
 */
const prepared = new Map<string, string>();
function statement(text: string, values: unknown[] | undefined): pg.QueryConfig {
  if (!values || values.length === 0) return { text };
  let name = prepared.get(text);
  if (!name) {
    name = `wd_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    prepared.set(text, name);
  }
  return { name, text, values };
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.url) {
    // random_page_cost 1.1 (data on SSD or in memory): the week query then reads the primary
    // key in order instead of a bitmap scan plus a sort, about twice as fast on a 1M-slot table.
    const pool = new pg.Pool({ connectionString: opts.url, max: opts.poolSize ?? 10, options: '-c random_page_cost=1.1' });
    // An idle connection the server ends (a restart, a dropped database) is not a crash: the
    // pool replaces it on the next query.
    pool.on('error', (err) => console.error(`database: an idle connection ended (${err.message})`));
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    await migratePg(db as never, { migrationsFolder });
    return {
      db,
      kind: 'postgres',
      query: async (text, params) => (await pool.query(statement(text, params as unknown[] | undefined))).rows,
      transaction: async (fn) => {
        const conn = await pool.connect();
        try {
          await conn.query('begin');
          const result = await fn({ query: async (text, params) => (await conn.query(statement(text, params as unknown[] | undefined))).rows });
          await conn.query('commit');
          return result;
        } catch (err) {
          await conn.query('rollback').catch(() => {});
          throw err;
        } finally {
          conn.release();
        }
      },
      close: () => pool.end(),
    };
  }
  const release = opts.dataDir ? lockDataFolder(opts.dataDir) : () => {};
  let client: PGlite;
  try {
    client = opts.dataDir ? new PGlite(path.join(opts.dataDir, 'pglite')) : new PGlite();
    await client.waitReady;
  } catch (err) {
    release();
    throw err;
  }
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  await migratePglite(db as never, { migrationsFolder });
  return {
    db,
    kind: 'pglite',
    query: async (text, params) => (await client.query(text, params as unknown[])).rows as never,
    transaction: (fn) => client.transaction((tx) => fn({ query: async (text, params) => (await tx.query(text, params as unknown[])).rows as never })),
    close: async () => {
      await client.close();
      release();
    },
  };
}
