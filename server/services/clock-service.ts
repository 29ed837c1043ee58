// Which clock the app runs on, agreed through the database so that every server on it tells
// the same time: `WORKDIARY_NOW` starts it at a chosen instant, the demo may start it at its
// own (demo/clock.ts), and otherwise it is today's. The origin (the chosen instant and the
// real moment it was first taken) lives in the database, so a second server started later,
// or a restart, runs on from it instead of starting the clock again.
import { clockFromOrigin, runningClock, type Clock } from '../clock.ts';
import type { Queryable } from '../db/client.ts';
import { dropClockOrigin, findClockOrigin, takeClockOrigin } from '../data/clock-origin.ts';
import { demoClockStart, demoHasWorkAt } from '../demo/clock.ts';

/** Servers starting within this long of each other share a new demo clock. */
const RENEW_AFTER_MS = 60_000;

export interface ClockChoice {
  /** WORKDIARY_NOW, when set. */
  startAt?: Date;
  /** The demo runs here: it may need a clock of its own. */
  demo: boolean;
}

export async function agreeOnClock(db: Queryable, choice: ClockChoice, realNow = new Date()): Promise<Clock> {
  if (choice.startAt) {
    return clockFromOrigin(await takeClockOrigin(db, { source: 'env', startsAt: choice.startAt, realAt: realNow }));
  }
  if (!choice.demo) {
    await dropClockOrigin(db);
    return runningClock();
  }
  const held = await findClockOrigin(db);
  if (held?.source === 'demo') {
    const clock = clockFromOrigin(held);
    if (demoHasWorkAt(clock.now())) return clock;
  }
  const start = demoClockStart(realNow);
  if (!start) {
    await dropClockOrigin(db);
    return runningClock();
  }
  const renewBefore = new Date(realNow.getTime() - RENEW_AFTER_MS);
  return clockFromOrigin(await takeClockOrigin(db, { source: 'demo', startsAt: start, realAt: realNow }, renewBefore));
}
