// Which clock the demo runs on. Seeded at "now", the demo shows last week in review with an
// open dispute waiting on the developer and an escalated one waiting on the admin, but only
// from Monday 12:00 UTC (the review window opens) until the open dispute would escalate on its
// own (Thursday afternoon). Started any other time, the demo runs on a clock that starts at
// the last Wednesday 15:00 UTC and moves forward in real time: the rules stay exact, only the
// clock differs, and the dashboard says so ("Demo clock").
import { ANSWER_WINDOW_MS } from '../domain/disputes.ts';
import { addWeeks, weekDeadlines, weekStartOf } from '../domain/week.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * When the demo opens last week's dispute on the developer (./review.ts): Monday 14:00 after
 * the week, or 40 minutes before now when now is earlier.
 */
export function openDisputeCreatedAt(lastWeek: Date, now: Date): Date {
  return new Date(Math.min(now.getTime() - 40 * 60_000, addWeeks(lastWeek, 1).getTime() + 14 * HOUR));
}

/** The open dispute must wait on the developer at least this long after the start. */
export const OPEN_DISPUTE_MARGIN_MS = 3 * HOUR;

/** Whether a demo seeded at `now` has a week in review, a dispute waiting on the contractor and one on the admin. */
export function demoHasWorkAt(now: Date): boolean {
  const lastWeek = addWeeks(weekStartOf(now), -1);
  const escalates = openDisputeCreatedAt(lastWeek, now).getTime() + ANSWER_WINDOW_MS;
  return now >= weekDeadlines(lastWeek).reviewFrom && now.getTime() < escalates - OPEN_DISPUTE_MARGIN_MS;
}

/**
 * Where the demo's clock starts when today would leave the demo with nothing to do: the last
 * Wednesday 15:00 UTC before `today`. Null when today is fine as it is.
 */
export function demoClockStart(today: Date): Date | null {
  if (demoHasWorkAt(today)) return null;
  let wednesday = weekStartOf(today).getTime() + 2 * DAY + 15 * HOUR;
  if (wednesday > today.getTime()) wednesday -= 7 * DAY;
  return new Date(wednesday);
}
