// A dispute's state machine. A dispute covers slots of one contract and one week.
//   open       → the contractor answers each slot (accept → refunded, contest → for the admin);
//                when every slot is answered: settled if none was contested, else escalated.
//                Not answered within ANSWER_WINDOW_MS → escalated (the unanswered slots stay 'open').
//   escalated  → an admin resolves each open or contested slot; the last one settles the dispute.
//   withdrawn  ← the client, while open or escalated: undecided slots become billable again.
//   settled, withdrawn: final.
import type { Allowed } from './lifecycle.ts';
import { formatUtc } from './week.ts';

// The reasons and their labels are the HTTP contract's: one list, shared with the SPA.
export { DISPUTE_REASONS, type DisputeReason } from '#contract/disputes.ts';

/** The contractor has 3 days to answer. */
export const ANSWER_WINDOW_MS = 3 * 86_400_000;

export type DisputeStatus = 'open' | 'escalated' | 'settled' | 'withdrawn';
export type DisputeSlotStatus = 'open' | 'accepted' | 'contested' | 'resolved_client' | 'resolved_contractor' | 'withdrawn';

export interface DisputeState {
  status: DisputeStatus;
  answerDue: Date;
  slots: { start: string; status: DisputeSlotStatus }[];
}

export type DisputeEvent =
  | { type: 'answer'; start: string; answer: 'accept' | 'contest' } // contractor, while open, only a slot whose status is 'open'
  | { type: 'escalate_overdue' } // system, open and now ≥ answerDue
  | { type: 'resolve'; start: string; for: 'client' | 'contractor' } // admin, while escalated, a slot that is 'open' or 'contested'
  | { type: 'withdraw' }; // client, while open or escalated

/** `reason` says what is allowed now. */
export type Transition = { ok: true; state: DisputeState } | { ok: false; reason: string };

const refuse = (reason: string): Transition => ({ ok: false, reason });

/** Slot starts match as the same string, or else as the same instant ("…:00Z" and "…:00.000Z"). */
function findSlot(state: DisputeState, start: string): number {
  const exact = state.slots.findIndex((s) => s.start === start);
  if (exact >= 0) return exact;
  const t = Date.parse(start);
  if (Number.isNaN(t)) return -1;
  return state.slots.findIndex((s) => Date.parse(s.start) === t);
}

const unknownSlot = (start: string) => refuse(`No slot starting at ${start} is in this dispute.`);

const isUndecided = (s: DisputeSlotStatus) => s === 'open' || s === 'contested';

/** A deep copy of `state`: the input is never mutated, and the result shares nothing with it. */
function copy(state: DisputeState): DisputeState {
  return {
    status: state.status,
    answerDue: new Date(state.answerDue.getTime()),
    slots: state.slots.map((s) => ({ start: s.start, status: s.status })),
  };
}

/** A copy of `state` with one slot's status replaced. */
function withSlot(state: DisputeState, index: number, status: DisputeSlotStatus): DisputeState {
  const next = copy(state);
  next.slots[index] = { start: next.slots[index]!.start, status };
  return next;
}

