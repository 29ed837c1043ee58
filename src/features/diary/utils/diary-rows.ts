// Decodes the compact week (slot offsets from Monday 00:00 UTC) into the rows the diary
// shows in a chosen zone: a header per local day, one row per local hour that has any slot
// (six 10-minute cells), and one "no activity" row per run of empty hours. The days come
// from the server (they already account for partial first/last days and 23/25-hour DST
// days); the hours are walked in UTC steps so a repeated DST hour is two rows, not one.
import { tzName } from '@date-fns/tz';
import type { Week } from '#contract/week.ts';
import { formatClock, wallClockMs } from '#src/utils/time-zone.ts';

const SLOT_MS = 600_000;
const HOUR_MS = 3_600_000;
export const CELLS_PER_ROW = 6;
/** A cell with no slot: the contractor did not track those 10 minutes. */
export const NO_SLOT = -1;
/** A cell outside the billing week (or the day): shown blank, not as a gap. */
export const OUTSIDE = -2;

export interface DayRow {
  type: 'day';
  key: string;
  dayIndex: number;
}

export interface HourRow {
  type: 'hour';
  key: string;
  dayIndex: number;
  /** The local hour's start, as a UTC instant (ms). */
  start: number;
  /** "09:00"; a repeated DST hour gets its zone abbreviation: "02:00 GMT+2". */
  label: string;
  /** Six cells (:00 … :50): a slot index, NO_SLOT or OUTSIDE. */
  cells: number[];
}

export interface GapRow {
  type: 'gap';
  key: string;
  dayIndex: number;
  start: number;
  end: number;
  /** "00:00" and "08:00" (or "24:00" at the end of the day). */
  from: string;
  to: string;
  /** The whole (part of the) day has no slot. */
  wholeDay: boolean;
}

export type DiaryRow = DayRow | HourRow | GapRow;

export interface DiaryDay {
  date: string;
  start: number;
  end: number;
  partial: boolean;
  hoursInDay: number;
  minutes: Week['days'][number]['minutes'];
  slotCount: number;
  /** "01:00" and "24:00": the part of the local day inside this week. */
  from: string;
  to: string;
}

export interface DiaryLayout {
  timeZone: string;
  weekStart: number;
  weekEnd: number;
  days: DiaryDay[];
  rows: DiaryRow[];
  /** Row index of each day's header, by day index. */
  dayRows: number[];
  /** Row indexes of the hour rows, in order (↑/↓ move along these). */
  hourRows: number[];
  /** Per slot (in the week's order, which is time order): start instant, row and cell. */
  slotStart: number[];
  slotRow: Int32Array;
  slotCell: Int8Array;
  /** Slot index by its start instant (ms). */
  slotByStart: Map<number, number>;
}

type WeekInput = Pick<Week, 'start' | 'end' | 'timeZone' | 'days' | 'slots'>;

function labelAt(ms: number, timeZone: string, dayEnd: number): string {
  const label = formatClock(ms, timeZone);
  return ms === dayEnd && label === '00:00' ? '24:00' : label;
}

/** The instant the local hour holding `ms` began. */
function floorToLocalHour(ms: number, timeZone: string): number {
  const wall = wallClockMs(ms, timeZone);
  return ms - (((wall % HOUR_MS) + HOUR_MS) % HOUR_MS);
}

