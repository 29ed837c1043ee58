// Which slots of a week deserve a client's look, and why: the rule the review queue ranks by
// (src/features/diary/utils/suspicious.ts), kept here so the demo's tests judge the slots it
// planted with the same rule. Pure: a week's slots in, per slot the flags and the hints.
//
// A slot is flagged only for what points at paid time that may not be work:
// - duplicate: its screenshot is identical to another slot's in the contract;
// - low activity: 1–3 active minutes of 10 (0 is "inactive", already unpaid);
// - same window: in a run of SAME_WINDOW_RUN (two hours) tracked slots with one window title,
//   a screen that has not changed: what a left-open video or a mouse jiggler looks like;
// - unrelated window: a title seen on at most RARE_TITLE_MAX slots of the week that shares
//   no word with the week's memos or its recurring titles (the contract's recent work), once
//   the week holds TITLE_CONTEXT_MIN active slots to compare with;
// - manual time: no screenshot and no meter back it, only the contractor's word.
// A missing or long-repeated memo is advice, not evidence: a hint shown on the slot, never a flag
// (on the demo's weeks memo reasons alone flagged a third of the slots, burying the real ones).
// A "run" is slots back to back in time: each starts where the previous one ended.

/** Active minutes (of 10) that count as low activity; 0 is the "inactive" state. */
export const LOW_ACTIVITY_MAX = 3;
/** Consecutive tracked slots with one window title before the screen counts as unchanged (two hours). */
export const SAME_WINDOW_RUN = 12;
/** Consecutive tracked slots with one memo before the memo counts as repeated (two hours). */
export const REPEATED_MEMO_RUN = 12;
/** A title on more slots than this in the week is part of the work, whatever its words. */
export const RARE_TITLE_MAX = 2;
/** Fewer active tracked slots than this (six hours) are too little work to tell a title unrelated. */
export const TITLE_CONTEXT_MIN = 36;

export type SuspicionReason =
  | { kind: 'duplicate' }
  | { kind: 'low_activity'; active: number }
  /** `run`: how many slots in a row share the window title. */
  | { kind: 'same_window'; run: number }
  | { kind: 'unrelated_window' }
  | { kind: 'manual' };
export type SuspicionKind = SuspicionReason['kind'];

export type MemoHint = { kind: 'no_memo' } | { kind: 'same_memo'; run: number };
export type MemoHintKind = MemoHint['kind'];

/** The reasons by weight, the strongest first: the queue lists a slot by its strongest reason. */
export const REASON_RANK: Record<SuspicionKind, number> = { duplicate: 0, low_activity: 1, same_window: 2, unrelated_window: 3, manual: 4 };

/** What the rule reads of a slot (deleted slots are left out by the caller). */
export interface SlotFacts {
  /** In 10-minute steps from any fixed instant (the week's Monday), ascending. */
  offset: number;
  kind: 'tracked' | 'manual';
  active: number;
  memo: string;
  title: string;
  dup: boolean;
}

export interface Judgement {
  /** Strongest first (REASON_RANK). */
  reasons: SuspicionReason[];
  hints: MemoHint[];
}

/**
 * For each slot, the length of the run of equal keys it belongs to (0 where the key is null).
 * A run needs each slot to start where the previous one ended.
 */
function runLengths(offsets: readonly number[], keys: readonly (string | null)[]): number[] {
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

/** The words that tell what a text is about: letters and digits, four or more, lower case. */
const words = (text: string) => (text.toLowerCase().match(/[\p{L}\p{N}]{4,}/gu) ?? []) as string[];

/** A title without its application ("… — Google Chrome", "… - Word"): what the window shows. */
const subject = (title: string) => title.replace(/\s+[-–—]\s+[^-–—]*$/u, '');

/** The rare titles that share no word with the week's memos or its recurring titles. */
function unrelatedTitles(slots: readonly SlotFacts[]): Set<string> {
  const out = new Set<string>();
  const count = new Map<string, number>();
  for (const s of slots) if (s.kind === 'tracked' && s.active > 0 && s.title.trim()) count.set(s.title, (count.get(s.title) ?? 0) + 1);
  if ([...count.values()].reduce((a, b) => a + b, 0) < TITLE_CONTEXT_MIN) return out;
  const known = new Set<string>();
  for (const s of slots) for (const w of words(s.memo)) known.add(w);
  for (const [title, n] of count) if (n > RARE_TITLE_MAX) for (const w of words(subject(title))) known.add(w);
  for (const [title, n] of count) {
    if (n > RARE_TITLE_MAX) continue;
    const own = words(subject(title));
    if (own.length > 0 && !own.some((w) => known.has(w))) out.add(title);
  }
  return out;
}

/** Each slot's flags and hints, in the slots' order. */
export function judgeSlots(slots: readonly SlotFacts[]): Judgement[] {
  const offsets = slots.map((s) => s.offset);
  const tracked = (s: SlotFacts, text: string) => (s.kind === 'tracked' && text.trim() ? text.trim() : null);
  // Runs compare the text: the same words are the same memo.
  const memoRuns = runLengths(offsets, slots.map((s) => tracked(s, s.memo)));
  const titleRuns = runLengths(offsets, slots.map((s) => tracked(s, s.title)));
  const unrelated = unrelatedTitles(slots);
  return slots.map((s, k) => {
    const reasons: SuspicionReason[] = [];
    if (s.dup) reasons.push({ kind: 'duplicate' });
    if (s.kind === 'tracked' && s.active >= 1 && s.active <= LOW_ACTIVITY_MAX) reasons.push({ kind: 'low_activity', active: s.active });
    if (titleRuns[k]! >= SAME_WINDOW_RUN) reasons.push({ kind: 'same_window', run: titleRuns[k]! });
    // An idle slot's window (a lock screen) says nothing about the work.
    if (s.kind === 'tracked' && s.active > 0 && unrelated.has(s.title)) reasons.push({ kind: 'unrelated_window' });
    if (s.kind === 'manual') reasons.push({ kind: 'manual' });
    const hints: MemoHint[] = [];
    if (!s.memo.trim()) hints.push({ kind: 'no_memo' });
    else if (memoRuns[k]! >= REPEATED_MEMO_RUN) hints.push({ kind: 'same_memo', run: memoRuns[k]! });
    return { reasons, hints };
  });
}

/** The queue's order: flagged slots first, by their strongest reason, then by how many; the rest after. */
export function compareJudgements(a: Judgement, b: Judgement): number {
  const rank = (j: Judgement) => (j.reasons.length ? REASON_RANK[j.reasons[0]!.kind] : Infinity);
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  return b.reasons.length - a.reasons.length;
}
