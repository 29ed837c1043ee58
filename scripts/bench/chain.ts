// What the chain of receipts costs an upload. In the same run, on a PostgreSQL database of its
// own: the ingestion of a slot through the service the API calls (a real 1920×1080 screenshot,
// its thumbnail, the blob store, the week's lock, the rows, the receipt), and the receipt alone
// (the chain head's lock and the insert, in a transaction of its own). The goal: the chain
// adds at most 10 % to the ingestion time per slot.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { findContractsById } from '#server/data/contracts.ts';
import { openDatabase } from '#server/db/client.ts';
import { chainReceipts, slotReceipt } from '#server/services/chain-service.ts';
import { ingestSlot } from '#server/services/ingest-service.ts';
import { diskBlobStore } from '#server/storage/blob-store.ts';
import { createWorld, desktopScreenshot } from '#server/test/fixtures.ts';
import { row } from './report.ts';

export const CHAIN = { slots: 120, receipts: 1000, targetShare: 0.1 };
const DB = 'workdiary_bench_chain';

export interface ChainResult {
  ingestMs: number;
  receiptMs: number;
  share: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function benchChain(pgUrl: string, log: (msg: string) => void): Promise<ChainResult> {
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${DB} with (force)`);
  await admin.query(`create database ${DB}`);
  const url = new URL(pgUrl);
  url.pathname = `/${DB}`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wd-bench-chain-'));
  const database = await openDatabase({ url: url.toString() });
  try {
    const world = await createWorld(database);
    const [contract] = await findContractsById(database, [world.contracts.dev]);
    const blobs = diskBlobStore(dir);
    const user = { id: world.users.dev.id, email: world.users.dev.email, name: 'Dana Dev', role: 'contractor' as const, companyId: null, companyName: null };
    const tracker = { device: { id: 'bench', name: 'Bench' }, user, lastUsedAt: null, publicKey: null };
    const images = await Promise.all(Array.from({ length: 8 }, (_, i) => desktopScreenshot(i)));
    // Monday 2026-11-23 onwards, the week in progress at `now`.
    const now = new Date('2026-11-29T23:00:00Z');
    const counts = Array.from({ length: 10 }, () => 20);
    const ingest: number[] = [];
    for (let i = 0; i < CHAIN.slots; i++) {
      const start = new Date(Date.parse('2026-11-23T00:00:00Z') + i * 600_000);
      const image = images[i % images.length]!; // eight images in turn: repeats are stored once, as a tracker's would be
      const t0 = performance.now();
      await ingestSlot(database, blobs, tracker, contract!, start, {
        meta: { capturedAt: new Date(start.getTime() + 200_000).toISOString(), keyboard: counts, mouse: counts, memo: 'Bench', windowTitle: 'bench.ts' },
        screenshot: image,
      }, now);
      ingest.push(performance.now() - t0);
    }
    // The receipt alone, on another contract's chain so the slots above are untouched. In an
    // upload it runs inside the slot's transaction, which commits anyway: so a transaction with
    // the receipt is timed against one with a row written in its place, in turns.
    const receipt: number[] = [];
    const bare: number[] = [];
    const k = world.contracts.designer;
    for (let i = 0; i < CHAIN.receipts; i++) {
      const r = slotReceipt(k, { start: new Date(Date.parse('2026-11-23T00:00:00Z') + i * 600_000), kind: 'tracked', capturedAt: null, screenshotSha256: 'a'.repeat(64), keyboard: counts, mouse: counts, memo: 'Bench', windowTitle: 'bench.ts' }, now);
      let t0 = performance.now();
      await database.transaction((tx) => tx.query(`insert into settings (key, value) values ('bench.chain', $1) on conflict (key) do update set value = excluded.value`, [String(i)]));
      bare.push(performance.now() - t0);
      t0 = performance.now();
      await database.transaction(async (tx) => {
        await tx.query(`insert into settings (key, value) values ('bench.chain', $1) on conflict (key) do update set value = excluded.value`, [String(i)]);
        await chainReceipts(tx, k, [r]);
      });
      receipt.push(performance.now() - t0);
    }
    const receiptMs = Math.max(0, median(receipt) - median(bare));
    const result = { ingestMs: median(ingest), receiptMs, share: receiptMs / median(ingest) };
    log(`ingestion ${result.ingestMs.toFixed(1)} ms per slot (median of ${CHAIN.slots}); a transaction ${median(receipt).toFixed(2)} ms with a receipt, ${median(bare).toFixed(2)} ms without (medians of ${CHAIN.receipts})`);
    return result;
  } finally {
    await database.close();
    await admin.query(`drop database if exists ${DB} with (force)`);
    await admin.end();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function chainSection(pgUrl: string, log: (msg: string) => void): Promise<ChainResult | { error: string }> {
  console.log('\nThe chain of receipts (PostgreSQL, a database of its own)');
  const r = await benchChain(pgUrl, log).catch((err: Error) => ({ error: err.message }));
  const figure = 'what the chain adds to an upload (its receipt, against the whole ingestion)';
  if ('error' in r) row('Proof', figure, r.error, '', 'ERROR');
  else row('Proof', figure, `${(r.share * 100).toFixed(1)} % (${r.receiptMs.toFixed(2)} of ${r.ingestMs.toFixed(1)} ms)`, `≤ ${CHAIN.targetShare * 100} %`, r.share <= CHAIN.targetShare ? 'PASS' : 'MISS');
  return r;
}
