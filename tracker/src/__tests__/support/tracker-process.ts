// The real tracker (input hook, screen capture, uploads) in a process of its own, on a fake
// clock the test moves over IPC. Its own process because libuiohook keeps its X connections
// after stop(), and Xlib ends the whole process when that X server goes away.
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TrackerStatus } from '../../status.ts';

export interface TrackerProcessOptions {
  server: string;
  token: string;
  contractId: string;
  dataDir: string;
  start: string;
  seed: number;
  memo: string;
  env: NodeJS.ProcessEnv;
}

type Reply = { id: number; result?: unknown; error?: string };

export interface TrackerProcess {
  advanceTo(iso: string): Promise<void>;
  status(): Promise<TrackerStatus>;
  /** Waits until the uploader has nothing in flight. */
  settled(): Promise<void>;
  /** Stops the tracker and waits for the process to exit. */
  stop(): Promise<void>;
}

export async function startTrackerProcess(o: TrackerProcessOptions): Promise<TrackerProcess> {
  const script = path.join(path.dirname(fileURLToPath(import.meta.url)), 'tracker-process-main.ts');
  const child: ChildProcess = fork(script, [], { env: o.env, execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let seq = 0;
  const waiting = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  child.on('message', (m: Reply) => {
    const w = waiting.get(m.id);
    waiting.delete(m.id);
    if (m.error) w?.reject(new Error(m.error));
    else w?.resolve(m.result);
  });
  child.once('exit', (code) => {
    for (const w of waiting.values()) w.reject(new Error(`the tracker process exited (${code})`));
  });
  const call = <T>(cmd: string, arg?: unknown) =>
    new Promise<T>((resolve, reject) => {
      const id = seq++;
      waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      child.send({ id, cmd, arg });
    });
  await call('start', o);
  return {
    advanceTo: (iso) => call('advanceTo', iso),
    status: () => call('status'),
    settled: () => call('settled'),
    async stop() {
      await call('stop').catch(() => {});
      await exited;
    },
  };
}
