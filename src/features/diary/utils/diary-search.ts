// The diary's URL: /contracts/:id/diary?week=2026-11-23&tz=local&day=2026-11-24&slot=2026-11-24T09:10:00.000Z
// Everything the client looks at is in it, so a link shows the same thing to the next person.
import { isIsoDate, isWeekStart } from '#src/utils/week.ts';
import { isTzChoice, type TzChoice } from '#src/utils/time-zone-choice.ts';

export interface DiarySearch {
  /** The billing week's Monday, or null when missing or not a Monday. */
  week: string | null;
  tz: TzChoice | null;
  /** A calendar date in the chosen zone to scroll to. */
  day: string | null;
  /** The open slot's start, normalized to `toISOString()`, or null. */
  slot: string | null;
}

/** A slot start from a URL: any parseable instant on a 10-minute boundary. */
export function parseSlotParam(value: string | null): string | null {
  if (!value) return null;
  const t = Date.parse(value);
  if (Number.isNaN(t) || t % 600_000 !== 0) return null;
  return new Date(t).toISOString();
}

export function readDiarySearch(params: URLSearchParams): DiarySearch {
  const week = params.get('week');
  const tz = params.get('tz');
  const day = params.get('day');
  return {
    week: isWeekStart(week) ? week : null,
    tz: isTzChoice(tz) ? tz : null,
    day: isIsoDate(day) ? day : null,
    slot: parseSlotParam(params.get('slot')),
  };
}
