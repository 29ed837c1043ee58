// Hostile images: the real server (server/main.ts, on its embedded database) in its own
// process, sent 16 hostile uploads at once by one tracker; every answer must be a 4xx and the
// server's peak resident memory must stay under 1 GB. Then one normal upload must be taken.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '#server/db/client.ts';
import { companies, contracts, users } from '#server/db/schema.ts';
import { hashPassword } from '#server/lib/password.ts';
import { createTracker } from '#server/services/tracker-service.ts';
import { desktopScreenshot } from '#server/test/fixtures.ts';
import { hostileBurst, type HostileImage } from '#server/test/hostile-images.ts';
import { BENCH } from './data.ts';

export const HOSTILE = { rssTargetMb: 1024 };

export interface HostileResult {
  sent: number;
  refused4xx: number;
  answers: { name: string; status: number; problem: boolean }[];
  burstMs: number;
  /** The server's resident memory once started, and its peak (VmHWM) once the burst's work is done. */
  rssMb: { started: number; peak: number };
  normalStatus: number;
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
    s.once('error', reject);
  });

/** A field of /proc/<pid>/status in MB (VmRSS now, VmHWM the peak so far). */
export function procMb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!m) throw new Error(`no ${field} for process ${pid}`);
  return Number(m[1]) / 1024;
}

/** A contractor with a contract and a tracker token, in the data folder the server then opens. */
async function seed(dataDir: string): Promise<{ contractId: string; token: string }> {
  const database = await openDatabase({ dataDir });
  try {
    const { db } = database;
    const [company] = await db.insert(companies).values({ name: 'Hostile Inc.' }).returning();
    const [u] = await db
      .insert(users)
      .values({ email: 'tracker@hostile.test', name: 'Hostile Tracker', role: 'contractor', passwordHash: await hashPassword(BENCH.password) })
      .returning();
    const [k] = await db.insert(contracts).values({ companyId: company!.id, contractorId: u!.id, title: 'Hostile', hourlyRate: 5000, currency: 'USD' }).returning();
    const user = { id: u!.id, email: u!.email, name: u!.name, role: 'contractor' as const, companyId: null, companyName: null };
    const tracker = await createTracker(database, user, 'Stolen laptop', new Date(BENCH.now));
    return { contractId: k!.id, token: tracker.token };
  } finally {
    await database.close();
  }
}

/** The CPU seconds the process has used (user + system), from /proc/<pid>/stat. */
function cpuSeconds(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (100 a second on Linux)
}

/** Waits until the process has gone quiet (under 5 % of a core over half a second), at most `maxMs`. */
async function settled(pid: number, maxMs: number) {
  const deadline = Date.now() + maxMs;
  for (let before = cpuSeconds(pid); Date.now() < deadline; ) {
    await new Promise((r) => setTimeout(r, 500));
    const now = cpuSeconds(pid);
    if (now - before < 0.025) return;
    before = now;
  }
}

async function waitUntilUp(base: string, child: ChildProcess, output: () => string) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}): ${output().slice(-500)}`);
    const up = await fetch(`${base}/api/health`).then(
      () => true,
      () => false,
    );
    if (up) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the server did not answer within 60 s: ${output().slice(-500)}`);
}

/** The real server (server/main.ts, PGlite in `dataDir`, no demo, the bench's clock) in its own process, once it answers. */
export async function startServerProcess(root: string, dataDir: string) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: { ...process.env, WORKDIARY_DATA_DIR: dataDir, WORKDIARY_DEMO: '0', WORKDIARY_NOW: BENCH.now, DATABASE_URL: '', PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  await waitUntilUp(base, child, () => output);
  return { child, port, base, output: () => output };
}

/** Stops a server startServerProcess started, and waits for it to exit. */
export async function stopServerProcess(child: ChildProcess | undefined) {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

export async function benchHostile(root: string, log: (msg: string) => void): Promise<HostileResult> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wd-bench-hostile-'));
  let child: ChildProcess | undefined;
  try {
    const { contractId, token } = await seed(dataDir);
    const burst = await hostileBurst();
    const kinds = [...new Set(burst.map((h) => h.name))];
    log(`${burst.length} uploads of ${kinds.length} kinds: ${kinds.join('; ')}`);

    const server = await startServerProcess(root, dataDir);
    ({ child } = server);
    const { base, port } = server;
    const pid = child.pid!;
    const started = procMb(pid, 'VmRSS');
    log(`server (pid ${pid}, PGlite) up on port ${port}: ${started.toFixed(0)} MB resident`);

    // Each upload to its own slot, counted back from the server's clock.
    const latest = Math.floor(Date.parse(BENCH.now) / 600_000) * 600_000 - 600_000;
    const send = async (image: Pick<HostileImage, 'bytes' | 'type'>, i: number) => {
      const start = new Date(latest - i * 600_000).toISOString();
      const form = new FormData();
      const counts = [5, 5, 5, 5, 5, 0, 0, 0, 0, 0];
      form.append('meta', JSON.stringify({ capturedAt: new Date(Date.parse(start) + 60_000).toISOString(), keyboard: counts, mouse: counts, memo: 'Hostile', windowTitle: 'bomb' }));
      form.append('screenshot', new Blob([new Uint8Array(image.bytes)], { type: image.type }), 'shot');
      const res = await fetch(`${base}/api/contracts/${contractId}/slots/${start}`, { method: 'PUT', headers: { authorization: `Bearer ${token}` }, body: form });
      await res.arrayBuffer();
      return { status: res.status, problem: (res.headers.get('content-type') ?? '').startsWith('application/problem+json') };
    };

    const t0 = performance.now();
    const answers = await Promise.all(burst.map(async (h, i) => ({ name: h.name, ...(await send(h, i)) })));
    const burstMs = performance.now() - t0;
    const normalStatus = (await send({ bytes: await desktopScreenshot(5), type: 'image/png' }, burst.length)).status;
    // A decode may outlive the answer to its request (a request timeout answers while it runs on):
    // the peak is read once the server has gone quiet.
    await settled(pid, 120_000);
    const peak = procMb(pid, 'VmHWM');
    const refused4xx = answers.filter((a) => a.status >= 400 && a.status < 500 && a.problem).length;
    for (const kind of kinds) {
      const of = answers.filter((a) => a.name === kind);
      log(`  ${kind}: ${of.map((a) => a.status).join(', ')}`);
    }
    log(`burst answered in ${(burstMs / 1000).toFixed(1)} s; then a normal upload answered ${normalStatus}`);
    return { sent: burst.length, refused4xx, answers, burstMs, rssMb: { started, peak }, normalStatus };
  } finally {
    await stopServerProcess(child);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
