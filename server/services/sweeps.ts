// The deadline sweeps: escalate disputes nobody answered within 3 days, and approve the
// weeks whose review window has ended. They run in the server every minute, whether or not
// anyone opens a page, and are safe when several API instances run them at once: each change
// is a conditional write under the week's lock, so it happens once. Reads past a deadline
// apply the same rules themselves, so nobody sees a stale state between two sweeps.
import type { Clock } from '../clock.ts';
import type { Database } from '../db/client.ts';
import { escalateOverdueDisputes } from './dispute-sweep.ts';
import { autoApproveDueWeeks } from './timesheet-service.ts';

export async function runSweeps(database: Database, now: Date): Promise<{ escalated: number; autoApproved: number }> {
  const escalated = (await escalateOverdueDisputes(database, now)).length;
  const autoApproved = await autoApproveDueWeeks(database, now);
  return { escalated, autoApproved };
}

export interface SweepTimer {
  stop(): Promise<void>;
}

/** Runs the sweeps now and then every `intervalMs`; a run never overlaps the previous one. */
export function startSweeps(database: Database, clock: Clock, intervalMs: number, log: (msg: string, err?: unknown) => void): SweepTimer {
  let running: Promise<void> | null = null;
  let stopped = false;
  const tick = () => {
    if (running || stopped) return;
    running = runSweeps(database, clock.now())
      .then((r) => {
        if (r.escalated || r.autoApproved) log(`sweep: ${r.escalated} dispute(s) escalated, ${r.autoApproved} week(s) approved automatically`);
      })
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
