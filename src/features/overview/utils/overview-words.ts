// The overview's words for time left and for last week's review state, from the server's "now".
import type { OverviewWeek } from '#contract/overview.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A short span, the two largest units rounded down: "2 d 4 h", "5 h 20 m", "12 m", "under a minute". */
export function shortSpan(ms: number): string {
  const m = Math.max(0, ms);
  const d = Math.floor(m / DAY);
  const h = Math.floor((m % DAY) / HOUR);
  const min = Math.floor((m % HOUR) / 60_000);
  if (d > 0) return h > 0 ? `${d} d ${h} h` : `${d} d`;
  if (h > 0) return min > 0 ? `${h} h ${min} m` : `${h} h`;
  return min > 0 ? `${min} m` : 'under a minute';
}

/** Last week's review state as the client reads it: "In review: closes in 2 d 4 h", "Approved", … */
export function reviewState(week: Pick<OverviewWeek, 'status' | 'reviewUntil' | 'minutes'>, nowMs: number): string {
  switch (week.status) {
    case 'approved':
      return 'Approved';
    case 'auto_approved':
      return week.minutes.total === 0 ? 'No time tracked' : 'Approved automatically';
    case 'in_review':
      return week.minutes.total === 0 ? 'No time tracked' : `In review: closes in ${shortSpan(Date.parse(week.reviewUntil) - nowMs)}`;
    case 'editing':
      return 'The contractor may still edit it';
    case 'in_progress':
      return 'In progress';
  }
}

/** Less than a day left is urgent. */
export const isUrgent = (dueIso: string, nowMs: number) => Date.parse(dueIso) - nowMs < DAY;
