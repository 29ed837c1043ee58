// Billing-week labels for the timesheet's toolbar and headings.
import { formatCalendarDate } from '../../../utils/date-format.ts';
import { weekStartMs } from '../../../utils/week.ts';

/** "23–29 Nov 2026", "30 Nov – 6 Dec 2026", "28 Dec 2026 – 3 Jan 2027". */
export function weekRangeLabel(week: string): string {
  const sunday = new Date(weekStartMs(week) + 6 * 86_400_000).toISOString().slice(0, 10);
  const [y1, m1] = week.split('-');
  const [y2, m2] = sunday.split('-');
  if (y1 !== y2) return `${formatCalendarDate(week, 'd MMM yyyy')} – ${formatCalendarDate(sunday, 'd MMM yyyy')}`;
  if (m1 !== m2) return `${formatCalendarDate(week, 'd MMM')} – ${formatCalendarDate(sunday, 'd MMM yyyy')}`;
  return `${formatCalendarDate(week, 'd')}–${formatCalendarDate(sunday, 'd MMM yyyy')}`;
}
