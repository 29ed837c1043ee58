// The local calendar days that a billing week (UTC) covers in a given time zone. In a zone
// other than UTC the first and last days are partial; a daylight-saving day has 23 or 25 h.
import { TZDate } from '@date-fns/tz';

export interface LocalDay {
  date: string;
  /** The part of the day inside the week. */
  start: Date;
  end: Date;
  hoursInDay: number;
  partial: boolean;
}

function localMidnight(y: number, m: number, d: number, tz: string): Date {
  return new Date(new TZDate(y, m, d, tz).getTime());
}

export function localDays(weekStart: Date, weekEnd: Date, tz: string): LocalDay[] {
  const first = new TZDate(weekStart.getTime(), tz);
  let y = first.getFullYear();
  let m = first.getMonth();
  let d = first.getDate();
  const days: LocalDay[] = [];
  for (;;) {
    const dayStart = localMidnight(y, m, d, tz);
    if (dayStart >= weekEnd) break;
    const next = new Date(Date.UTC(y, m, d + 1));
    const dayEnd = localMidnight(next.getUTCFullYear(), next.getUTCMonth(), next.getUTCDate(), tz);
    const start = dayStart < weekStart ? weekStart : dayStart;
    const end = dayEnd > weekEnd ? weekEnd : dayEnd;
    days.push({
      date: `${String(y).padStart(4, '0')}-${String(m + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
      start,
      end,
      hoursInDay: (dayEnd.getTime() - dayStart.getTime()) / 3_600_000,
      partial: start.getTime() !== dayStart.getTime() || end.getTime() !== dayEnd.getTime(),
    });
    y = next.getUTCFullYear();
    m = next.getUTCMonth();
    d = next.getUTCDate();
  }
  return days;
}
