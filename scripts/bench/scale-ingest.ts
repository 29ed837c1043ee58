// Ingestion at 1M and at 10M slots, in the same run and by the same method as ingest.ts: 16
// trackers (in their own process) PUT real 1920×1080 PNGs to the real server for a fixed time.
// The two databases take turns (A B B A …), so a drift in the machine's load falls on both.
// The trackers, their contracts and their slots are removed afterwards: the datasets stay as loaded.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import type { Database } from '#server/db/client.ts';
import type { ApiServer } from './api.ts';
import { INGEST, LATEST_SLOT, screenshotImages, seedTrackers, uploadsInChild } from './ingest.ts';
import { summarize, type Summary } from './stats.ts';
import { walPosition, walSince, type Wal } from './wal.ts';

export const SCALE_INGEST = { rounds: 8, durationMs: 3_000 };
const COMPANY = 'Scale Ingest';
const PREFIX = 'scale-ingest-';

export interface IngestSide {
  label: string;
  count: number;
  perSecond: number;
  summary: Summary;
  errors: number;
  firstError?: string;
  /** Uploads answered 201 (warm-ups included) and the slots found afterwards. */
  created: number;
  stored: number;
  /** WAL per stored slot (warm-ups included), the least of the rounds; `wal.ts` says whose WAL it counts. */
  walBytesPerSlot: number;
  /** Of that WAL, the share of full-page images (0 when only the server's total is known). */
  walFpiShare: number;
  walSource: Wal['source'];
  /** The audit row and the receipt each upload appends: their mean sizes (pg_column_size of the row). */
  auditRowBytes: number;
  receiptRowBytes: number;
  /** CPU time of the database's own server processes per stored slot, ms: the primary's share of an upload. */
  dbCpuMsPerSlot: number;
}

interface Side {
  label: string;
  database: Database;
  server: ApiServer;
}

/**
 * Removes what an earlier run seeded (or one that stopped half-way): the rows of every table
 * that refers to the seeded contracts or users, found in the catalog, so a table added later is
 * covered too. The audit log and the receipts refuse DELETE by a trigger; the replica role fires
 * no ordinary trigger, and these are the bench's own rows in the bench's own database.
 */
export async function cleanUp(database: Database) {
  await database.transaction(async (tx) => {
    const [ids] = await tx.query<{ company: string | null; contracts: string[]; users: string[] }>(
      `select (select id from companies where name = $1) as company,
              array(select id::text from contracts where company_id = (select id from companies where name = $1)) as contracts,
              array(select id::text from users where email like $2) as users`,
      [COMPANY, `${PREFIX}%`],
    );
    if (!ids!.company) return;
    const refs = await tx.query<{ rel: string; col: string; target: 'contracts' | 'users' }>(
      `select c.conrelid::regclass::text as rel, a.attname as col, c.confrelid::regclass::text as target
         from pg_constraint c join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
        where c.contype = 'f' and cardinality(c.conkey) = 1 and c.confrelid in ('contracts'::regclass, 'users'::regclass)
          and c.conrelid not in ('contracts'::regclass, 'users'::regclass)`,
    );
    await tx.query(`set local session_replication_role = replica`);
    for (const r of refs) await tx.query(`delete from ${r.rel} where ${r.col} = any($1::uuid[])`, [r.target === 'contracts' ? ids!.contracts : ids!.users]);
    await tx.query(`delete from blob_intents where namespace = any($1::text[])`, [ids!.contracts]);
    await tx.query(`delete from contracts where id = any($1::uuid[])`, [ids!.contracts]);
    await tx.query(`delete from users where id = any($1::uuid[])`, [ids!.users]);
    await tx.query(`delete from companies where id = $1`, [ids!.company]);
  });
  // The deleted rows' pages become all-visible again, so the week's reads stay index-only: with
  // few dead rows VACUUM would skip the indexes and leave their stubs, and the pages not all-visible.
  for (const t of ['slots', 'screenshots']) await database.query(`vacuum (index_cleanup on) ${t}`);
}

const TICK_MS = 1000 / Number(execFileSync('getconf', ['CLK_TCK']).toString().trim() || 100);

/**
 * CPU time (user + system, ms) so far of each server process serving `database`, from /proc:
 * PostgreSQL runs on this machine, and no one else connects to these databases.
 */
async function serverCpu(database: Database): Promise<Map<number, number>> {
  const rows = await database.query<{ pid: number }>(`select pid from pg_stat_activity where datname = current_database() and backend_type = 'client backend'`);
  const out = new Map<number, number>();
  for (const { pid } of rows) {
    try {
      const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      out.set(pid, (Number(fields[11]) + Number(fields[12])) * TICK_MS); // utime, stime: fields 14 and 15 of stat
    } catch {
      /* gone meanwhile */
    }
  }
  return out;
}

