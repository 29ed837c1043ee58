// The memo is shown once per run of consecutive slots with the same memo, and again on each
// hour row's first card.
import { describe, expect, it } from 'vitest';
import { buildDiaryLayout } from '../diary-rows.ts';
import { memoRunStarts } from '../memo-runs.ts';
import { hourOffsets, makeWeek } from './week-fixture.ts';

function starts(offsets: number[], memos: number[]) {
  const week = makeWeek('2026-11-23', 'UTC', offsets);
  week.slots.memo = memos;
  week.memos = ['Billing API', 'Reviews'];
  return Array.from(memoRunStarts(week.slots, buildDiaryLayout(week)));
}

describe('memoRunStarts', () => {
  it('shows a memo on the first slot of a run of the same memo only', () => {
    expect(starts(hourOffsets(0, 9), [0, 0, 0, 1, 1, 0])).toEqual([1, 0, 0, 1, 0, 1]);
  });

  it('starts a new run after untracked time, even with the same memo', () => {
    expect(starts(hourOffsets(0, 9, [0, 1, 3, 4]), [0, 0, 0, 0])).toEqual([1, 0, 1, 0]);
  });

  it('treats slots without a memo as a run of their own', () => {
    expect(starts(hourOffsets(0, 9, [0, 1, 2]), [-1, -1, 0])).toEqual([1, 0, 1]);
  });

  it('repeats the memo on the first card of the next hour row', () => {
    expect(starts([...hourOffsets(0, 9, [4, 5]), ...hourOffsets(0, 10, [0, 1])], [0, 0, 0, 0])).toEqual([1, 0, 1, 0]);
  });
});
