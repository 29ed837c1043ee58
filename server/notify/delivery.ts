// The delivery runner: runs the deliverers (mail, webhooks) whenever something was queued, and
// every few seconds for retries.
// - On PGlite (one process owns the database) an in-process loop: `emit` pokes it after the
//   change commits (PGlite runs our claim after the emitting transaction), and a timer retries.
// - On PostgreSQL, graphile-worker: `emit` adds the `deliver` job in the emitting transaction
//   (job_key `deliver`, so a burst is one job, and a rollback adds none), any server's worker
//   runs it, and its cron runs the deadline sweeps once a minute across all servers (one run
//   per tick) beside a delivery retry scan.
import { Logger, run, type Runner } from 'graphile-worker';
import type { Clock } from '../clock.ts';
import type { Database, Queryable } from '../db/client.ts';
import { onEmit } from './emit.ts';
import type { Deliverer } from './mail-delivery.ts';

export interface DeliveryOptions {
  clock: Clock;
  deliverers: Deliverer[];
  /** PostgreSQL: graphile-worker's connection (its own small pool). */
  connectionString?: string;
  /** PostgreSQL: the deadline sweeps, run by graphile's cron every minute. */
  sweep?: (now: Date) => Promise<void>;
  /** PGlite: how often the loop looks for retries that came due. */
  retryMs?: number;
  log: (msg: string, err?: unknown) => void;
}

export interface Delivery {
  stop(): Promise<void>;
}

/** graphile-worker's schema, as the SQL in `emit`'s transaction names it. */
export const GRAPHILE_SCHEMA = 'graphile_worker';
const ADD_DELIVER_JOB = `select ${GRAPHILE_SCHEMA}.add_job('deliver', '{}'::json, job_key := 'deliver', job_key_mode := 'preserve_run_at') is not null as added`;
/** Rounds of the deliverers one run may take while new work keeps arriving. */
const MAX_ROUNDS = 50;

/** Runs each deliverer until none has anything left; one failing does not stop the others. */
export async function deliverAll(database: Database, deliverers: Deliverer[], clock: Clock, log: DeliveryOptions['log']): Promise<number> {
  let total = 0;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const counts = await Promise.all(
      deliverers.map((d) =>
        d(database, clock.now()).catch((err: unknown) => {
          log('delivery: a run failed', err);
          return 0;
        }),
      ),
    );
    const n = counts.reduce((a, b) => a + b, 0);
    total += n;
    if (n === 0) break;
  }
  return total;
}

export async function startDelivery(database: Database, opts: DeliveryOptions): Promise<Delivery> {
  return database.kind === 'postgres' ? startWorker(database, opts) : startLoop(database, opts);
}

function startLoop(database: Database, opts: DeliveryOptions): Delivery {
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  const tick = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    again = false;
    running = deliverAll(database, opts.deliverers, opts.clock, opts.log)
      .then(() => undefined)
      .finally(() => {
        running = null;
        if (again) setImmediate(tick);
      });
  };
  // Inside the emitting transaction: only schedule. PGlite runs our claim after it ends.
  onEmit(async () => {
    setImmediate(tick);
  });
  tick();
  const timer = setInterval(tick, opts.retryMs ?? 5000);
  timer.unref();
  return {
    stop: async () => {
      stopped = true;
      onEmit(null);
      clearInterval(timer);
      await running;
    },
  };
}

/** Adds the `deliver` job in `tx`: it runs once `tx` commits, and never if it rolls back. */
export async function addDeliverJob(tx: Queryable): Promise<void> {
  await tx.query(ADD_DELIVER_JOB);
}

async function startWorker(database: Database, opts: DeliveryOptions): Promise<Delivery> {
  if (!opts.connectionString) throw new Error('startDelivery on PostgreSQL needs the connection string');
  const logger = new Logger(() => (level, message) => {
    if (level === 'error') opts.log(`delivery: ${message}`);
  });
  const deliver = async () => {
    await deliverAll(database, opts.deliverers, opts.clock, opts.log);
  };
  const runner: Runner = await run({
    connectionString: opts.connectionString,
    maxPoolSize: 4,
    concurrency: 2,
    noHandleSignals: true,
    pollInterval: 2000,
    logger,
    taskList: {
      deliver,
      sweep: async () => {
        if (opts.sweep) await opts.sweep(opts.clock.now());
      },
    },
    // The retry scan shares the job key: a run already waiting covers it.
    crontab: ['* * * * * sweep ?max=1', '* * * * * deliver ?id=deliver_retry&max=1&jobKey=deliver&jobKeyMode=preserve_run_at'].join('\n'),
  });
  // The schema exists now: from here every emit adds its job; what was queued before is run now.
  onEmit((tx) => addDeliverJob(tx));
  await addDeliverJob(database);
  return {
    stop: async () => {
      onEmit(null);
      await runner.stop();
    },
  };
}
