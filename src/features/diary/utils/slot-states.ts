// The slot states and kinds as the week encodes them (by index), with their words and colours.
// The index order is the contract's (`contract/week.ts`); a test keeps the two identical.
// They are repeated here so the contract's zod schemas stay out of the browser bundle.
import type { SlotKind, SlotState, Week } from '#contract/week.ts';

export const SLOT_STATES = ['deleted', 'refunded', 'held', 'inactive', 'over_limit', 'billable'] as const satisfies readonly SlotState[];
export const SLOT_KINDS = ['tracked', 'manual'] as const satisfies readonly SlotKind[];

/** How a state reads inside a sentence. */
export const STATE_WORDS: Record<SlotState, string> = {
  billable: 'billable',
  inactive: 'inactive',
  over_limit: 'over the limit',
  held: 'held',
  refunded: 'refunded',
  deleted: 'deleted',
};

export const stateAt = (index: number): SlotState => SLOT_STATES[index] ?? 'billable';
export const kindAt = (index: number): SlotKind => SLOT_KINDS[index] ?? 'tracked';

const BILLABLE = SLOT_STATES.indexOf('billable');
/** Billable and never disputed: a slot is disputed once, ever. */
export const selectable = (week: Week, slot: number) => week.slots.state[slot] === BILLABLE && !week.slots.disputed[slot];
