// The events no action causes, noticed by the minute sweep at the clock's `now`: last week's
// review window opened (week-in-review), it closes within 24 h with nothing approved
// (review-closing), and a tracker went quiet for 2 working hours on an active contract
// (tracker-silent). Each fact's key makes a second sweep, or a second server, a no-op; each
// read is skipped outside its window, so a quiet minute costs one small query.
import { TZDate } from '@date-fns/tz';
import { SLOT_MS } from '#contract/common.ts';
import type { Database } from '../db/client.ts';
import { findSilentContracts, findWeeksUntold } from '../data/notifications.ts';
import { addWeeks, formatUtcEnd, weekDeadlines, weekKey, weekStartOf } from '../domain/week.ts';
import { emit } from './emit.ts';
import { contractFacts, eventPaths, when } from './event-data.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** How long a tracker may be quiet in working hours before the contractor hears of it. */
export const SILENCE_MS = 2 * HOUR;
/** Working hours, in the contract's zone: Monday to Friday, 09:00 to 17:00. */
const WORK_FROM_H = 9;
const WORK_UNTIL_H = 17;

/**
 * The working time (Mon–Fri 09:00–17:00 in `timeZone`) between two instants, in ms. Past four
 * days the answer is at least a full working day, which is all a caller asks.
 */
export function workingMsBetween(from: Date, to: Date, timeZone: string): number {
  if (to <= from) return 0;
  if (to.getTime() - from.getTime() > 4 * DAY) return (WORK_UNTIL_H - WORK_FROM_H) * HOUR;
  const first = new TZDate(from.getTime(), timeZone);
  let total = 0;
  for (let i = 0; i <= 5; i++) {
    const day = new TZDate(first.getFullYear(), first.getMonth(), first.getDate() + i, timeZone);
    if (day.getTime() >= to.getTime()) break;
    const weekday = day.getDay();
    if (weekday === 0 || weekday === 6) continue;
    const start = new TZDate(day.getFullYear(), day.getMonth(), day.getDate(), WORK_FROM_H, 0, timeZone).getTime();
    const end = new TZDate(day.getFullYear(), day.getMonth(), day.getDate(), WORK_UNTIL_H, 0, timeZone).getTime();
    total += Math.max(0, Math.min(end, to.getTime()) - Math.max(start, from.getTime()));
  }
  return total;
}

async function tellReviewWeek(database: Database, now: Date): Promise<number> {
  const week = addWeeks(weekStartOf(now), -1);
  const d = weekDeadlines(week);
  if (now < d.reviewFrom || now >= d.reviewUntil) return 0;
  const closing = now.getTime() >= d.reviewUntil.getTime() - DAY;
  const kinds = closing ? (['week-in-review', 'review-closing'] as const) : (['week-in-review'] as const);
  let n = 0;
  for (const kind of kinds) {
    const untold = await findWeeksUntold(database, week, `${kind}:`, weekKey(week));
    if (untold.length === 0) continue;
    await database.transaction(async (tx) => {
      for (const c of untold) {
        const id = await emit(tx, {
          kind,
          key: `${kind}:${c.id}:${weekKey(week)}`,
          at: now,
          contractId: c.id,
          data: { path: eventPaths.review(c.id, week), ...contractFacts(c), week: weekKey(week), when: formatUtcEnd(d.reviewUntil) },
        });
        if (id !== null) n++;
      }
    });
  }
  return n;
}

async function tellSilentTrackers(database: Database, now: Date): Promise<number> {
  const quiet = (await findSilentContracts(database, new Date(now.getTime() - SILENCE_MS))).filter(
    (c) => workingMsBetween(new Date(c.lastStart.getTime() + SLOT_MS), now, c.timeZone) >= SILENCE_MS,
  );
  if (quiet.length === 0) return 0;
  let n = 0;
  await database.transaction(async (tx) => {
    for (const c of quiet) {
      const id = await emit(tx, {
        kind: 'tracker-silent',
        key: `tracker-silent:${c.id}:${c.lastStart.getTime()}`,
        at: now,
        contractId: c.id,
        data: { path: eventPaths.trackers(), ...contractFacts(c), when: when(new Date(c.lastStart.getTime() + SLOT_MS)) },
      });
      if (id !== null) n++;
    }
  });
  return n;
}

/** Runs the event sweeps at `now`; returns how many events they emitted. */
export async function runEventSweeps(database: Database, now: Date): Promise<number> {
  return (await tellReviewWeek(database, now)) + (await tellSilentTrackers(database, now));
}
