// The evidence pack's target: the pack of a full 1,008-slot week streams in ≤ 5 s, and the
// server's memory stays flat while it streams. The real server (server/main.ts, PGlite in a data
// folder, screenshots on its disk) in its own process; a week of 1,008 distinct desktop-sized
// screenshots, each slot on the chain; the client downloads the pack once to warm up (and the
// bench checks it: 1,008 receipts and screenshot files), then again, measured: the time to the
// last byte, and the server's resident memory sampled every 20 ms against just before.
import { spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import yauzl from 'yauzl';
import { SLOTS_PER_WEEK } from '#contract/common.ts';
import { openDatabase } from '#server/db/client.ts';
import { companies, contracts, screenshots, slots, users } from '#server/db/schema.ts';
import { hashPassword } from '#server/lib/password.ts';
import { chainUnchainedSlots } from '#server/services/chain-service.ts';
import { diskBlobStore } from '#server/storage/blob-store.ts';
import { storeScreenshot } from '#server/storage/screenshots.ts';
import { desktopScreenshot } from '#server/test/fixtures.ts';
import { BENCH, weekStartDate } from './data.ts';
import { procMb, startServerProcess, stopServerProcess } from './hostile.ts';
import { row } from './report.ts';

/** Flat: the server holds a screenshot or two at a time, never the pack (some 80 MB). */
export const EVIDENCE = { targetSeconds: 5, flatMb: 64, verifySeconds: 5 };

export interface EvidenceResult {
  slots: number;
  packMb: number;
  seconds: number;
  rssMb: { before: number; peak: number; growth: number };
  warmupSeconds: number;
  /** The offline verifier on that pack, as a person runs it (its start-up included), and what it said. */
  verify: { seconds: number; ok: boolean; said: string };
}

/** Runs `workdiary-verify` on the pack, as `npm exec -w verify -- workdiary-verify week.zip` does, and times it. */
function timeVerifier(root: string, zip: Buffer): { seconds: number; ok: boolean; said: string } {
  const file = path.join(os.tmpdir(), `wd-bench-pack-${process.pid}.zip`);
  fs.writeFileSync(file, zip);
  try {
    const t0 = performance.now();
    const run = spawnSync(process.execPath, [path.join(root, 'verify', 'bin', 'workdiary-verify.mjs'), file], { encoding: 'utf8' });
    const seconds = (performance.now() - t0) / 1000;
    return { seconds, ok: run.status === 0, said: (run.stdout || run.stderr).trim().split('\n')[0] ?? '' };
  } finally {
    fs.rmSync(file, { force: true });
  }
}

/** A company's client, a contractor and a contract with every slot of the bench's week tracked, each with its own screenshot. */
async function seed(dataDir: string, log: (msg: string) => void): Promise<string> {
  const database = await openDatabase({ dataDir });
  try {
    const { db } = database;
    const blobs = diskBlobStore(path.join(dataDir, 'blobs'));
    const hash = await hashPassword(BENCH.password);
    const [company] = await db.insert(companies).values({ name: 'Evidence Robotics' }).returning();
    await db.insert(users).values({ email: BENCH.clientEmail, name: 'Blake Bench', role: 'client', companyId: company!.id, passwordHash: hash });
    const [dev] = await db.insert(users).values({ email: 'dev@evidence.test', name: 'Dana Evidence', role: 'contractor', passwordHash: hash }).returning();
    const [k] = await db
      .insert(contracts)
      .values({ companyId: company!.id, contractorId: dev!.id, title: 'Evidence week', hourlyRate: 6000, currency: 'USD', timeZone: 'Europe/Berlin' })
      .returning();
    const contractId = k!.id;
    // Eight desktops, each slot's made distinct by its own stamp: 1,280 × 800 JPEGs of 60–100 KB.
    const desktops = await Promise.all(Array.from({ length: 8 }, (_, i) => desktopScreenshot(i + 1, 1280, 800).then((png) => sharp(png).raw().toBuffer({ resolveWithObject: true }))));
    const t0 = performance.now();
    const week = weekStartDate().getTime();
    const one = async (i: number) => {
      const start = new Date(week + i * 600_000);
      const base = desktops[i % desktops.length]!;
      const stamp = Buffer.from(
        `<svg xmlns="http://www.w3.org/2000/svg" width="360" height="40"><rect width="360" height="40" fill="#${((i * 2654435761) >>> 8).toString(16).padStart(6, '0').slice(0, 6)}"/><text x="10" y="28" font-size="22" fill="white">${start.toISOString()}</text></svg>`,
      );
      const image = await sharp(base.data, { raw: base.info }).composite([{ input: stamp, left: 860, top: 700 }]).jpeg({ quality: 80 }).toBuffer();
      const stored = await storeScreenshot(blobs, contractId, image);
      await db.insert(screenshots).values({ contractId, ...stored }).onConflictDoNothing();
      const counts = Array.from({ length: 10 }, (_, m) => (m < 7 ? 20 + m : 0));
      await db.insert(slots).values({
        contractId, contractorId: dev!.id, start, kind: 'tracked', keyboard: counts, mouse: counts, activeMinutes: 7,
        memo: `Evidence slot ${i}`, windowTitle: 'week-service.ts — workdiary — Visual Studio Code', screenshotSha256: stored.sha256,
        capturedAt: new Date(start.getTime() + 120_000), createdAt: new Date(start.getTime() + 600_000),
      });
    };
    for (let i = 0; i < SLOTS_PER_WEEK; i += 2) await Promise.all([one(i), one(i + 1)]);
    await chainUnchainedSlots(database, [contractId]);
    log(`seeded ${SLOTS_PER_WEEK} slots with their screenshots and receipts in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    return contractId;
  } finally {
    await database.close();
  }
}

/** The zip's manifest and how many screenshot files it holds. */
async function readPack(zip: Buffer): Promise<{ receipts: number; files: number }> {
  const file = await new Promise<yauzl.ZipFile>((resolve, reject) => yauzl.fromBuffer(zip, { lazyEntries: true }, (e, z) => (e ? reject(e) : resolve(z))));
  let files = 0;
  let receipts = -1;
  await new Promise<void>((resolve, reject) => {
    file.on('entry', (entry: yauzl.Entry) => {
      if (entry.fileName.startsWith('screenshots/')) files++;
      if (entry.fileName !== 'manifest.json') return file.readEntry();
      file.openReadStream(entry, (e, s) => {
        if (e) return reject(e);
        const chunks: Buffer[] = [];
        s.on('data', (c: Buffer) => chunks.push(c)).on('end', () => {
          receipts = (JSON.parse(Buffer.concat(chunks).toString()) as { receipts: unknown[] }).receipts.length;
          file.readEntry();
        });
      });
    });
    file.on('end', resolve).on('error', reject);
    file.readEntry();
  });
  return { receipts, files };
}

/** Downloads the pack to its last byte, sampling the server's resident memory meanwhile. */
async function download(url: string, cookie: string, pid: number, keep: boolean) {
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, procMb(pid, 'VmRSS'))), 20);
  const t0 = performance.now();
  try {
    const res = await fetch(url, { headers: { cookie } });
    if (res.status !== 200) throw new Error(`evidence.zip answered ${res.status}: ${await res.text()}`);
    const chunks: Buffer[] = [];
    let bytes = 0;
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        bytes += chunk.length;
        if (keep) chunks.push(Buffer.from(chunk));
      }
    } catch (err) {
      throw new Error(`the download broke off after ${(bytes / 1e6).toFixed(1)} MB and ${((performance.now() - t0) / 1000).toFixed(1)} s (${(err as Error).message})`);
    }
    return { seconds: (performance.now() - t0) / 1000, bytes, peak: Math.max(peak, procMb(pid, 'VmRSS')), zip: keep ? Buffer.concat(chunks) : null };
  } finally {
    clearInterval(sampler);
  }
}

export async function benchEvidence(root: string, log: (msg: string) => void): Promise<EvidenceResult> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wd-bench-evidence-'));
  let child: ChildProcess | undefined;
  try {
    const contractId = await seed(dataDir, log);
    const server = await startServerProcess(root, dataDir);
    ({ child } = server);
    const { base, output } = server;
    const pid = child.pid!;
    const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: BENCH.clientEmail, password: BENCH.password }) });
    const cookie = /wd_session=[^;]+/.exec(login.headers.get('set-cookie') ?? '')?.[0];
    if (!cookie) throw new Error(`login failed: ${login.status} ${await login.text()}`);
    const url = `${base}/api/contracts/${contractId}/weeks/${BENCH.week}/evidence.zip`;

    const started = procMb(pid, 'VmRSS');
    const warm = await download(url, cookie, pid, true).catch((err: Error) => {
      throw new Error(`${err.message}; the server said: ${output().slice(-800) || 'nothing'}`);
    });
    const pack = await readPack(warm.zip!);
    if (pack.receipts !== SLOTS_PER_WEEK || pack.files !== SLOTS_PER_WEEK) {
      throw new Error(`the pack holds ${pack.receipts} receipts and ${pack.files} screenshots, not ${SLOTS_PER_WEEK}`);
    }
    const verify = timeVerifier(root, warm.zip!);
    log(`verifier: "${verify.said}" in ${verify.seconds.toFixed(2)} s`);
    log(`warm-up: ${(warm.bytes / 1e6).toFixed(1)} MB in ${warm.seconds.toFixed(2)} s (server RSS ${started.toFixed(0)} MB before, ${warm.peak.toFixed(0)} MB at most); ${pack.receipts} receipts, ${pack.files} screenshots`);
    await new Promise((r) => setTimeout(r, 1000));
    const before = procMb(pid, 'VmRSS');
    const run = await download(url, cookie, pid, false);
    const result = { slots: SLOTS_PER_WEEK, packMb: run.bytes / 1e6, seconds: run.seconds, rssMb: { before, peak: run.peak, growth: run.peak - before }, warmupSeconds: warm.seconds, verify };
    log(`measured: ${result.packMb.toFixed(1)} MB in ${run.seconds.toFixed(2)} s; server RSS ${before.toFixed(0)} MB before, ${run.peak.toFixed(0)} MB at most`);
    return result;
  } finally {
    await stopServerProcess(child);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

export function evidenceRows(r: EvidenceResult | { error: string } | undefined) {
  if (!r) return;
  const figure = 'evidence pack of a full 1,008-slot week';
  if ('error' in r) return row('Evidence', figure, r.error, '', 'ERROR');
  const ok = r.seconds <= EVIDENCE.targetSeconds && r.rssMb.growth <= EVIDENCE.flatMb;
  row(
    'Evidence',
    figure,
    `streams in ${r.seconds.toFixed(1)} s (${r.packMb.toFixed(0)} MB), server RSS growth ${r.rssMb.growth.toFixed(0)} MB`,
    `≤ ${EVIDENCE.targetSeconds} s; growth ≤ ${EVIDENCE.flatMb} MB`,
    ok ? 'PASS' : 'MISS',
  );
  row(
    'Evidence',
    'verifying that pack offline (workdiary-verify, start-up included)',
    `${r.verify.seconds.toFixed(1)} s: ${r.verify.said}`,
    `≤ ${EVIDENCE.verifySeconds} s, valid`,
    r.verify.ok && r.verify.seconds <= EVIDENCE.verifySeconds ? 'PASS' : 'MISS',
  );
}

/** The section, as `npm run bench` runs it. */
export async function evidenceSection(root: string, log: (msg: string) => void): Promise<EvidenceResult | { error: string }> {
  console.log('\nEvidence pack (the server in its own process, PGlite, screenshots on disk)');
  const result = await benchEvidence(root, log).catch((err: Error) => ({ error: err.message }));
  evidenceRows(result);
  return result;
}
