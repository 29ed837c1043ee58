import { describe, expect, it } from 'vitest';
import type { Week } from '#contract/week.ts';
import { buildReviewQueue, isSuspicious, itemChips, reasonLabel, REPEATED_MEMO_RUN, SAME_WINDOW_RUN, type ReviewItem } from '../suspicious.ts';
import { hourOffsets, makeWeek } from './week-fixture.ts';

const STATE = { deleted: 0, refunded: 1, held: 2, inactive: 3, over_limit: 4, billable: 5 } as const;

/** The windows of ordinary work, taken in turn: each recurs, and never twice in a row. */
const WORK_TITLES = ['planner.ts — robot-arm — Visual Studio Code', 'dev@acme-ws: ~/robot-arm', 'ARM-231 Planner: collision check — Google Chrome'];

/**
 * A week of the given offsets where every slot has its own memo, the work's windows in turn,
 * 8 active minutes and a unique screenshot: nothing suspicious until a test says so.
 */
function plainWeek(offsets: number[]): Week {
  const week = makeWeek('2026-11-16', 'UTC', offsets);
  const n = week.slots.offset.length;
  week.memos = week.slots.offset.map((o) => `Planner task ${o}`);
  week.titles = [...WORK_TITLES];
  week.slots.memo = Array.from({ length: n }, (_, i) => i);
  week.slots.title = Array.from({ length: n }, (_, i) => i % WORK_TITLES.length);
  return week;
}

/** Slot index → the index of a new memo/title shared by the given slots. */
function shareMemo(week: Week, slots: number[], text: string) {
  week.memos.push(text);
  for (const s of slots) week.slots.memo[s] = week.memos.length - 1;
}
function shareTitle(week: Week, slots: number[], text: string) {
  week.titles.push(text);
  for (const s of slots) week.slots.title[s] = week.titles.length - 1;
}

const range = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);
const labels = (item: ReviewItem | undefined) => item?.reasons.map(reasonLabel) ?? [];
const hints = (item: ReviewItem | undefined) => item?.hints.map(reasonLabel) ?? [];
const bySlot = (queue: ReviewItem[], slot: number) => queue.find((q) => q.slot === slot);

// Tuesday 09:00–12:00 UTC: 18 slots back to back.
const MORNING = [...hourOffsets(1, 9), ...hourOffsets(1, 10), ...hourOffsets(1, 11)];
// Tuesday 08:00–13:00 UTC: 30 slots back to back.
const DAY = [8, 9, 10, 11, 12].flatMap((h) => hourOffsets(1, h));
// Tuesday and Wednesday 08:00–16:00 UTC: 96 slots, enough work to tell a window unrelated.
const TWO_DAYS = [1, 2].flatMap((d) => [8, 9, 10, 11, 12, 13, 14, 15].flatMap((h) => hourOffsets(d, h)));

