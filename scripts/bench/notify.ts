// Notifications (issue 14's numbers), on PostgreSQL in its own database, workdiary_bench_notify:
// - 10,000 events, each one mail, are queued; then the real server (server/main.ts, a child
//   process with WORKDIARY_SMTP_URL) delivers them to a real smtp-server sink through
//   graphile-worker. Once 40 % have arrived the server is killed with SIGKILL and started again.
//   The sink counts Message-IDs received twice (duplicates) and queued ones never received (lost).
// - The cost `emit` adds to a transaction like the approve route's (lock the contract, audit),
//   with graphile-worker's job added in it as in the server: p50 with the emit minus p50 without.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type Database } from '#server/db/client.ts';
import { createWorld } from '#server/test/fixtures.ts';
import { addDeliverJob } from '#server/notify/delivery.ts';
import { emit, onEmit, type EventInput } from '#server/notify/emit.ts';
import { startSmtpSink, type SmtpSink } from '#server/notify/__tests__/smtp-sink.ts';
import { fmtInt, fmtMs, row } from './report.ts';
import { summarize } from './stats.ts';

const DB = 'workdiary_bench_notify';
export const NOTIFY = { events: 10_000, killAt: 0.4, targetSeconds: 60, emitTargetMs: 2, emitSamples: 400, giveUpSeconds: 180 };

export interface NotifyResult {
  events: number;
  queueSeconds: number;
  deliverSeconds: number;
  received: number;
  unique: number;
  duplicates: number;
  lost: number;
  killedAfter: number;
  restartSeconds: number;
  /** With the server stopped: the transaction's own cost. */
  emit: EmitCost;
  /** With the server running, its worker taking each emit's job: what requests see on this machine. */
  emitBusy: EmitCost;
}

interface EmitCost {
  withP50: number;
  withoutP50: number;
  costP50: number;
  /** Of the cost, graphile's add_job. */
  jobP50: number;
}

const event = (contractId: string, i: number, prefix: string): EventInput => ({
  kind: 'week-in-review',
  key: `${prefix}:${i}`,
  at: new Date(),
  contractId,
  data: { path: `/contracts/${contractId}/review/2026-11-23`, contract: 'Backend work', contractor: 'Dana Dev', week: '2026-11-23', when: 'Fri 27 Nov, 23:59 UTC' },
});

function startServer(root: string, url: string, sink: SmtpSink, dataDir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url, WORKDIARY_SMTP_URL: sink.url, PORT: '0', HOST: '127.0.0.1', WORKDIARY_DEMO: '0', WORKDIARY_DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (b: Buffer) => {
      out += b.toString();
      if (out.includes('workdiary is running at')) resolve(child);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (b: Buffer) => (out += b.toString()));
    child.once('exit', (code) => reject(new Error(`the server exited (${code}) before it was ready: ${out.slice(-500)}`)));
  });
}

const killed = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });

