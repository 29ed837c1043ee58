// The review queue: a week's slots in the order a client should look at them, flagged ones
// first, each with what flags it and the softer memo hints. Pure: the Week payload in, the
// queue out. Which slots are flagged, and why, is the shared rule in contract/suspicion.ts
// (the demo's tests judge their planted slots with it); here it meets the Week payload and words.
//
// Deleted slots are not in the queue and do not join runs. The order does not depend on the
// slots' states, so it stays put while the client flags and disputes: flagged slots first (by
// their strongest reason, then the most reasons, then time), then the rest in time order. Only
// billable slots are actionable (can be flagged); the others are shown with their state.
import { compareJudgements, judgeSlots, type MemoHint, type SlotFacts, type SuspicionReason } from '#contract/suspicion.ts';
import type { SlotKind, SlotState, Week } from '#contract/week.ts';
import { formatMinutes } from '#src/utils/duration.ts';
import { kindAt, stateAt } from './slot-states.ts';

export { LOW_ACTIVITY_MAX, REPEATED_MEMO_RUN, SAME_WINDOW_RUN } from '#contract/suspicion.ts';
export type { MemoHint, SuspicionKind, SuspicionReason } from '#contract/suspicion.ts';

const SLOT_MS = 600_000;

export interface ReviewItem {
  /** The slot's index in the Week's columns. */
  slot: number;
  /** Its start, epoch ms, and as sent in URLs (`2026-11-17T09:10:00.000Z`). */
  start: number;
  startIso: string;
  state: SlotState;
  kind: SlotKind;
  active: number;
  memo: string;
  windowTitle: string;
  shot: boolean;
  dup: boolean;
  /** The client could flag it: it is billable and has never been in a dispute. */
  actionable: boolean;
  /** What flags it for a look, the strongest first; empty when nothing does. */
  reasons: SuspicionReason[];
  /** Advice about its memo: shown, never a flag. */
  hints: MemoHint[];
}

/** The chip's words: "Duplicate screenshot", "Low activity 2/10", "Same window 2 h", "No memo", "Same memo ×14". */
export function reasonLabel(reason: SuspicionReason | MemoHint): string {
  switch (reason.kind) {
    case 'duplicate':
      return 'Duplicate screenshot';
    case 'low_activity':
      return `Low activity ${reason.active}/10`;
    case 'same_window':
      return `Same window ${formatMinutes(reason.run * 10)}`;
    case 'unrelated_window':
      return 'Unrelated window';
    case 'manual':
      return 'Manual: no screenshot';
    case 'no_memo':
      return 'No memo';
    case 'same_memo':
      return `Same memo \u00d7${reason.run}`;
  }
}

/** The same, as a sentence part for screen readers: "same memo on 14 slots in a row". */
export function reasonSpoken(reason: SuspicionReason | MemoHint): string {
  switch (reason.kind) {
    case 'duplicate':
      return 'duplicate screenshot';
    case 'low_activity':
      return `low activity, ${reason.active} of 10 minutes`;
    case 'same_window':
      return `same window for ${formatMinutes(reason.run * 10)}`;
    case 'unrelated_window':
      return 'a window unrelated to the rest of the week';
    case 'manual':
      return 'no screenshot or activity behind it';
    case 'no_memo':
      return 'hint: no memo';
    case 'same_memo':
      return `hint: same memo on ${reason.run} slots in a row`;
  }
}

/** What an item's chips say, flags first: `hint` marks the memo advice, drawn softer. */
export function itemChips(item: ReviewItem): { kind: string; label: string; hint: boolean }[] {
  return [
    ...item.reasons.map((r) => ({ kind: r.kind, label: reasonLabel(r), hint: false })),
    ...item.hints.map((h) => ({ kind: h.kind, label: reasonLabel(h), hint: true })),
  ];
}

/** The week's slots in review order, each with its reasons and hints. */
export function buildReviewQueue(week: Week): ReviewItem[] {
  const { slots, memos, titles } = week;
  const weekStart = Date.parse(week.start);
  const n = slots.offset.length;
  const memoText = (i: number) => {
    const m = slots.memo[i] ?? -1;
    return m >= 0 ? (memos[m] ?? '') : '';
  };
  const titleText = (i: number) => {
    const t = slots.title[i] ?? -1;
    return t >= 0 ? (titles[t] ?? '') : '';
  };

  // Deleted slots are gone from the client's view; they neither show nor join runs.
  const shown: number[] = [];
  for (let i = 0; i < n; i += 1) if (stateAt(slots.state[i]!) !== 'deleted') shown.push(i);
  const facts: SlotFacts[] = shown.map((i) => ({
    offset: slots.offset[i]!,
    kind: kindAt(slots.kind[i]!),
    active: slots.active[i] ?? 0,
    memo: memoText(i),
    title: titleText(i),
    dup: slots.dup[i] === 1,
  }));
  const judged = judgeSlots(facts);

  const items: ReviewItem[] = shown.map((i, k) => {
    const state = stateAt(slots.state[i]!);
    const start = weekStart + slots.offset[i]! * SLOT_MS;
    const f = facts[k]!;
    return {
      slot: i,
      start,
      startIso: new Date(start).toISOString(),
      state,
      kind: f.kind,
      active: f.active,
      memo: f.memo,
      windowTitle: f.title,
      shot: slots.shot[i] === 1,
      dup: f.dup,
      actionable: state === 'billable' && slots.disputed[i] !== 1, // a slot is disputed once, ever
      reasons: judged[k]!.reasons,
      hints: judged[k]!.hints,
    };
  });

  // Stable sort: the slots are in time order already.
  return items.sort((a, b) => compareJudgements(a, b) || a.start - b.start);
}

/** The queue's suspicious part: the slots with at least one reason (hints do not count). */
export const isSuspicious = (item: ReviewItem) => item.reasons.length > 0;
