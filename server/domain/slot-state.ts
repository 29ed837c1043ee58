// The one state of each slot, by the brief's precedence: deleted, refunded, held, inactive,
// over the limit, billable. The weekly cap runs in time order over the slots that would
// otherwise be billable, held or refunded; disputes never move it.
import type { SlotState } from '#contract/week.ts';
import { disputeEffect, type DisputeSlotStatus } from './disputes.ts';

export interface SlotFacts {
  kind: 'tracked' | 'manual';
  activeMinutes: number;
  deleted: boolean;
  /** The slot's dispute outcome, if any: held while the dispute is unsettled. */
  dispute?: 'held' | 'refunded' | null;
}

export interface WeekTerms {
  /** Weekly cap in hours, or null for none. */
  weeklyLimitHours: number | null;
  manualTimeAllowed: boolean;
}

/** States for the slots of one contract's week. `slots` must be in time order. */
export function slotStates(slots: readonly SlotFacts[], terms: WeekTerms): SlotState[] {
  const capSlots = terms.weeklyLimitHours === null ? Infinity : terms.weeklyLimitHours * 6;
  let counted = 0;
  return slots.map((s) => {
    if (s.deleted) return 'deleted';
    const unpaidAnyway = s.kind === 'manual' ? !terms.manualTimeAllowed : s.activeMinutes === 0;
    // Inactive slots never count toward the cap; everything else does, in time order.
    let overLimit = false;
    if (!unpaidAnyway) {
      counted += 1;
      overLimit = counted > capSlots;
    }
    if (s.dispute === 'refunded') return 'refunded';
    if (s.dispute === 'held') return 'held';
    if (unpaidAnyway) return 'inactive';
    if (overLimit) return 'over_limit';
    return 'billable';
  });
}

/**
 * States of a week's live slots as the client sees them, in time order (deleted ones are never
 * among them), each with its dispute status (`ds`) if it is in a dispute.
 */
export function visibleSlotStates(
  rows: readonly { kind: 'tracked' | 'manual'; active: number; ds: DisputeSlotStatus | null }[],
  terms: WeekTerms,
): SlotState[] {
  return slotStates(
    rows.map((r) => ({ kind: r.kind, activeMinutes: r.active, deleted: false, dispute: r.ds ? disputeEffect(r.ds) : null })),
    terms,
  );
}
