// The overview's words for time left and for last week's review state, from the server's "now".
import type { OverviewWeek } from '#contract/overview.ts';
import { shortSpan } from '#src/utils/countdown.ts';

const DAY = 24 * 3_600_000;

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
