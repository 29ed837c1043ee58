// A contract's terms in words: "$65.00 an hour", "40 h a week", "Manual time allowed".
import { formatMoney } from '#src/utils/money.ts';
import { formatCalendarDate } from '#src/utils/date-format.ts';

export const rateText = (hourlyRate: number, currency: string) => `${formatMoney(hourlyRate, currency)} an hour`;

export const capText = (weeklyLimitHours: number | null) => (weeklyLimitHours === null ? 'No weekly cap' : `${weeklyLimitHours} h a week`);

export const manualText = (allowed: boolean) => (allowed ? 'Manual time allowed' : 'No manual time');

/** "Monday 7 December" from an instant that is a Monday 00:00 UTC. */
export const effectiveText = (effectiveFrom: string) => formatCalendarDate(effectiveFrom.slice(0, 10), 'EEEE d MMMM');

/**
 * A weekly-cap field's value as the API wants it: a whole number of hours 0–168, or null for no
 * cap. Returns an error sentence for anything else.
 */
export function parseCapHours(noCap: boolean, text: string): { ok: true; value: number | null } | { ok: false; error: string } {
  if (noCap) return { ok: true, value: null };
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, error: 'Enter the weekly cap in hours, or choose no cap.' };
  if (!/^\d+$/.test(trimmed)) return { ok: false, error: 'Enter a whole number of hours, like 40.' };
  const n = Number(trimmed);
  if (n > 168) return { ok: false, error: 'A week has 168 hours: enter 0–168.' };
  return { ok: true, value: n };
}
