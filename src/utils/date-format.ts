// Dates and times as text, with date-fns patterns, in a chosen IANA zone (@date-fns/tz).
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { weekStartMs } from './week.ts';

/** Any date-fns pattern, for an instant shown in a zone: `EEE d MMM` → "Tue 24 Nov". */
export function formatInZone(ms: number | string, timeZone: string, pattern: string): string {
  const t = typeof ms === 'string' ? Date.parse(ms) : ms;
  return format(new TZDate(t, timeZone), pattern);
}

/** A calendar date (`YYYY-MM-DD`, no zone) in a date-fns pattern: `EEE d MMM` → "Tue 24 Nov". */
export function formatCalendarDate(date: string, pattern: string): string {
  const [y, m, d] = date.split('-').map(Number);
  // Local noon of that date: its local fields are the date's in any zone (no DST edge), and
  // no Intl/TZDate is needed for date-only patterns.
  const at = new Date(2000, 0, 1, 12);
  at.setFullYear(y!, m! - 1, d!);
  return format(at, pattern);
}

/** "23–29 Nov 2026", "30 Nov – 6 Dec 2026", "28 Dec 2026 – 3 Jan 2027". */
export function weekRangeLabel(week: string): string {
  const sunday = new Date(weekStartMs(week) + 6 * 86_400_000).toISOString().slice(0, 10);
  const [y1, m1] = week.split('-');
  const [y2, m2] = sunday.split('-');
  if (y1 !== y2) return `${formatCalendarDate(week, 'd MMM yyyy')} – ${formatCalendarDate(sunday, 'd MMM yyyy')}`;
  if (m1 !== m2) return `${formatCalendarDate(week, 'd MMM')} – ${formatCalendarDate(sunday, 'd MMM yyyy')}`;
  return `${formatCalendarDate(week, 'd')}–${formatCalendarDate(sunday, 'd MMM yyyy')}`;
}
