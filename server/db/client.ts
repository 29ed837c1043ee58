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
import { isConnectionLost } from './outage.ts';

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
  /** Answers `select 1` within `timeoutMs`, or throws: the health check's question. */
  ping(timeoutMs: number): Promise<void>;
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
  /**
   * In memory (no url, no dataDir): a file holding a just-migrated database's files. When it
   * exists the database starts from it (about 1 s, against some 3 s for a fresh one and its
   * migrations); when it does not, it is written after migrating. The tests' harness names one
   * per set of migrations.
   */
  memoryImage?: string;
  /** Pool size for PostgreSQL. */
  poolSize?: number;
  /**
   * PostgreSQL: how long the server's requests may wait on the database. Without them (the
   * scripts: migrations, the bench's loading, the admin command) nothing is cut short.
   */
  timeouts?: DatabaseTimeouts;
}

export interface DatabaseTimeouts {
  /** Waiting for a connection: a new one's handshake, or a free one in the full pool. */
  connectTimeoutMs: number;
  /** One statement's run on the server (statement_timeout). */
  statementTimeoutMs: number;
}

/**
 * The client-side wait for an answer, past statement_timeout by this much so a slow statement
 * is cancelled by the server (its own error, the connection kept). It is what ends a wait on a
 * partitioned network, where no answer, not even the cancellation, ever comes.
 */
const QUERY_TIMEOUT_MARGIN_MS = 1000;

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

/**
 * Migrations run on a connection of their own, without the request timeouts: a migration
 * that rewrites a big table may take minutes, and must not be cancelled halfway.
 */
async function migrate(url: string, t: DatabaseTimeouts | undefined) {
  const conn = new pg.Client({ connectionString: url, keepAlive: true, connectionTimeoutMillis: t?.connectTimeoutMs });
  await conn.connect();
  try {
    await migratePg(drizzlePg(conn, { schema }) as never, { migrationsFolder });
  } finally {
    await conn.end();
  }
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.url) {
    // random_page_cost 1.1 (data on SSD or in memory): the week query then reads the primary
    // key in order instead of a bitmap scan plus a sort, about twice as fast on a 1M-slot table.
    const t = opts.timeouts;
    await migrate(opts.url, t);
    const pool = new pg.Pool({
      connectionString: opts.url,
      max: opts.poolSize ?? 10,
      options: '-c random_page_cost=1.1',
      // A server that is gone or partitioned is noticed: the connect, the statement and the
      // wait for its answer each have an end, and keepalive finds a dead idle connection.
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
      ...(t && {
        connectionTimeoutMillis: t.connectTimeoutMs,
        statement_timeout: t.statementTimeoutMs,
        query_timeout: t.statementTimeoutMs + QUERY_TIMEOUT_MARGIN_MS,
      }),
    });
    // An idle connection the server ends (a restart, a dropped database) is not a crash: the
    // pool replaces it on the next query.
    pool.on('error', (err) => console.error(`database: an idle connection ended (${err.message})`));
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    return {
      db,
      kind: 'postgres',
      query: async (text, params) => (await pool.query(statement(text, params as unknown[] | undefined))).rows,
      transaction: async (fn) => {
        const conn = await pool.connect();
        // A connection that fails under the transaction leaves the pool: the server rolls back
        // what it held when it goes, and the next request gets a fresh one. Its socket's error
        // between two statements (while `fn` writes a blob, say) is kept here; unheard, it
        // would end the process.
        let broken: Error | undefined;
        const onLost = (err: Error) => (broken ??= err);
        conn.on('error', onLost);
        try {
          await conn.query('begin');
          const result = await fn({ query: async (text, params) => (await conn.query(statement(text, params as unknown[] | undefined))).rows });
          await conn.query('commit');
          return result;
        } catch (err) {
          // On a lost connection a rollback would only wait for the same silence again.
          if (isConnectionLost(err)) broken = err as Error;
          else await conn.query('rollback').catch((rollbackErr: Error) => (broken = rollbackErr));
          throw err;
        } finally {
          conn.off('error', onLost);
          conn.release(broken);
        }
      },
      ping: async (timeoutMs) => {
        // pg reads a query's own query_timeout (its types do not list it): the connection a
        // silent check holds is given up with it, not kept until the pool's longer limit.
        const ping: pg.QueryConfig = { text: 'select 1', query_timeout: timeoutMs } as pg.QueryConfig;
        await pool.query(ping);
      },
      close: () => pool.end(),
    };
  }
  const release = opts.dataDir ? lockDataFolder(opts.dataDir) : () => {};
  const image = !opts.dataDir && opts.memoryImage && fs.existsSync(opts.memoryImage) ? new Blob([fs.readFileSync(opts.memoryImage)]) : null;
  let client: PGlite;
  try {
    client = opts.dataDir ? new PGlite(path.join(opts.dataDir, 'pglite')) : image ? new PGlite({ loadDataDir: image }) : new PGlite();
    await client.waitReady;
  } catch (err) {
    release();
    throw err;
  }
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  await migratePglite(db as never, { migrationsFolder });
  if (opts.memoryImage && !opts.dataDir && !image) {
    // Written whole under another name, then renamed: a reader never sees half a file.
    const partial = `${opts.memoryImage}.${process.pid}.tmp`;
    fs.writeFileSync(partial, Buffer.from(await (await client.dumpDataDir('none')).arrayBuffer()));
    fs.renameSync(partial, opts.memoryImage);
  }
  return {
    db,
    kind: 'pglite',
    query: async (text, params) => (await client.query(text, params as unknown[])).rows as never,
    transaction: (fn) => client.transaction((tx) => fn({ query: async (text, params) => (await tx.query(text, params as unknown[])).rows as never })),
    // PGlite runs one statement at a time: behind a long transaction, the check waits its turn
    // (the health check bounds the wait).
    ping: async () => {
      await client.query('select 1');
    },
    close: async () => {
      await client.close();
      release();
    },
  };
}