export function applyDisputeEvent(state: DisputeState, event: DisputeEvent, now: Date): Transition {
  if (state.status === 'settled') {
    return refuse('This dispute is settled; its outcome is final and nothing more can be done to it.');
  }
  if (state.status === 'withdrawn') {
    return refuse('This dispute was withdrawn by the client; it is closed and nothing more can be done to it.');
  }
  const due = formatUtc(state.answerDue);
  const overdue = now.getTime() >= state.answerDue.getTime();

  switch (event.type) {
    case 'answer': {
      if (state.status === 'escalated') {
        return refuse('This dispute is escalated; the contractor can no longer answer, and an admin resolves the remaining slots.');
      }
      if (overdue) {
        return refuse(`The answer window closed ${due}; the dispute is escalated, and an admin resolves the unanswered slots.`);
      }
      const i = findSlot(state, event.start);
      if (i < 0) return unknownSlot(event.start);
      const current = state.slots[i]!.status;
      if (current !== 'open') {
        return refuse(`The slot at ${state.slots[i]!.start} is already answered (${current}); the other open slots can still be answered until ${due}.`);
      }
      const next = withSlot(state, i, event.answer === 'accept' ? 'accepted' : 'contested');
      if (!next.slots.some((s) => s.status === 'open')) {
        next.status = next.slots.some((s) => s.status === 'contested') ? 'escalated' : 'settled';
      }
      return { ok: true, state: next };
    }

    case 'escalate_overdue': {
      if (state.status === 'escalated') return refuse('This dispute is escalated already; an admin resolves its remaining slots.');
      if (!overdue) {
        return refuse(`The contractor may answer until ${due}; the dispute escalates only if it is still open then.`);
      }
      return { ok: true, state: { ...copy(state), status: 'escalated' } };
    }

    case 'resolve': {
      if (state.status === 'open') {
        return refuse(`This dispute is open; the contractor may answer until ${due}, and an admin resolves slots only once it is escalated.`);
      }
      const i = findSlot(state, event.start);
      if (i < 0) return unknownSlot(event.start);
      const current = state.slots[i]!.status;
      if (!isUndecided(current)) {
        return refuse(`The slot at ${state.slots[i]!.start} is decided already (${current}); only open or contested slots can be resolved.`);
      }
      const next = withSlot(state, i, event.for === 'client' ? 'resolved_client' : 'resolved_contractor');
      if (!next.slots.some((s) => isUndecided(s.status))) next.status = 'settled';
      return { ok: true, state: next };
    }

    case 'withdraw': {
      const next = copy(state);
      next.status = 'withdrawn';
      for (const s of next.slots) if (isUndecided(s.status)) s.status = 'withdrawn';
      return { ok: true, state: next };
    }

    default: {
      const unknown: never = event;
      return refuse(`Unknown dispute event ${JSON.stringify(unknown)}.`);
    }
  }
}

/**
 * The dispute as it stands at `now`: an open dispute past its answer deadline is escalated, at
 * that deadline, whether or not the sweep has recorded it yet. Reads show this; the sweep
 * (services/dispute-sweep.ts) writes it.
 */
export function disputeAt<T extends { status: DisputeStatus; answerDue: Date; escalatedAt?: Date | null }>(dispute: T, now: Date): T {
  if (dispute.status !== 'open' || now.getTime() < dispute.answerDue.getTime()) return dispute;
  return { ...dispute, status: 'escalated', escalatedAt: dispute.answerDue };
}

/** How a slot's dispute affects its state: held while unsettled, refunded when settled for the client, none otherwise. */
export function disputeEffect(slot: DisputeSlotStatus): 'held' | 'refunded' | null {
  switch (slot) {
    case 'open':
    case 'contested':
      return 'held';
    case 'accepted':
    case 'resolved_client':
      return 'refunded';
    case 'resolved_contractor':
    case 'withdrawn':
      return null;
  }
}

/**
 * Only billable slots can be disputed; a reason for the others (inactive and over-the-limit slots
 * are unpaid already; held/refunded are in a dispute already; one dispute per slot, ever).
 * A billable slot whose earlier dispute was withdrawn or settled for the contractor is billable
 * again yet still not disputable: the caller checks that against its dispute records.
 */
export function disputableState(state: 'deleted' | 'refunded' | 'held' | 'inactive' | 'over_limit' | 'billable'): Allowed {
  switch (state) {
    case 'billable':
      return { ok: true };
    case 'deleted':
      return { ok: false, reason: 'The contractor deleted this slot; it is not billed, so there is nothing to dispute.' };
    case 'refunded':
      return { ok: false, reason: 'This slot was refunded in a dispute already; a slot can be disputed only once.' };
    case 'held':
      return { ok: false, reason: 'This slot is in a dispute already; a slot can be in only one dispute.' };
    case 'inactive':
      return { ok: false, reason: 'This slot is inactive and not billed; only billable slots can be disputed.' };
    case 'over_limit':
      return { ok: false, reason: 'This slot is over the weekly limit and not billed; only billable slots can be disputed.' };
  }
}
