// The billing week, in UTC: Monday 00:00 to the next Monday 00:00, and its deadlines.
import { SLOT_MS } from '#contract/common.ts';

const DAY_MS = 86_400_000;
export const WEEK_MS = 7 * DAY_MS;

/** Monday 00:00 UTC of the week holding `instant`. */
export function weekStartOf(instant: Date): Date {
  const day = Math.floor(instant.getTime() / DAY_MS); // days since 1970-01-01, a Thursday
  const mondayIndex = (new Date(day * DAY_MS).getUTCDay() + 6) % 7;
  return new Date((day - mondayIndex) * DAY_MS);
}

/** `YYYY-MM-DD` of a week's Monday. */
export const weekKey = (weekStart: Date) => weekStart.toISOString().slice(0, 10);
export const parseWeekKey = (key: string) => new Date(`${key}T00:00:00.000Z`);
export const addWeeks = (weekStart: Date, n: number) => new Date(weekStart.getTime() + n * WEEK_MS);

export function floorToSlot(instant: Date): Date {
  return new Date(Math.floor(instant.getTime() / SLOT_MS) * SLOT_MS);
}

export interface WeekDeadlines {
  start: Date;
  end: Date;
  /** The contractor may edit until the following Monday 12:00 (exclusive). */
  editUntil: Date;
  /** The client's review window opens at the following Monday 12:00 … */
  reviewFrom: Date;
  /** … and closes at the end of the following Friday (exclusive instant: Saturday 00:00). */
  reviewUntil: Date;
}

export function weekDeadlines(weekStart: Date): WeekDeadlines {
  const end = addWeeks(weekStart, 1);
  const editUntil = new Date(end.getTime() + 12 * 3_600_000);
  return {
    start: weekStart,
    end,
    editUntil,
    reviewFrom: editUntil,
    reviewUntil: new Date(end.getTime() + 5 * DAY_MS),
  };
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

/**
 * An instant in words, in UTC, for messages a person reads: "Monday 30 November 2026 at 12:00 UTC".
 * Seconds are shown only when they are not zero ("Friday 4 December 2026 at 23:59:59 UTC").
 * Locale-independent: the same text on every machine.
 */
export function formatUtc(instant: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const time = `${pad(instant.getUTCHours())}:${pad(instant.getUTCMinutes())}`;
  const seconds = instant.getUTCSeconds();
  return (
    `${WEEKDAYS[instant.getUTCDay()]} ${instant.getUTCDate()} ${MONTHS[instant.getUTCMonth()]} ${instant.getUTCFullYear()}` +
    ` at ${seconds === 0 ? time : `${time}:${pad(seconds)}`} UTC`
  );
}

/** An exclusive end instant (e.g. Saturday 00:00) as the last second before it ("Friday … at 23:59:59 UTC"). */
export const formatUtcEnd = (exclusiveEnd: Date) => formatUtc(new Date(exclusiveEnd.getTime() - 1000));
