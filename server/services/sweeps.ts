// The deadline sweeps: escalate disputes nobody answered within 3 days, and approve the
// weeks whose review window has ended. Beside them, once an hour, the orphan sweep deletes
// screenshot blobs that no row references and the files of writes a crash cut short
// (services/orphan-sweep.ts). The deadline sweeps
// run in the server every minute, whether or not anyone opens a page, and are safe when
// several API instances run them at once: each change is a conditional write under the
// week's lock, so it happens once. Reads past a deadline
// apply the same rules themselves, so nobody sees a stale state between two sweeps. They
// also delete the sign-in counters of ended windows, which are counted on the wall clock, and
// the two-factor code steps that have ended.
import type { Clock } from '../clock.ts';
import type { Database } from '../db/client.ts';
import type { BlobStore } from '../storage/blob-store.ts';
import { deleteEndedWindows } from '../data/login-failures.ts';
import { deleteEndedPendingLogins } from '../data/sessions.ts';
import { escalateOverdueDisputes } from './dispute-sweep.ts';
import { ORPHAN_AGE_MS, sweepOrphanBlobs } from './orphan-sweep.ts';
import { purgeExpiredScreenshots } from './retention-sweep.ts';
import { autoApproveDueWeeks } from './timesheet-service.ts';
import { runEventSweeps } from '../notify/event-sweeps.ts';

export async function runSweeps(database: Database, now: Date, wallNow = new Date()): Promise<{ escalated: number; autoApproved: number; events: number }> {
  const escalated = (await escalateOverdueDisputes(database, now)).length;
  const autoApproved = await autoApproveDueWeeks(database, now);
  await deleteEndedWindows(database, wallNow);
  await deleteEndedPendingLogins(database, now);
  const events = await runEventSweeps(database, now);
  return { escalated, autoApproved, events };
}

export interface SweepTimer {
  stop(): Promise<void>;
}

/** The deadline sweeps, with a line in the log when they changed something. */
export async function sweepDeadlines(database: Database, now: Date, log: (msg: string) => void): Promise<void> {
  const r = await runSweeps(database, now);
  if (r.escalated || r.autoApproved) log(`sweep: ${r.escalated} dispute(s) escalated, ${r.autoApproved} week(s) approved automatically`);
}

/**
 * Runs the sweeps now and then every `intervalMs` (unless `deadlines` is false), and the orphan sweep now and then hourly;
 * a run never overlaps the previous one.
 */
export function startSweeps(
  database: Database,
  blobs: BlobStore,
  clock: Clock,
  intervalMs: number,
  log: (msg: string, err?: unknown) => void,
  /** false on PostgreSQL: graphile-worker's cron runs the deadline sweeps there, once a tick across servers. */
  deadlines = true,
  /** WORKDIARY_RETENTION_DAYS: screenshots older than this many days lose their bytes, hourly. */
  retentionDays?: number,
): SweepTimer {
  let running: Promise<void> | null = null;
  let stopped = false;
  let orphansSweptAt = -Infinity;
  const sweepOrphans = async () => {
    // Blob ages are the files' wall clock, not the app's (WORKDIARY_NOW may be anywhere).
    if (Date.now() - orphansSweptAt < ORPHAN_AGE_MS) return;
    orphansSweptAt = Date.now();
    if (retentionDays) {
      const purged = await purgeExpiredScreenshots(database, blobs, clock.now(), retentionDays);
      if (purged) log(`sweep: ${purged} screenshot(s) older than ${retentionDays} days deleted by retention; their hashes stay`);
    }
    const n = await sweepOrphanBlobs(database, blobs, new Date(Date.now() - ORPHAN_AGE_MS));
    if (n) log(`sweep: ${n} orphan screenshot file(s) deleted`);
  };
  const tick = () => {
    if (running || stopped) return;
    running = (deadlines ? sweepDeadlines(database, clock.now(), log) : Promise.resolve())
      .then(sweepOrphans)
      .catch((err: unknown) => log('sweep failed', err))
      .finally(() => {
        running = null;
      });
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return {
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
