// Ingestion: 16 trackers upload real 1920×1080 PNG screenshots to the real server on
// PostgreSQL, each PUTting its own slots, for a fixed time. Beside it, the floor: sharp alone
// making the same thumbnails (the same makeThumbnail) of the same images, as many in flight.
import http from 'node:http';
import pg from 'pg';
import { openDatabase, type Database } from '../../server/db/client.ts';
import { companies, contracts, users } from '../../server/db/schema.ts';
import { hashPassword } from '../../server/lib/password.ts';
import { createTracker } from '../../server/services/tracker-service.ts';
import { makeThumbnail } from '../../server/storage/screenshots.ts';
import { desktopScreenshot } from '../../server/test/fixtures.ts';
import { BENCH } from './data.ts';
import { startApiServer } from './api.ts';
import { concurrent } from './load.ts';
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

/** A company, its client (who signs the bench server in), and one contractor per uploader with a contract and a tracker token. */
async function seed(database: Database): Promise<{ contractId: string; token: string }[]> {
  const { db } = database;
  const hash = await hashPassword(BENCH.password);
  const [company] = await db.insert(companies).values({ name: 'Ingest Inc.' }).returning();
  await db.insert(users).values({ email: BENCH.clientEmail, name: 'Bench Client', role: 'client', companyId: company!.id, passwordHash: hash });
  const now = new Date(BENCH.now);
  const out: { contractId: string; token: string }[] = [];
  for (let i = 0; i < INGEST.uploaders; i++) {
    const [u] = await db
      .insert(users)
      .values({ email: `tracker${i}@bench.test`, name: `Tracker ${i}`, role: 'contractor', passwordHash: hash })
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

const BOUNDARY = 'workdiary-bench-boundary';

/** One PUT of a slot as the tracker sends it: the meta, then the PNG, written without copying the image. */
function putSlot(agent: http.Agent, base: string, token: string, contractId: string, start: Date, image: Buffer) {
  const meta = JSON.stringify({
    capturedAt: new Date(start.getTime() + 271_000).toISOString(),
    keyboard: [12, 40, 0, 3, 0, 0, 9, 31, 22, 5],
    mouse: [3, 8, 0, 1, 0, 0, 4, 10, 7, 2],
    memo: 'Bench upload',
    windowTitle: 'slot.ts — editor',
  });
  const head = Buffer.from(
    `--${BOUNDARY}\r\ncontent-disposition: form-data; name="meta"\r\n\r\n${meta}\r\n` +
      `--${BOUNDARY}\r\ncontent-disposition: form-data; name="screenshot"; filename="shot.png"\r\ncontent-type: image/png\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${BOUNDARY}--\r\n`);
  const url = new URL(`${base}/api/contracts/${contractId}/slots/${start.toISOString()}`);
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: 'PUT',
        agent,
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
          'content-length': head.length + image.length + tail.length,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
        res.on('error', reject);
      },
    );
    req.setTimeout(30_000, () => req.destroy(new Error('timeout after 30 s')));
    req.on('error', reject);
    req.write(head);
    req.write(image);
    req.end(tail);
  });
}

export async function benchIngest(pgUrl: string, log: (msg: string) => void): Promise<IngestResult> {
  const url = await freshDatabase(pgUrl);
  const database = await openDatabase({ url, poolSize: INGEST.poolSize });
  try {
    const uploaders = await seed(database);
    const images = await Promise.all(Array.from({ length: INGEST.images }, (_, i) => desktopScreenshot(i + 1)));
    const meanBytes = images.reduce((a, b) => a + b.length, 0) / images.length;
    log(`${INGEST.db}: created; ${INGEST.uploaders} contractors with a tracker each; ${images.length} distinct 1920×1080 PNGs, ${(meanBytes / 1024).toFixed(0)} KB on average`);

    let k = 0;
    const thumb = async () => ({ ok: (await makeThumbnail(images[k++ % images.length]!)).length > 0, bytes: 0 });
    const floorRun = () => concurrent(thumb, INGEST.uploaders, INGEST.floorMs);
    log(`the floor: makeThumbnail of the same images, ${INGEST.uploaders} in flight, ${INGEST.floorMs / 1000} s before the uploads and again after`);
    await concurrent(thumb, INGEST.uploaders, 1_000); // warm-up
    const before = await floorRun();

    const server = await startApiServer(database);
    const agent = new http.Agent({ keepAlive: true, maxSockets: INGEST.uploaders });
    let uploads: IngestResult['uploads'];
    let ok = 0;
    try {
      // Each uploader walks back from the last slot before the clock, one slot at a time.
      const latest = Math.floor(Date.parse(BENCH.now) / 600_000) * 600_000 - 600_000;
      const next = uploaders.map(() => 0);
      let picked = 0;
      const op = (u: number) => async () => {
        const start = new Date(latest - next[u]!++ * 600_000);
        const r = await putSlot(agent, server.base, uploaders[u]!.token, uploaders[u]!.contractId, start, images[picked++ % images.length]!);
        if (r.status === 201) ok++;
        return r.status === 201 ? { ok: true, bytes: 0 } : { ok: false, bytes: 0, error: `HTTP ${r.status}: ${r.body.slice(0, 200)}` };
      };
      log(`warm-up: one upload per tracker`);
      await Promise.all(uploaders.map((_, u) => op(u)()));
      log(`${INGEST.uploaders} trackers uploading for ${INGEST.durationMs / 1000} s`);
      // The trackers take turns, so each has about one upload in flight.
      let turn = 0;
      const r = await concurrent(() => op(turn++ % uploaders.length)(), INGEST.uploaders, INGEST.durationMs);
      uploads = { count: r.count, perSecond: r.perSecond, summary: summarize(r.latencies), errors: r.errors, firstError: r.firstError };
    } finally {
      agent.destroy();
      await server.close();
    }
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
    await database.close();
  }
}
