// The review queue: a week's slots in the order a client should look at them, suspicious ones
// first, each with the reasons it looks suspicious. Pure: the Week payload in, the queue out.
//
// The reasons and their thresholds (a "run" is slots back to back in time: each starts where
// the previous one ended; a gap in the work ends it):
// - duplicate screenshot: the slot's image is identical to another slot's in the contract
//   (the server's `dup` flag, from the image hash);
// - no memo: a slot without a memo (or with only blanks);
// - same memo: the slot is in a run of at least REPEATED_MEMO_RUN (12 = two hours) tracked
//   slots with the same memo. One hour would be the obvious pick, but people write one memo per
//   task: on the demo's weeks a 1-hour threshold marks 70–90% of the slots, burying the real
//   signals; at two hours it marks the stretches that never changed their description;
// - low activity: 1–3 active minutes of 10 (0 is "inactive", a state already unpaid);
// - same window: the slot is in a run of at least SAME_WINDOW_RUN (12 = two hours) tracked
//   slots with the same window title: hours in one window is what a left-open video or a
//   mouse jiggler looks like.
// Manual slots (no screenshot, no meter, one memo for the whole block by design) are judged
// only on a missing memo, and they break tracked runs. Deleted slots are not in the queue.
//
// The order does not depend on the slots' states, so it stays put while the client flags and
// disputes: slots with reasons first (most reasons first, then time order), then the rest in
// time order. Only billable slots are actionable (can be flagged); the others are shown with
// their state.
import type { SlotKind, SlotState, Week } from '#contract/week.ts';
import { formatMinutes } from '#src/utils/duration.ts';
import { kindAt, stateAt } from './slot-states.ts';

const SLOT_MS = 600_000;

/** Consecutive tracked slots with one memo before the memo counts as repeated (two hours). */
export const REPEATED_MEMO_RUN = 12;
/** Consecutive tracked slots with one window title before it counts as suspicious (two hours). */
export const SAME_WINDOW_RUN = 12;
/** Active minutes (of 10) that count as low activity; 0 is the "inactive" state. */
export const LOW_ACTIVITY_MAX = 3;

export type SuspicionReason =
  | { kind: 'duplicate' }
  | { kind: 'no_memo' }
  /** `run`: how many slots in a row share the memo. */
  | { kind: 'same_memo'; run: number }
  | { kind: 'low_activity'; active: number }
  /** `run`: how many slots in a row share the window title. */
  | { kind: 'same_window'; run: number };

export type SuspicionKind = SuspicionReason['kind'];

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
  /** In the order they are listed in SuspicionKind's chips: duplicate, memo, activity, window. */
  reasons: SuspicionReason[];
}

/** The chip's words: "Duplicate screenshot", "No memo", "Same memo ×8", "Low activity 2/10", "Same window 3 h". */
export function reasonLabel(reason: SuspicionReason): string {
  switch (reason.kind) {
    case 'duplicate':
      return 'Duplicate screenshot';
    case 'no_memo':
      return 'No memo';
    case 'same_memo':
      return `Same memo \u00d7${reason.run}`;
    case 'low_activity':
      return `Low activity ${reason.active}/10`;
    case 'same_window':
      return `Same window ${formatMinutes(reason.run * 10)}`;
  }
}

/** The same, as a sentence part for screen readers: "same memo on 8 slots in a row". */
export function reasonSpoken(reason: SuspicionReason): string {
  switch (reason.kind) {
    case 'duplicate':
      return 'duplicate screenshot';
    case 'no_memo':
      return 'no memo';
    case 'same_memo':
      return `same memo on ${reason.run} slots in a row`;
    case 'low_activity':
      return `low activity, ${reason.active} of 10 minutes`;
    case 'same_window':
      return `same window for ${formatMinutes(reason.run * 10)}`;
  }
}

/**
 * For each slot, the length of the run of equal keys it belongs to (0 where the key is null).
 * A run needs each slot to start where the previous one ended.
 */
function runLengths(offsets: number[], keys: (string | null)[]): number[] {
  const out = new Array<number>(offsets.length).fill(0);
  let i = 0;
  while (i < offsets.length) {
    const key = keys[i];
    if (key === null || key === undefined) {
      i += 1;
      continue;
    }
    let j = i + 1;
    while (j < offsets.length && keys[j] === key && offsets[j] === offsets[j - 1]! + 1) j += 1;
    for (let k = i; k < j; k += 1) out[k] = j - i;
    i = j;
  }
  return out;
}

/** The week's slots in review order, each with its reasons. */
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
  const offsets = shown.map((i) => slots.offset[i]!);
  const tracked = shown.map((i) => kindAt(slots.kind[i]!) === 'tracked');
  // Runs compare the text, not the index: the same words are the same memo.
  const memoRuns = runLengths(
    offsets,
    shown.map((i, k) => {
      const text = memoText(i).trim();
      return tracked[k] && text ? text : null;
    }),
  );
  const titleRuns = runLengths(
    offsets,
    shown.map((i, k) => {
      const text = titleText(i).trim();
      return tracked[k] && text ? text : null;
    }),
  );

  const items: ReviewItem[] = shown.map((i, k) => {
    const state = stateAt(slots.state[i]!);
    const kind = kindAt(slots.kind[i]!);
    const active = slots.active[i] ?? 0;
    const memo = memoText(i);
    const dup = slots.dup[i] === 1;
    const reasons: SuspicionReason[] = [];
    if (dup) reasons.push({ kind: 'duplicate' });
    if (!memo.trim()) reasons.push({ kind: 'no_memo' });
    else if (memoRuns[k]! >= REPEATED_MEMO_RUN) reasons.push({ kind: 'same_memo', run: memoRuns[k]! });
    if (kind === 'tracked' && active >= 1 && active <= LOW_ACTIVITY_MAX) reasons.push({ kind: 'low_activity', active });
    if (titleRuns[k]! >= SAME_WINDOW_RUN) reasons.push({ kind: 'same_window', run: titleRuns[k]! });
    const start = weekStart + slots.offset[i]! * SLOT_MS;
    return {
      slot: i,
      start,
      startIso: new Date(start).toISOString(),
      state,
      kind,
      active,
      memo,
      windowTitle: titleText(i),
      shot: slots.shot[i] === 1,
      dup,
      actionable: state === 'billable' && slots.disputed[i] !== 1, // a slot is disputed once, ever
      reasons,
    };
  });

  // Stable sort: the slots are in time order already.
  return items.sort((a, b) => {
    const sa = a.reasons.length > 0 ? 1 : 0;
    const sb = b.reasons.length > 0 ? 1 : 0;
    if (sa !== sb) return sb - sa;
    if (sa === 1 && a.reasons.length !== b.reasons.length) return b.reasons.length - a.reasons.length;
    return a.start - b.start;
  });
}

/** The queue's suspicious part: the slots with at least one reason. */
export const isSuspicious = (item: ReviewItem) => item.reasons.length > 0;
