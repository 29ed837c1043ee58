// Builds a `Week` as the API sends it, for tests: the given slot offsets, with the local days
// of the zone computed the way the server does (partial first/last days, 23/25-hour days).
import { TZDate } from '@date-fns/tz';
import type { Week } from '#contract/week.ts';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function localDays(weekStart: number, weekEnd: number, tz: string): Week['days'] {
  const first = new TZDate(weekStart, tz);
  let y = first.getFullYear();
  let m = first.getMonth();
  let d = first.getDate();
  const zero = { billable: 0, manual: 0, inactive: 0, overLimit: 0, held: 0, refunded: 0, total: 0 };
  const days: Week['days'] = [];
  for (;;) {
    const dayStart = new TZDate(y, m, d, tz).getTime();
    if (dayStart >= weekEnd) break;
    const next = new Date(Date.UTC(y, m, d + 1));
    const dayEnd = new TZDate(next.getUTCFullYear(), next.getUTCMonth(), next.getUTCDate(), tz).getTime();
    const start = Math.max(dayStart, weekStart);
    const end = Math.min(dayEnd, weekEnd);
    days.push({
      date: `${pad(y, 4)}-${pad(m + 1)}-${pad(d)}`,
      start: new Date(start).toISOString(),
      end: new Date(end).toISOString(),
      hoursInDay: (dayEnd - dayStart) / 3_600_000,
      partial: start !== dayStart || end !== dayEnd,
      minutes: { ...zero },
    });
    y = next.getUTCFullYear();
    m = next.getUTCMonth();
    d = next.getUTCDate();
  }
  return days;
}

export function makeWeek(weekStart: string, timeZone: string, offsets: number[]): Week {
  const start = Date.parse(`${weekStart}T00:00:00Z`);
  const end = start + 7 * 86_400_000;
  const n = offsets.length;
  const fill = (v: number) => new Array<number>(n).fill(v);
  return {
    contractId: '00000000-0000-4000-8000-000000000000',
    weekStart,
    start: new Date(start).toISOString(),
    end: new Date(end).toISOString(),
    timeZone,
    now: new Date(end).toISOString(),
    status: 'in_progress',
    canDispute: true,
    canEdit: false,
    memos: ['Working on it'],
    titles: ['Editor'],
    slots: {
      offset: [...offsets].sort((a, b) => a - b),
      kind: fill(0),
      state: fill(5),
      active: fill(8),
      memo: fill(0),
      title: fill(0),
      shot: fill(1),
      dup: fill(0),
      disputed: fill(0),
      deletedAt: new Array<string | null>(n).fill(null),
    },
    days: localDays(start, end, timeZone),
    totals: { billable: 0, manual: 0, inactive: 0, overLimit: 0, held: 0, refunded: 0, total: 0 },
  };
}

export const allOffsets = () => Array.from({ length: 1008 }, (_, i) => i);
/** Offsets of the slots in one UTC hour of one day (day 0 = Monday). */
export const hourOffsets = (day: number, hour: number, cells = [0, 1, 2, 3, 4, 5]) => cells.map((c) => day * 144 + hour * 6 + c);
