// Several workdiary servers on one PostgreSQL and one S3 bucket, as a company runs them: each a
// real process started by `server/main.ts`, a round-robin HTTP proxy in front, and for a server
// that must die at a chosen moment, a relay to S3 that kills it once a chosen object is stored.
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** What the server printed, for a failing test's message. */
  output(): string;
  /** SIGTERM, waited for; nothing when it already died. */
  stop(): Promise<void>;
}

const listen = (server: http.Server) =>
  new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));

/** A free port on 127.0.0.1, for a child process to listen on. */
export async function freePort(): Promise<number> {
  const probe = http.createServer();
  const port = await listen(probe);
  await new Promise((r) => probe.close(r));
  return port;
}

/** Starts `server/main.ts` with `env` and waits until its health check answers. */
export async function startServer(env: Record<string, string>, timeoutMs = 120_000): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), WORKDIARY_DEMO: '0', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the server exited before it answered:\n${out}`);
    const ok = await fetch(`${url}/api/health`).then((r) => r.ok, () => false);
    if (ok) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the server did not answer within ${timeoutMs} ms:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    child,
    output: () => out,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** The request's body, read whole, so that it can be sent to another server when one refuses. */
const bodyOf = async (req: http.IncomingMessage) => {
  const parts: Buffer[] = [];
  for await (const part of req) parts.push(part as Buffer);
  return Buffer.concat(parts);
};

/** Forwards one request to `target`; calls `refused` instead when nothing listens there. */
function forward(
  req: http.IncomingMessage,
  body: Buffer,
  res: http.ServerResponse,
  target: string,
  refused: () => void,
  onAnswer?: (up: http.IncomingMessage) => boolean,
) {
  const up = http.request(`${target}${req.url}`, { method: req.method, headers: req.headers }, (answer) => {
    if (onAnswer && !onAnswer(answer)) {
      res.destroy();
      return;
    }
    res.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(res);
  });
  up.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'ECONNREFUSED' && !res.headersSent) refused();
    else res.destroy();
  });
  up.end(body);
}

/** Stops listening and drops the connections still open. */
const closer = (server: http.Server) => () =>
  new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });

export interface Balancer {
  url: string;
  /** Which server answered each request, in order (its index in `targets`). */
  served: number[];
  close(): Promise<void>;
}

/**
 * A round-robin proxy, as a load balancer in front of the servers: each request goes to the
 * next one; a server that refuses connections (it died) is skipped, as a balancer's health
 * check would. Request bodies are read whole first, so a refused request goes to the next server intact.
 */
export async function roundRobin(targets: string[]): Promise<Balancer> {
  let next = 0;
  const served: number[] = [];
  const server = http.createServer(async (req, res) => {
    const body = await bodyOf(req);
    const tryFrom = (i: number, left: number) => {
      if (left === 0) {
        res.writeHead(502).end();
        return;
      }
      served.push(i);
      forward(req, body, res, targets[i]!, () => tryFrom((i + 1) % targets.length, left - 1));
    };
    const first = next;
    next = (next + 1) % targets.length;
    tryFrom(first, targets.length);
  });
  const port = await listen(server);
  return { url: `http://127.0.0.1:${port}`, served, close: closer(server) };
}

export interface S3Tripwire {
  /** The endpoint a server uses instead of the S3 server's. */
  endpoint: string;
  /**
   * On the S3 server's answer to the next PUT of a key ending in `keySuffix` (the object is
   * stored by then), kills `victim` with SIGKILL before it hears that answer.
   */
  arm(keySuffix: string, victim: ChildProcess): Promise<void>;
  close(): Promise<void>;
}

/** A relay to the S3 server that can kill a server between its S3 write and its commit. */
export async function s3Tripwire(s3Endpoint: string): Promise<S3Tripwire> {
  let armed: { keySuffix: string; victim: ChildProcess; fired: () => void } | null = null;
  const server = http.createServer(async (req, res) => {
    const body = await bodyOf(req);
    const trip = armed && req.method === 'PUT' && (req.url ?? '').split('?')[0]!.endsWith(armed.keySuffix) ? armed : null;
    forward(req, body, res, s3Endpoint, () => res.writeHead(502).end(), (answer) => {
      if (!trip) return true;
      armed = null;
      trip.victim.kill('SIGKILL');
      answer.resume();
      trip.fired();
      return false;
    });
  });
  const port = await listen(server);
  return {
    endpoint: `http://127.0.0.1:${port}`,
    arm: (keySuffix, victim) =>
      new Promise<void>((fired) => {
        armed = { keySuffix, victim, fired };
      }),
    close: closer(server),
  };
}