const cpuSince = (before: Map<number, number>, after: Map<number, number>) => [...after].reduce((a, [pid, ms]) => a + ms - (before.get(pid) ?? 0), 0);


/** The round with the least WAL per slot: other work only ever adds to it. */
function leastWal(rounds: Wal[]): Pick<IngestSide, 'walBytesPerSlot' | 'walFpiShare' | 'walSource'> {
  const w = rounds.reduce((a, b) => (b.bytes < a.bytes ? b : a));
  return { walBytesPerSlot: w.bytes, walFpiShare: w.bytes ? w.fpiBytes / w.bytes : 0, walSource: w.source };
}

export async function benchScaleIngest(sides: Side[], log: (msg: string) => void): Promise<IngestSide[]> {
  const shots = await screenshotImages();
  try {
    const state = [];
    for (const side of sides) {
      await cleanUp(side.database);
      const uploaders = await seedTrackers(side.database, { company: COMPANY, prefix: PREFIX, withClient: false });
      state.push({ side, uploaders, latest: LATEST_SLOT, latencies: [] as number[], count: 0, elapsedMs: 0, errors: 0, firstError: undefined as string | undefined, created: 0, wal: [] as Wal[], cpuMs: 0 });
    }
    log(
      `${INGEST.uploaders} trackers per database, ${shots.images.length} distinct 1920×1080 PNGs (${(shots.meanBytes / 1024).toFixed(0)} KB on average); ` +
        `${SCALE_INGEST.rounds} rounds of ${SCALE_INGEST.durationMs / 1000} s on each, taking turns`,
    );
    for (let round = 0; round < SCALE_INGEST.rounds; round++) {
      const order = round % 2 === 0 ? state : [...state].reverse();
      for (const s of order) {
        const from = await walPosition(s.side.database);
        const cpu = await serverCpu(s.side.database);
        const run = await uploadsInChild({ base: s.side.server.base, uploaders: s.uploaders, imageDir: shots.dir, latest: s.latest, durationMs: SCALE_INGEST.durationMs });
        s.cpuMs += cpuSince(cpu, await serverCpu(s.side.database));
        const wal = await walSince(s.side.database, from);
        const r = run.result;
        s.latencies.push(...r.latencies);
        s.count += r.count;
        s.elapsedMs += r.elapsedMs;
        s.errors += r.errors;
        s.firstError ??= r.firstError;
        s.created += run.created;
        if (run.created > 0) s.wal.push({ ...wal, bytes: wal.bytes / run.created, fpiBytes: wal.fpiBytes / run.created });
        // The next round starts below every slot this one may have reached (one warm-up each, then turns).
        s.latest -= (Math.ceil(r.count / INGEST.uploaders) + 2) * 600_000;
        const perSlot = (x: number) => `${(x / Math.max(1, run.created) / 1024).toFixed(1)} KB`;
        log(`${s.side.label}, round ${round + 1}: ${r.perSecond.toFixed(1)} slots/s, ${r.errors} errors; WAL per slot ${perSlot(wal.bytes)} (${wal.source}), full-page images ${perSlot(wal.fpiBytes)}`);
      }
    }
    const out: IngestSide[] = [];
    for (const s of state) {
      const [n] = await s.side.database.query<{ n: number; audit: number; receipt: number }>(
        `select (select count(*)::int from slots where contract_id = any($1::uuid[])) as n,
                (select avg(pg_column_size(a.*))::float8 from audit_log a where a.contract_id = any($1::uuid[])) as audit,
                (select avg(pg_column_size(r.*))::float8 from receipts r where r.contract_id = any($1::uuid[])) as receipt`,
        [s.uploaders.map((u) => u.contractId)],
      );
      out.push({
        label: s.side.label,
        count: s.count,
        perSecond: (s.count / s.elapsedMs) * 1000,
        summary: summarize(s.latencies),
        errors: s.errors,
        firstError: s.firstError,
        created: s.created,
        stored: n!.n,
        ...leastWal(s.wal),
        auditRowBytes: n!.audit,
        receiptRowBytes: n!.receipt,
        dbCpuMsPerSlot: s.cpuMs / s.created,
      });
    }
    return out;
  } finally {
    shots.remove();
    for (const side of sides) await cleanUp(side.database).catch((err: Error) => log(`${side.label}: clean-up failed: ${err.message}`));
  }
}
