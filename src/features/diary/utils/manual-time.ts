// Manual time as the contractor types it (a local date, a from and a to clock time in the zone
// the diary is shown in) turned into what the API takes: whole 10-minute slots as UTC instants.
// Slots are aligned in UTC, so snapping happens on the instant, not on the wall clock: in a zone
// like Asia/Kathmandu (UTC+05:45) the slot boundaries fall at :05, :15 … local time.
import { TZDate } from '@date-fns/tz';
import { formatInZone } from '#src/utils/date-format.ts';
import { formatMinutes } from '#src/utils/duration.ts';
import { formatClock } from '#src/utils/time-zone.ts';

export const SLOT_MS = 600_000;
export const MEMO_MAX = 500;

const CLOCK_RE = /^([01]\d|2[0-3]):([0-5]\d)(?::[0-5]\d(?:\.\d+)?)?$/;

/** Minutes since midnight of an `HH:mm` (or `HH:mm:ss`, as time inputs may give) value. */
export function parseClock(value: string): number | null {
  const m = CLOCK_RE.exec(value.trim());
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

/** The instant of a wall-clock time on a calendar date in a zone (a later day when minutes ≥ 1440). */
export function zonedInstant(date: string, minutes: number, timeZone: string): number {
  const [y, mo, d] = date.split('-').map(Number);
  return new TZDate(y!, mo! - 1, d! + Math.floor(minutes / 1440), Math.floor((minutes % 1440) / 60), minutes % 60, timeZone).getTime();
}

export const floorToSlot = (ms: number) => Math.floor(ms / SLOT_MS) * SLOT_MS;
export const ceilToSlot = (ms: number) => Math.ceil(ms / SLOT_MS) * SLOT_MS;

/** Whether the instant reads as the wall clock asked for (not one a spring-forward change skips). */
function clockExists(minutes: number, timeZone: string, ms: number): boolean {
  const pad = (n: number) => String(n).padStart(2, '0');
  return formatClock(ms, timeZone) === `${pad(Math.floor((minutes % 1440) / 60))}:${pad(minutes % 60)}`;
}

export type ManualTimeField = 'date' | 'from' | 'to' | 'memo';

export interface ManualTimeInput {
  /** The local calendar date, `YYYY-MM-DD`. */
  date: string;
  /** `HH:mm` wall-clock times in `timeZone`; a `to` at or before `from` is on the next day. */
  from: string;
  to: string;
  timeZone: string;
}

export type ManualRange =
  | {
      ok: true;
      /** The UTC instants the API takes: the first slot's start and the last slot's end. */
      start: string;
      end: string;
      startMs: number;
      endMs: number;
      slots: number;
      minutes: number;
      /** The range ends on the day after `date`. */
      nextDay: boolean;
      /** The typed times were not on slot boundaries and were widened to whole slots. */
      snapped: boolean;
    }
  | { ok: false; field: ManualTimeField; message: string };

/** At most 24 hours at once, as the API allows. */
const MAX_SLOTS = 144;

/**
 * The whole slots covering the typed range: the start rounded down and the end rounded up to
 * 10-minute boundaries in UTC. `bounds` (the billing week, as instants) keeps the range in it.
 */
export function manualTimeRange(input: ManualTimeInput, bounds?: { start: number; end: number }): ManualRange {
  const { date, timeZone } = input;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return { ok: false, field: 'date', message: 'Choose a day.' };
  const from = parseClock(input.from);
  if (from === null) return { ok: false, field: 'from', message: 'Enter a start time, like 09:00.' };
  const to = parseClock(input.to);
  if (to === null) return { ok: false, field: 'to', message: 'Enter an end time, like 09:30.' };

  const nextDay = to <= from;
  const fromMs = zonedInstant(date, from, timeZone);
  const toMs = zonedInstant(date, nextDay ? to + 1440 : to, timeZone);
  if (!clockExists(from, timeZone, fromMs)) {
    return { ok: false, field: 'from', message: `${input.from} does not exist that day in ${timeZone}: the clocks skip it.` };
  }
  if (!clockExists(to, timeZone, toMs)) {
    return { ok: false, field: 'to', message: `${input.to} does not exist that day in ${timeZone}: the clocks skip it.` };
  }

  const startMs = floorToSlot(fromMs);
  const endMs = ceilToSlot(toMs);
  const slots = (endMs - startMs) / SLOT_MS;
  if (slots < 1) return { ok: false, field: 'to', message: 'The end must be after the start.' };
  if (slots > MAX_SLOTS) return { ok: false, field: 'to', message: 'Add at most 24 hours at once.' };
  if (bounds && (startMs < bounds.start || endMs > bounds.end)) {
    const field = startMs < bounds.start ? 'from' : 'to';
    return {
      ok: false,
      field,
      message: `Manual time must fall within this billing week: ${formatInZone(bounds.start, timeZone, 'EEE d MMM HH:mm')} to ${formatInZone(bounds.end, timeZone, 'EEE d MMM HH:mm')}.`,
    };
  }
  return {
    ok: true,
    start: new Date(startMs).toISOString(),
    end: new Date(endMs).toISOString(),
    startMs,
    endMs,
    slots,
    minutes: slots * 10,
    nextDay,
    snapped: startMs !== fromMs || endMs !== toMs,
  };
}

/** "3 slots · 30 m", "1 slot · 10 m", "9 slots · 1 h 30 m". */
export function slotsSummary(slots: number): string {
  return `${slots} ${slots === 1 ? 'slot' : 'slots'} · ${formatMinutes(slots * 10)}`;
}

/** Which input an API error's `field` (`body.start`, `body.end`, `body.memo`) belongs to. */
export function fieldOfApiError(field: string): ManualTimeField | null {
  const name = field.replace(/^body\./, '');
  if (name === 'start') return 'from';
  if (name === 'end') return 'to';
  if (name === 'memo') return 'memo';
  return null;
}
