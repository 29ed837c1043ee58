// The WAL one database wrote between two positions. pg_current_wal_lsn() counts the whole
// server's WAL, other databases' included; on a shared machine that is most of it. When the
// server runs here and its pg_wal folder is readable, pg_waldump reads the range and only the
// records that touch this database's pages (and its transactions' commits) are counted.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { Database } from '#server/db/client.ts';

export interface Wal {
  bytes: number;
  /** Of `bytes`, the full-page images: a page's first change after a checkpoint logs the whole page. */
  fpiBytes: number;
  /** `pg_waldump`: this database's records; `server`: every database's, from the LSN difference. */
  source: 'pg_waldump' | 'server';
}

export const walPosition = async (database: Database) => (await database.query<{ lsn: string }>(`select pg_current_wal_lsn()::text as lsn`))[0]!.lsn;

async function waldump(database: Database): Promise<{ bin: string; dir: string; oid: string } | null> {
  const [s] = await database.query<{ dir: string; version: number; oid: string }>(
    `select current_setting('data_directory') as dir, current_setting('server_version_num')::int as version,
            (select oid::text from pg_database where datname = current_database()) as oid`,
  );
  for (const bin of ['pg_waldump', `/usr/lib/postgresql/${Math.floor(s!.version / 10000)}/bin/pg_waldump`]) {
    if (spawnSync(bin, ['--version']).status === 0) return { bin, dir: path.join(s!.dir, 'pg_wal'), oid: s!.oid };
  }
  return null;
}

/** This database's WAL from `from` to now; the server's whole when pg_waldump cannot read it (not here, not readable, recycled). */
export async function walSince(database: Database, from: string): Promise<Wal> {
  const to = await walPosition(database);
  const [d] = await database.query<{ n: string }>(`select pg_wal_lsn_diff($1::pg_lsn, $2::pg_lsn)::bigint as n`, [to, from]);
  const server: Wal = { bytes: Number(d!.n), fpiBytes: 0, source: 'server' };
  const tool = await waldump(database).catch(() => null);
  if (!tool) return server;
  const out = spawnSync(tool.bin, ['-p', tool.dir, '-s', from, '-e', to], { maxBuffer: 1024 * 1024 * 1024, encoding: 'utf8' });
  if (out.status !== 0) return server;
  const ours = new RegExp(`rel \\d+/${tool.oid}/`);
  const xids = new Set<string>();
  let bytes = 0;
  let fpiBytes = 0;
  const commits: { xid: string; tot: number }[] = [];
  for (const line of out.stdout.split('\n')) {
    const m = /len \(rec\/tot\):\s*(\d+)\/\s*(\d+), tx:\s*(\d+)/.exec(line);
    if (!m) continue;
    const [rec, tot, xid] = [Number(m[1]), Number(m[2]), m[3]!];
    if (ours.test(line)) {
      bytes += tot;
      if (line.includes('FPW')) fpiBytes += tot - rec;
      xids.add(xid);
    } else if (line.startsWith('rmgr: Transaction')) commits.push({ xid, tot });
  }
  for (const c of commits) if (xids.has(c.xid)) bytes += c.tot;
  return { bytes, fpiBytes, source: 'pg_waldump' };
}
