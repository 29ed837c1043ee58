// The words a slot is shown and announced with. The card's button is named by its time
// range and what the client is paying for: "09:10–09:20, active 8 of 10 minutes".
import type { SlotKind, SlotState } from '#contract/week.ts';
import { formatMinutes } from '#src/utils/duration.ts';
import { formatMoney, slotsAmount } from '#src/utils/money.ts';
import { formatInZone } from '#src/utils/date-format.ts';
import { formatClock } from '#src/utils/time-zone.ts';
import { STATE_WORDS } from './slot-states.ts';

const SLOT_MS = 600_000;

/** "09:10–09:20" in the zone (en dash, 24-hour). */
export const slotRange = (start: number, timeZone: string) =>
  `${formatClock(start, timeZone)}\u2013${formatClock(start + SLOT_MS, timeZone)}`;

/** "8 of 10 minutes". */
export const activityText = (active: number) => `${active} of 10 minutes`;

/**
 * When a deleted slot was deleted, in the zone: "14:03" on the slot's own local day, else
 * "26 Nov, 14:03", so a deletion days later does not read as that day's.
 */
export function deletedWhen(deletedAt: string, slotStart: number, timeZone: string): string {
  const at = Date.parse(deletedAt);
  const day = (ms: number) => formatInZone(ms, timeZone, 'yyyy-MM-dd');
  return day(at) === day(slotStart) ? formatClock(at, timeZone) : formatInZone(at, timeZone, 'd MMM, HH:mm');
}

export interface SlotFacts {
  range: string;
  state: SlotState;
  kind: SlotKind;
  active: number;
  /** For a deleted slot: when (deletedWhen). */
  deleted?: string | null;
}

/**
 * The open-the-lightbox button's accessible name:
 * "09:10–09:20, active 8 of 10 minutes", "09:10–09:20, manual time",
 * "09:10–09:20, inactive, 0 of 10 minutes", "09:10–09:20, over the limit",
 * "09:10–09:20, held", "09:10–09:20, refunded", "09:10–09:20, deleted by the contractor at 14:03".
 */
export function slotButtonName({ range, state, kind, active, deleted }: SlotFacts): string {
  if (state === 'deleted') return `${range}, deleted by the contractor${deleted ? ` at ${deleted}` : ''}`;
  if (state === 'billable') return kind === 'manual' ? `${range}, manual time` : `${range}, active ${activityText(active)}`;
  if (state === 'inactive') return `${range}, inactive, ${activityText(active)}`;
  return `${range}, ${STATE_WORDS[state]}${kind === 'manual' ? ', manual time' : ''}`;
}


export const slotCount = (n: number) => (n === 1 ? '1 slot' : `${n} slots`);

/** "(1 h 20 m, $86.67 held)": what disputing the slots would hold. */
export function heldText(slots: number, terms: { hourlyRate: number; currency: string } | null): string {
  const time = formatMinutes(slots * 10);
  return terms ? `${time}, ${formatMoney(slotsAmount(slots, terms.hourlyRate), terms.currency)} held` : time;
}