describe('buildReviewQueue', () => {
  it('lists an unremarkable week in time order, with no reasons or hints, every billable slot actionable', () => {
    const queue = buildReviewQueue(plainWeek(TWO_DAYS));
    expect(queue).toHaveLength(96);
    expect(queue.every((q) => q.reasons.length === 0 && q.hints.length === 0 && q.actionable && !isSuspicious(q))).toBe(true);
    expect(queue.map((q) => q.start)).toEqual([...queue.map((q) => q.start)].sort((a, b) => a - b));
    expect(queue[0]!.startIso).toBe('2026-11-17T08:00:00.000Z');
    expect(queue[0]!.memo).toBe(`Planner task ${TWO_DAYS[0]}`);
    expect(queue[0]!.windowTitle).toBe(WORK_TITLES[0]);
  });

  it('flags a duplicate screenshot', () => {
    const week = plainWeek(MORNING);
    week.slots.dup[4] = 1;
    const queue = buildReviewQueue(week);
    expect(labels(bySlot(queue, 4))).toEqual(['Duplicate screenshot']);
    expect(queue[0]!.slot).toBe(4);
  });

  it('gives a missing memo, or one of blanks, a hint, not a flag', () => {
    const week = plainWeek(MORNING);
    week.slots.memo[2] = -1;
    week.memos.push('   ');
    week.slots.memo[7] = week.memos.length - 1;
    const queue = buildReviewQueue(week);
    for (const s of [2, 7]) {
      expect(bySlot(queue, s)!.reasons).toEqual([]);
      expect(hints(bySlot(queue, s))).toEqual(['No memo']);
    }
    expect(queue.filter(isSuspicious)).toEqual([]);
    expect(queue.map((q) => q.slot)).toEqual(range(0, 18)); // time order: hints do not rank
    expect(itemChips(bySlot(queue, 2)!)).toEqual([{ kind: 'no_memo', label: 'No memo', hint: true }]);
  });

  it(`hints at a memo repeated on ${REPEATED_MEMO_RUN} slots in a row, not on one fewer, and flags neither`, () => {
    const week = plainWeek(DAY);
    shareMemo(week, range(0, REPEATED_MEMO_RUN - 1), 'Fixing the login form');
    shareMemo(week, range(REPEATED_MEMO_RUN, REPEATED_MEMO_RUN + 2), 'Writing tests');
    const queue = buildReviewQueue(week);
    for (const s of range(0, REPEATED_MEMO_RUN - 1)) expect(bySlot(queue, s)!.hints).toEqual([]);
    for (const s of range(REPEATED_MEMO_RUN, REPEATED_MEMO_RUN + 2)) {
      expect(hints(bySlot(queue, s))).toEqual([`Same memo \u00d7${REPEATED_MEMO_RUN + 2}`]);
    }
    expect(bySlot(queue, 2 * REPEATED_MEMO_RUN + 2)!.hints).toEqual([]);
    expect(queue.filter(isSuspicious)).toEqual([]);
  });

  it('counts a run of the same memo only while the slots are back to back, by its words', () => {
    // Tuesday 09:00–10:40 and 11:00–12:40: 10 + 10 slots with the same memo, 20 minutes apart.
    const offsets = [...hourOffsets(1, 9), ...hourOffsets(1, 10, [0, 1, 2, 3]), ...hourOffsets(1, 11), ...hourOffsets(1, 12, [0, 1, 2, 3])];
    const week = plainWeek(offsets);
    shareMemo(week, range(0, 20), 'Same thing');
    expect(buildReviewQueue(week).filter((q) => q.hints.length)).toEqual([]);
    // Without the gap, the same words (each its own memo entry) are one run.
    const unbroken = plainWeek(range(DAY[0]!, 20));
    for (const s of range(0, 20)) {
      unbroken.memos.push('Same thing');
      unbroken.slots.memo[s] = unbroken.memos.length - 1;
    }
    expect(buildReviewQueue(unbroken).filter((q) => q.hints.length)).toHaveLength(20);
  });

  it('flags low activity at 1 to 3 active minutes, not at 0 (inactive) or 4', () => {
    const week = plainWeek(MORNING);
    week.slots.active[0] = 0;
    week.slots.state[0] = STATE.inactive;
    week.slots.active[1] = 1;
    week.slots.active[2] = 2;
    week.slots.active[3] = 3;
    week.slots.active[4] = 4;
    const queue = buildReviewQueue(week);
    expect(bySlot(queue, 0)!.reasons).toEqual([]);
    expect(labels(bySlot(queue, 1))).toEqual(['Low activity 1/10']);
    expect(labels(bySlot(queue, 2))).toEqual(['Low activity 2/10']);
    expect(labels(bySlot(queue, 3))).toEqual(['Low activity 3/10']);
    expect(bySlot(queue, 4)!.reasons).toEqual([]);
  });

  it(`flags ${SAME_WINDOW_RUN} slots in a row in the same window (2 h), not ${SAME_WINDOW_RUN - 1}`, () => {
    const week = plainWeek(MORNING);
    shareTitle(week, range(0, SAME_WINDOW_RUN - 1), 'YouTube — Chromium');
    expect(buildReviewQueue(week).filter(isSuspicious)).toEqual([]);

    const longer = plainWeek(MORNING);
    shareTitle(longer, range(0, 18), 'YouTube — Chromium');
    const queue = buildReviewQueue(longer);
    expect(queue.filter(isSuspicious)).toHaveLength(18);
    expect(labels(queue[0])).toEqual(['Same window 3 h']);
  });

  it('flags a window unrelated to the week: rare, and sharing no word with its memos or recurring windows', () => {
    const week = plainWeek(TWO_DAYS);
    shareTitle(week, [5], 'Champions League highlights - YouTube — Google Chrome');
    shareTitle(week, [40], 'Collision checks for capsules - Stack Overflow — Google Chrome'); // "collision", as in ARM-231
    shareTitle(week, [60], 'Planner tuning notes — Notion'); // "planner", as in the memos
    shareTitle(week, [70, 74, 78], 'Grafana — Google Chrome'); // three times: part of the work
    shareTitle(week, [90], 'Cheap flights to Lisbon — Google Chrome');
    week.slots.active[90] = 0; // idle: the screen says nothing about work
    week.slots.state[90] = STATE.inactive;
    const queue = buildReviewQueue(week);
    expect(labels(bySlot(queue, 5))).toEqual(['Unrelated window']);
    expect(queue.filter(isSuspicious).map((q) => q.slot)).toEqual([5]);
    // Too little work to compare with: the first hours of a week judge no window unrelated.
    const early = plainWeek(MORNING);
    shareTitle(early, [5], 'Champions League highlights - YouTube — Google Chrome');
    expect(buildReviewQueue(early).filter(isSuspicious)).toEqual([]);
  });

  it('flags manual time, never on its memo, and lets it break tracked runs', () => {
    const week = plainWeek(DAY);
    // A 3-hour manual block with one memo: "manual", no "same memo", no activity reason.
    shareMemo(week, range(0, 18), 'Client call');
    for (const s of range(0, 18)) {
      week.slots.kind[s] = 1;
      week.slots.active[s] = 0;
      week.slots.shot[s] = 0;
      week.slots.title[s] = -1;
    }
    // A manual slot inside the next 12 same-window slots splits them into 6 + 5.
    shareTitle(week, range(18, 12), 'Terminal');
    week.slots.kind[24] = 1;
    week.slots.title[24] = -1;
    const queue = buildReviewQueue(week);
    expect(queue.filter(isSuspicious).map((q) => q.slot)).toEqual([...range(0, 18), 24]);
    expect(labels(bySlot(queue, 0))).toEqual(['Manual: no screenshot']);
    expect(bySlot(queue, 0)!.hints).toEqual([]);
    expect(bySlot(queue, 0)!.kind).toBe('manual');
  });

  it('ranks the reasons: the strongest first, then the most reasons, then time; the rest in time order', () => {
    const week = plainWeek(MORNING);
    week.slots.kind[1] = 1; // manual, early: the weakest reason
    week.slots.active[1] = 0;
    week.slots.active[3] = 2; // low activity
    week.slots.dup[10] = 1; // duplicate, later
    week.slots.dup[15] = 1; // duplicate and low activity
    week.slots.active[15] = 1;
    week.slots.memo[15] = -1;
    week.slots.dup[12] = 1; // duplicate only
    const queue = buildReviewQueue(week);
    expect(queue.slice(0, 5).map((q) => q.slot)).toEqual([15, 10, 12, 3, 1]);
    expect(labels(queue[0])).toEqual(['Duplicate screenshot', 'Low activity 1/10']);
    expect(hints(queue[0])).toEqual(['No memo']);
    const rest = queue.slice(5);
    expect(rest.every((q) => q.reasons.length === 0)).toBe(true);
    expect(rest.map((q) => q.slot)).toEqual(range(0, 18).filter((s) => ![1, 3, 10, 12, 15].includes(s)));
  });

  it('keeps the order when slots change state, and only billable slots are actionable', () => {
    const week = plainWeek(MORNING);
    week.slots.dup[5] = 1;
    week.slots.dup[9] = 1;
    const before = buildReviewQueue(week).map((q) => q.slot);
    week.slots.state[5] = STATE.held;
    week.slots.state[0] = STATE.refunded;
    week.slots.state[1] = STATE.over_limit;
    week.slots.state[2] = STATE.inactive;
    week.slots.active[2] = 0;
    const queue = buildReviewQueue(week);
    expect(queue.map((q) => q.slot)).toEqual(before);
    expect(bySlot(queue, 5)).toMatchObject({ state: 'held', actionable: false });
    expect(labels(bySlot(queue, 5))).toEqual(['Duplicate screenshot']);
    expect(bySlot(queue, 0)).toMatchObject({ state: 'refunded', actionable: false });
    expect(bySlot(queue, 1)).toMatchObject({ state: 'over_limit', actionable: false });
    expect(bySlot(queue, 2)).toMatchObject({ state: 'inactive', actionable: false });
    expect(bySlot(queue, 9)).toMatchObject({ state: 'billable', actionable: true });
  });

  it('leaves deleted slots out, and they neither join nor extend a run', () => {
    const week = plainWeek(DAY);
    shareTitle(week, range(0, SAME_WINDOW_RUN + 1), 'Same window');
    week.slots.state[3] = STATE.deleted;
    const queue = buildReviewQueue(week);
    expect(queue).toHaveLength(29);
    expect(bySlot(queue, 3)).toBeUndefined();
    expect(queue.filter(isSuspicious)).toEqual([]);
  });

  it('gives an empty queue for an empty week', () => {
    expect(buildReviewQueue(plainWeek([]))).toEqual([]);
  });
});
