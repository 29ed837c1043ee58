// Load helpers: bounded sequential and concurrent request loops, a keep-alive HTTP GET, and
// a load client that runs in a child process so it does not share the server's event loop.
import { fork, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { fileURLToPath } from 'node:url';

export interface Sample {
  ok: boolean;
  ms: number;
  bytes: number;
}

export interface LoopResult {
  /** Latency of every measured operation, ms (warm-up excluded). */
  latencies: number[];
  count: number;
  errors: number;
  firstError?: string;
  bytes: number;
  elapsedMs: number;
  /** Completed operations per second over the measured loop. */
  perSecond: number;
}

type Op = () => Promise<{ ok: boolean; bytes: number; error?: string }>;

async function timed(op: Op): Promise<Sample & { error?: string }> {
  const t = performance.now();
  try {
    const r = await op();
    return { ok: r.ok, bytes: r.bytes, ms: performance.now() - t, error: r.error };
  } catch (err) {
    return { ok: false, bytes: 0, ms: performance.now() - t, error: (err as Error).message };
  }
}

/** Collects samples and turns them into a LoopResult. */
function recorder() {
  const latencies: number[] = [];
  let errors = 0;
  let bytes = 0;
  let firstError: string | undefined;
  const t0 = performance.now();
  return {
    t0,
    add(s: Sample & { error?: string }) {
      latencies.push(s.ms);
      bytes += s.bytes;
      if (!s.ok) {
        errors++;
        firstError ??= s.error;
      }
    },
    result(): LoopResult {
      const elapsedMs = performance.now() - t0;
      return { latencies, count: latencies.length, errors, firstError, bytes, elapsedMs, perSecond: (latencies.length / elapsedMs) * 1000 };
    },
  };
}

/** `warmup` unmeasured calls, then `n` measured calls one after the other. */
export async function sequential(op: Op, n: number, warmup = 0): Promise<LoopResult> {
  for (let i = 0; i < warmup; i++) await timed(op);
  const rec = recorder();
  for (let i = 0; i < n; i++) rec.add(await timed(op));
  return rec.result();
}

/**
 * `clients` loops, each calling `op` one after the other, until `durationMs` has passed or
 * `maxOps` calls have started in all. Bounded either way.
 */
export async function concurrent(op: Op, clients: number, durationMs: number, maxOps = 1_000_000): Promise<LoopResult> {
  const rec = recorder();
  const deadline = rec.t0 + durationMs;
  let started = 0;
  const loop = async () => {
    while (performance.now() < deadline && started < maxOps) {
      started++;
      rec.add(await timed(op));
    }
  };
  await Promise.all(Array.from({ length: clients }, loop));
  return rec.result();
}

export interface HttpResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** One GET over a keep-alive agent; the body is read whole and left as sent (compressed). */
export function httpGet(url: string, headers: Record<string, string>, agent: http.Agent, timeoutMs = 10_000): Promise<HttpResponse> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`timeout after ${timeoutMs} ms`)));
    req.on('error', reject);
  });
}

export const keepAliveAgent = (maxSockets: number) => new http.Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });

/** An operation that GETs `url` and counts anything but 200 as an error. */
export function getOp(url: string, headers: Record<string, string>, agent: http.Agent): Op {
  return async () => {
    const r = await httpGet(url, headers, agent);
    return r.status === 200 ? { ok: true, bytes: r.body.length } : { ok: false, bytes: r.body.length, error: `HTTP ${r.status}: ${r.body.toString().slice(0, 200)}` };
  };
}

// ---- the load client process ------------------------------------------------------------

export type LoadSpec =
  | { kind: 'sequential'; url: string; headers: Record<string, string>; n: number; warmup: number }
  | { kind: 'concurrent'; url: string; headers: Record<string, string>; clients: number; durationMs: number; maxOps: number; warmup: number };

export interface LoadClient {
  run(spec: LoadSpec): Promise<LoopResult>;
  close(): Promise<void>;
}

/** Forks `load-worker.ts`: the HTTP client runs on its own event loop (and core, when free). */
export function startLoadClient(): LoadClient {
  const child: ChildProcess = fork(fileURLToPath(new URL('./load-worker.ts', import.meta.url)), [], {
    // tsx's loader by its resolved URL, so the child starts whatever the working directory.
    execArgv: ['--import', import.meta.resolve('tsx')],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let pending: { resolve: (r: LoopResult) => void; reject: (e: Error) => void } | null = null;
  let exited = false;
  child.on('message', (m: { result?: LoopResult; error?: string }) => {
    const p = pending;
    pending = null;
    if (!p) return;
    if (m.error) p.reject(new Error(m.error));
    else p.resolve(m.result!);
  });
  child.on('exit', (code) => {
    exited = true;
    pending?.reject(new Error(`the load client exited (${code})`));
    pending = null;
  });
  return {
    run(spec) {
      if (exited) return Promise.reject(new Error('the load client is not running'));
      if (pending) return Promise.reject(new Error('one load at a time'));
      return new Promise((resolve, reject) => {
        pending = { resolve, reject };
        child.send(spec);
      });
    },
    async close() {
      if (exited) return;
      const gone = new Promise<void>((r) => child.once('exit', () => r()));
      child.send({ kind: 'exit' });
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await gone;
      clearTimeout(timer);
    },
  };
}