export function buildDiaryLayout(week: WeekInput): DiaryLayout {
  const timeZone = week.timeZone;
  const weekStart = Date.parse(week.start);
  const weekEnd = Date.parse(week.end);
  const { offset } = week.slots;
  const count = offset.length;

  const byOffset = new Int32Array(Math.max(0, Math.round((weekEnd - weekStart) / SLOT_MS))).fill(NO_SLOT);
  const slotStart = new Array<number>(count);
  const slotByStart = new Map<number, number>();
  for (let i = 0; i < count; i++) {
    const o = offset[i]!;
    if (o >= 0 && o < byOffset.length) byOffset[o] = i;
    slotStart[i] = weekStart + o * SLOT_MS;
    slotByStart.set(slotStart[i]!, i);
  }

  const slotRow = new Int32Array(count).fill(-1);
  const slotCell = new Int8Array(count).fill(-1);
  const rows: DiaryRow[] = [];
  const dayRows: number[] = [];
  const hourRows: number[] = [];
  const days: DiaryDay[] = [];

  const sourceDays = week.days.length > 0 ? week.days : utcDays(weekStart);

  sourceDays.forEach((day, dayIndex) => {
    const start = Math.max(Date.parse(day.start), weekStart);
    const end = Math.min(Date.parse(day.end), weekEnd);
    dayRows.push(rows.length);
    rows.push({ type: 'day', key: `d:${day.date}`, dayIndex });

    // Walk the local hours of this day; each is either a row of cells or part of a gap.
    const hours: HourRow[] = [];
    let slotCount = 0;
    for (let h = floorToLocalHour(start, timeZone); h < end; h += HOUR_MS) {
      const cells = new Array<number>(CELLS_PER_ROW);
      let any = false;
      for (let c = 0; c < CELLS_PER_ROW; c++) {
        const cellStart = h + c * SLOT_MS;
        // With a :45 offset (Asia/Kathmandu) slots start 5 minutes into the local cell.
        const o = Math.ceil((cellStart - weekStart) / SLOT_MS);
        const at = weekStart + o * SLOT_MS;
        if (at < start || at >= end || at >= cellStart + SLOT_MS) {
          cells[c] = OUTSIDE;
          continue;
        }
        const slot = byOffset[o] ?? NO_SLOT;
        cells[c] = slot;
        if (slot >= 0) any = true;
      }
      hours.push({ type: 'hour', key: `h:${h}`, dayIndex, start: h, label: formatClock(h, timeZone), cells });
      if (any) slotCount += cells.filter((c) => c >= 0).length;
      if (!any) cells.length = 0; // marks the hour empty for the pass below
    }

    // A fall-back DST day shows one hour twice: tell the two apart by the zone's abbreviation.
    const seen = new Map<string, number>();
    for (const hour of hours) seen.set(hour.label, (seen.get(hour.label) ?? 0) + 1);
    for (const hour of hours) {
      if ((seen.get(hour.label) ?? 0) > 1) hour.label = `${hour.label} ${tzName(timeZone, new Date(hour.start), 'short')}`;
    }

    let i = 0;
    while (i < hours.length) {
      const hour = hours[i]!;
      if (hour.cells.length > 0) {
        hourRows.push(rows.length);
        hour.cells.forEach((slot, cell) => {
          if (slot >= 0) {
            slotRow[slot] = rows.length;
            slotCell[slot] = cell;
          }
        });
        rows.push(hour);
        i++;
        continue;
      }
      let j = i;
      while (j < hours.length && hours[j]!.cells.length === 0) j++;
      const gapStart = Math.max(hour.start, start);
      const gapEnd = Math.min(j < hours.length ? hours[j]!.start : end, end);
      rows.push({
        type: 'gap',
        key: `g:${gapStart}`,
        dayIndex,
        start: gapStart,
        end: gapEnd,
        from: labelAt(gapStart, timeZone, end),
        to: labelAt(gapEnd, timeZone, end),
        wholeDay: i === 0 && j === hours.length,
      });
      i = j;
    }

    days.push({
      date: day.date,
      start,
      end,
      partial: day.partial,
      hoursInDay: day.hoursInDay,
      minutes: day.minutes,
      slotCount,
      from: labelAt(start, timeZone, end),
      to: labelAt(end, timeZone, end),
    });
  });

  return { timeZone, weekStart, weekEnd, days, rows, dayRows, hourRows, slotStart, slotRow, slotCell, slotByStart };
}

/** Fallback when a week arrives without days: seven UTC days. */
function utcDays(weekStart: number): Week['days'] {
  const zero = { billable: 0, manual: 0, inactive: 0, overLimit: 0, held: 0, refunded: 0, total: 0 };
  return Array.from({ length: 7 }, (_, d) => ({
    date: new Date(weekStart + d * 86_400_000).toISOString().slice(0, 10),
    start: new Date(weekStart + d * 86_400_000).toISOString(),
    end: new Date(weekStart + (d + 1) * 86_400_000).toISOString(),
    hoursInDay: 24,
    partial: false,
    minutes: zero,
  }));
}

export type Direction = 'left' | 'right' | 'up' | 'down' | 'rowStart' | 'rowEnd' | 'first' | 'last';

/**
 * The slot the arrow keys move to: ←/→ step through slots in time order (across rows),
 * ↑/↓ go to the previous/next hour row with slots, to the same column or the nearest one;
 * Home/End the first/last slot of the row, Ctrl+Home/End of the week.
 * Returns -1 at the edges.
 */
export function neighbourSlot(layout: DiaryLayout, slot: number, direction: Direction): number {
  const count = layout.slotStart.length;
  if (count === 0) return -1;
  if (direction === 'first') return 0;
  if (direction === 'last') return count - 1;
  if (direction === 'left') return slot > 0 ? slot - 1 : -1;
  if (direction === 'right') return slot < count - 1 ? slot + 1 : -1;

  const row = layout.slotRow[slot]!;
  const cell = layout.slotCell[slot]!;
  if (direction === 'rowStart' || direction === 'rowEnd') {
    const cells = (layout.rows[row] as HourRow).cells.filter((c) => c >= 0);
    return (direction === 'rowStart' ? cells[0] : cells[cells.length - 1]) ?? -1;
  }
  const at = layout.hourRows.indexOf(row);
  const target = layout.hourRows[at + (direction === 'up' ? -1 : 1)];
  if (at < 0 || target === undefined) return -1;
  const cells = (layout.rows[target] as HourRow).cells;
  for (let distance = 0; distance < CELLS_PER_ROW; distance++) {
    for (const c of [cell - distance, cell + distance]) {
      if (c >= 0 && c < CELLS_PER_ROW && cells[c]! >= 0) return cells[c]!;
    }
  }
  return -1;
}
