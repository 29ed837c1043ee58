// Ingestion: 16 trackers upload real 1920×1080 PNG screenshots to the real server on
// PostgreSQL, each PUTting its own slots, for a fixed time. Beside it, the floor: sharp alone
// making the same thumbnails (the same makeThumbnail) of the same images, as many in flight.
import { fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openDatabase, type Database } from '#server/db/client.ts';
import { companies, contracts, users } from '#server/db/schema.ts';
import { hashPassword } from '#server/lib/password.ts';
import { createTracker } from '#server/services/tracker-service.ts';
import { makeThumbnail } from '#server/storage/screenshots.ts';
import { desktopScreenshot } from '#server/test/fixtures.ts';
import { BENCH } from './data.ts';
import { startApiServer } from './api.ts';
import { concurrent } from './load.ts';
import type { UploadRun, UploadSpec } from './ingest-worker.ts';
import { summarize, type Summary } from './stats.ts';

export const INGEST = { db: 'workdiary_bench_ingest', uploaders: 16, images: 32, durationMs: 10_000, floorMs: 4_000, poolSize: 10 };

export interface IngestResult {
  images: { count: number; meanBytes: number };
  uploads: { count: number; perSecond: number; summary: Summary; errors: number; firstError?: string };
  /** Slots in the table after the run, against the successful uploads (warm-up included). */
  stored: { rows: number; expected: number };
  /** Both floor runs together; the machine's load may drift, so one runs before the uploads and one after. */
  floor: { count: number; perSecond: number; summary: Summary; before: number; after: number };
  ratio: number;
}

async function freshDatabase(pgUrl: string): Promise<string> {
  const admin = new pg.Client({ connectionString: pgUrl, connectionTimeoutMillis: 3_000 });
  await admin.connect();
  await admin.query(`drop database if exists ${INGEST.db} with (force)`);
  await admin.query(`create database ${INGEST.db}`);
  await admin.end();
  const url = new URL(pgUrl);
  url.pathname = `/${INGEST.db}`;
  return url.toString();
}

/**
 * A company (with its client, who signs the bench server in, unless the database has one) and
 * one contractor per uploader with a contract and a tracker token; `prefix` names them apart.
 */
export async function seedTrackers(
  database: Database,
  opts: { company: string; prefix: string; withClient: boolean },
): Promise<{ contractId: string; token: string }[]> {
  const { db } = database;
  const hash = await hashPassword(BENCH.password);
  const [company] = await db.insert(companies).values({ name: opts.company }).returning();
  if (opts.withClient) {
    await db.insert(users).values({ email: BENCH.clientEmail, name: 'Bench Client', role: 'client', companyId: company!.id, passwordHash: hash });
  }
  const now = new Date(BENCH.now);
  const out: { contractId: string; token: string }[] = [];
  for (let i = 0; i < INGEST.uploaders; i++) {
    const [u] = await db
      .insert(users)
      .values({ email: `${opts.prefix}${i}@bench.test`, name: `Tracker ${i}`, role: 'contractor', passwordHash: hash })
      .returning();
    const [k] = await db
      .insert(contracts)
      .values({ companyId: company!.id, contractorId: u!.id, title: `Contract ${i}`, hourlyRate: 5000, currency: 'USD' })
      .returning();
    const user = { id: u!.id, email: u!.email, name: u!.name, role: 'contractor' as const, companyId: null, companyName: null };
    const tracker = await createTracker(database, user, `Bench machine ${i}`, now);
    out.push({ contractId: k!.id, token: tracker.token });
  }
  return out;
}

/** The uploads' screenshots: INGEST.images distinct 1920×1080 PNGs, in memory and in a folder for the upload client. */
export async function screenshotImages() {
  const images = await Promise.all(Array.from({ length: INGEST.images }, (_, i) => desktopScreenshot(i + 1)));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wd-bench-shots-'));
  images.forEach((img, i) => fs.writeFileSync(path.join(dir, `${String(i).padStart(3, '0')}.png`), img));
  return { images, dir, meanBytes: images.reduce((a, b) => a + b.length, 0) / images.length, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** The newest slot start the uploads begin from: the last one before the bench's clock. */
export const LATEST_SLOT = Math.floor(Date.parse(BENCH.now) / 600_000) * 600_000 - 600_000;

/** Runs the trackers in a child process (ingest-worker.ts) against the server at `base`. */
export function uploadsInChild(spec: UploadSpec): Promise<UploadRun> {
  const child = fork(fileURLToPath(new URL('./ingest-worker.ts', import.meta.url)), [], {
    execArgv: ['--import', import.meta.resolve('tsx')],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (m: UploadRun | { error: string }) => ('error' in m ? reject(new Error(m.error)) : resolve(m)));
    child.once('exit', (code) => reject(new Error(`the upload client exited (${code}) before answering`)));
    child.send(spec);
  });
}

export async function benchIngest(pgUrl: string, log: (msg: string) => void): Promise<IngestResult> {
  const url = await freshDatabase(pgUrl);
  const database = await openDatabase({ url, poolSize: INGEST.poolSize });
  let shots: Awaited<ReturnType<typeof screenshotImages>> | undefined;
  try {
    const uploaders = await seedTrackers(database, { company: 'Ingest Inc.', prefix: 'tracker', withClient: true });
    shots = await screenshotImages();
    const { images, meanBytes, dir } = shots;
    log(`${INGEST.db}: created; ${INGEST.uploaders} contractors with a tracker each; ${images.length} distinct 1920×1080 PNGs, ${(meanBytes / 1024).toFixed(0)} KB on average`);

    let k = 0;
    const thumb = async () => ({ ok: (await makeThumbnail(images[k++ % images.length]!)).length > 0, bytes: 0 });
    const floorRun = () => concurrent(thumb, INGEST.uploaders, INGEST.floorMs);
    log(`the floor: makeThumbnail of the same images, ${INGEST.uploaders} in flight, ${INGEST.floorMs / 1000} s before the uploads and again after`);
    await concurrent(thumb, INGEST.uploaders, 1_000); // warm-up
    const before = await floorRun();

    const server = await startApiServer(database);
    let run: UploadRun;
    try {
      log(`${INGEST.uploaders} trackers (in their own process) uploading for ${INGEST.durationMs / 1000} s, after one upload each to warm up`);
      run = await uploadsInChild({
        base: server.base,
        uploaders,
        imageDir: dir,
        latest: LATEST_SLOT,
        durationMs: INGEST.durationMs,
      });
    } finally {
      await server.close();
    }
    const r = run.result;
    const uploads = { count: r.count, perSecond: r.perSecond, summary: summarize(r.latencies), errors: r.errors, firstError: r.firstError };
    const ok = run.created;
    const rows = (await database.query<{ n: number }>(`select count(*)::int as n from slots`))[0]!.n;

    const after = await floorRun();
    const count = before.count + after.count;
    const floor = {
      count,
      perSecond: (count / (before.elapsedMs + after.elapsedMs)) * 1000,
      summary: summarize([...before.latencies, ...after.latencies]),
      before: before.perSecond,
      after: after.perSecond,
    };
    return {
      images: { count: images.length, meanBytes },
      uploads,
      stored: { rows, expected: ok },
      floor,
      ratio: uploads.perSecond / floor.perSecond,
    };
  } finally {
    shots?.remove();
    await database.close();
  }
}