async function waitUntil(ok: () => boolean, ms: number) {
  const end = Date.now() + ms;
  while (!ok() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
}

/** p50 of an approve-like transaction with and without an emit in it (graphile's job added, as in the server). */
async function emitCost(database: Database, contractId: string, actorId: string, tag: string): Promise<EmitCost> {
  const tx = (withEmit: boolean, i: number, prefix: string) =>
    database.transaction(async (q) => {
      await q.query(`select id from contracts where id = $1 for update`, [contractId]);
      await q.query(`insert into audit_log (at, actor_id, action, contract_id, subject) values ($1, $2, 'week.approved', $3, 'bench')`, [new Date(), actorId, contractId]);
      if (withEmit) await emit(q, { ...event(contractId, i, prefix), kind: 'week-approved' });
    });
  const run = async (prefix: string) => {
    const times: Record<'with' | 'without', number[]> = { with: [], without: [] };
    for (let i = 0; i < NOTIFY.emitSamples + 50; i++) {
      for (const withEmit of i % 2 ? [true, false] : [false, true]) {
        const t0 = performance.now();
        await tx(withEmit, i, prefix);
        if (i >= 50) times[withEmit ? 'with' : 'without'].push(performance.now() - t0);
      }
    }
    return { withP50: summarize(times.with).p50, withoutP50: summarize(times.without).p50 };
  };
  // First without graphile's job in the transaction, then with it, as the server runs.
  const bare = await run(`${tag}-bare`);
  onEmit((q) => addDeliverJob(q));
  try {
    const full = await run(tag);
    return { ...full, costP50: full.withP50 - full.withoutP50, jobP50: full.withP50 - full.withoutP50 - (bare.withP50 - bare.withoutP50) };
  } finally {
    onEmit(null);
  }
}

export async function benchNotify(root: string, pgUrl: string, log: (msg: string) => void): Promise<NotifyResult | { error: string }> {
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${DB} with (force)`);
  await admin.query(`create database ${DB}`);
  await admin.end();
  const url = new URL(pgUrl);
  url.pathname = `/${DB}`;
  const database = await openDatabase({ url: url.toString() });
  const sink = await startSmtpSink({ parse: false });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wd-bench-notify-'));
  let child: ChildProcess | undefined;
  try {
    const world = await createWorld(database);
    let t0 = performance.now();
    for (let i = 0; i < NOTIFY.events; i += 100) {
      await database.transaction(async (tx) => {
        for (let j = i; j < i + 100; j++) await emit(tx, event(world.contracts.dev, j, 'bench'));
      });
    }
    const queueSeconds = (performance.now() - t0) / 1000;
    const [{ n: queued } = { n: 0 }] = await database.query<{ n: number }>(`select count(*)::int as n from mails`);
    log(`${fmtInt(NOTIFY.events)} events queued ${fmtInt(queued)} mails in ${queueSeconds.toFixed(1)} s; starting the server with WORKDIARY_SMTP_URL`);

    t0 = performance.now();
    child = await startServer(root, url.toString(), sink, dataDir);
    await waitUntil(() => sink.ids.length >= queued * NOTIFY.killAt, NOTIFY.giveUpSeconds * 1000);
    const killedAfter = sink.ids.length;
    await killed(child);
    log(`kill -9 after ${fmtInt(killedAfter)} mails received (${((performance.now() - t0) / 1000).toFixed(1)} s); starting it again`);
    const t1 = performance.now();
    child = await startServer(root, url.toString(), sink, dataDir);
    const restartSeconds = (performance.now() - t1) / 1000;
    const unique = () => new Set(sink.ids).size;
    const end = Date.now() + NOTIFY.giveUpSeconds * 1000;
    while (unique() < queued && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
    const deliverSeconds = (performance.now() - t0) / 1000;
    // A moment more for any late repeat to arrive.
    await new Promise((r) => setTimeout(r, 1000));
    const ids = await database.query<{ id: string }>(`select message_id as id from mails`);
    const got = new Set(sink.ids);
    const result = {
      events: NOTIFY.events,
      queueSeconds,
      deliverSeconds,
      received: sink.ids.length,
      unique: got.size,
      duplicates: sink.ids.length - got.size,
      lost: ids.filter((r) => !got.has(r.id)).length,
      killedAfter,
      restartSeconds,
      emit: { withP50: 0, withoutP50: 0, costP50: 0, jobP50: 0 },
      emitBusy: { withP50: 0, withoutP50: 0, costP50: 0, jobP50: 0 },
    };
    log(`${fmtInt(result.unique)} distinct mails in ${deliverSeconds.toFixed(1)} s across the kill (restart ${restartSeconds.toFixed(1)} s); ${result.duplicates} received twice, ${result.lost} lost`);
    const costLine = (e: EmitCost) => `p50 ${fmtMs(e.withP50)} with, ${fmtMs(e.withoutP50)} without: the emit costs ${fmtMs(e.costP50)}, of which graphile's job ${fmtMs(e.jobP50)}`;
    log(`the emit's cost: ${NOTIFY.emitSamples} approve-like transactions with it and ${NOTIFY.emitSamples} without, interleaved, one client; the server running`);
    result.emitBusy = await emitCost(database, world.contracts.dev, world.users.client.id, 'busy');
    log(costLine(result.emitBusy));
    await killed(child);
    log('the same with the server stopped (no worker answering each job)');
    result.emit = await emitCost(database, world.contracts.dev, world.users.client.id, 'quiet');
    log(costLine(result.emit));
    return result;
  } finally {
    if (child) await killed(child);
    await sink.close();
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

export function notifyRows(r: NotifyResult | { error: string } | undefined) {
  if (!r) return;
  if ('error' in r) {
    row('notify', 'mail delivery', r.error, '', 'ERROR');
    return;
  }
  const all = r.unique === r.events && r.lost === 0;
  row('notify', `${fmtInt(r.events)} events mailed to an SMTP sink, kill -9 midway`, `${fmtInt(r.unique)} in ${r.deliverSeconds.toFixed(1)} s (killed after ${fmtInt(r.killedAfter)})`, `≤ ${NOTIFY.targetSeconds} s`, all && r.deliverSeconds <= NOTIFY.targetSeconds ? 'PASS' : 'MISS');
  row('notify', 'duplicates (a Message-ID received twice)', String(r.duplicates), '0', r.duplicates === 0 ? 'PASS' : 'MISS');
  row('notify', 'lost (queued, never received)', String(r.lost), '0', r.lost === 0 ? 'PASS' : 'MISS');
  row('notify', "emit's cost in an approve-like transaction, p50", `${fmtMs(r.emit.costP50)} (graphile's job ${fmtMs(r.emit.jobP50)} of it)`, `≤ ${NOTIFY.emitTargetMs} ms`, r.emit.costP50 <= NOTIFY.emitTargetMs ? 'PASS' : 'MISS');
  row('notify', '  the same while the worker runs each job', `${fmtMs(r.emitBusy.costP50)} (graphile's job ${fmtMs(r.emitBusy.jobP50)} of it)`);
}

/** `npx tsx scripts/bench/notify.ts`: this section alone. */
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
  const { printTable } = await import('./report.ts');
  const r = await benchNotify(root, process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test', (m) => console.log(`  · ${m}`)).catch((err: Error) => ({ error: err.message }));
  notifyRows(r);
  printTable();
  process.exit(0);
}
