// Billing weeks: Monday 00:00 UTC to the next Monday 00:00 UTC, named by the Monday's date.

const DAY_MS = 86_400_000;
export const WEEK_MS = 7 * DAY_MS;

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(value: string | null | undefined): value is string {
  if (!value || !DATE_RE.test(value)) return false;
  const t = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().startsWith(value);
}

/** The Monday (`YYYY-MM-DD`) of the billing week that holds the instant. */
export function weekOfInstant(instant: number | Date): string {
  const t = typeof instant === 'number' ? instant : instant.getTime();
  const day = Math.floor(t / DAY_MS);
  const monday = day - ((new Date(day * DAY_MS).getUTCDay() + 6) % 7);
  return new Date(monday * DAY_MS).toISOString().slice(0, 10);
}

/** The Monday of the week a calendar date falls in (Monday to Sunday). */
export function weekOfDate(date: string): string {
  return weekOfInstant(Date.parse(`${date}T00:00:00Z`));
}

export function isWeekStart(value: string | null | undefined): value is string {
  return isIsoDate(value) && new Date(`${value}T00:00:00Z`).getUTCDay() === 1;
}

export function addWeeks(weekStart: string, n: number): string {
  return new Date(Date.parse(`${weekStart}T00:00:00Z`) + n * WEEK_MS).toISOString().slice(0, 10);
}

export function weekStartMs(weekStart: string): number {
  return Date.parse(`${weekStart}T00:00:00Z`);
}
