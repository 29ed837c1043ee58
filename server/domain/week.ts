// The billing week, in UTC: Monday 00:00 to the next Monday 00:00, and its deadlines.
import { SLOT_MS } from '../../contract/common.ts';

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
