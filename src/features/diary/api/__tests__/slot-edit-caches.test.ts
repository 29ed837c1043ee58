// The cached week after a contractor's edit, before the refetch lands: what the grid and the
// toolbar's totals show in the meantime.
import { describe, expect, it } from 'vitest';
import { makeWeek } from '#src/features/diary/utils/__tests__/week-fixture.ts';
import { withSlotDeleted } from '../delete-slot.ts';
import { withMemo } from '../edit-slot-memo.ts';

const INACTIVE = 3;
const MANUAL = 1;

/** Monday 23 Nov 2026 (UTC) with slots at 09:00, 09:10, 09:20 and Tuesday 10:00. */
function week() {
  const w = makeWeek('2026-11-23', 'UTC', [54, 55, 56, 144 + 60]);
  w.slots.state[1] = INACTIVE;
  w.slots.kind[2] = MANUAL;
  w.totals = { billable: 30, manual: 10, inactive: 10, overLimit: 0, held: 0, refunded: 0, total: 40 };
  w.days[0]!.minutes = { billable: 20, manual: 10, inactive: 10, overLimit: 0, held: 0, refunded: 0, total: 30 };
  w.days[1]!.minutes = { billable: 10, manual: 0, inactive: 0, overLimit: 0, held: 0, refunded: 0, total: 10 };
  return w;
}

describe('withSlotDeleted', () => {
  it('keeps the slot as deleted, without its screenshot, and takes its 10 minutes off its day and the week', () => {
    const w = week();
    const after = withSlotDeleted(w, '2026-11-23T09:10:00.000Z');
    expect(after.slots.offset).toEqual([54, 55, 56, 204]);
    expect(after.slots.state).toEqual([5, 0, 5, 5]);
    expect(after.slots.shot).toEqual([1, 0, 1, 1]);
    expect(after.slots.deletedAt).toEqual([null, w.now, null, null]);
    expect(after.totals).toMatchObject({ inactive: 0, billable: 30, total: 30 });
    expect(after.days[0]!.minutes).toMatchObject({ inactive: 0, total: 20 });
    expect(after.days[1]!.minutes.total).toBe(10);
  });

  it('takes a billable manual slot out of the manual minutes too', () => {
    const after = withSlotDeleted(week(), '2026-11-23T09:20:00.000Z');
    expect(after.totals).toMatchObject({ billable: 20, manual: 0, total: 30 });
    expect(after.days[0]!.minutes).toMatchObject({ billable: 10, manual: 0, total: 20 });
  });

  it('leaves a week without that slot, or with it deleted already, as it is', () => {
    const w = week();
    expect(withSlotDeleted(w, '2026-11-23T12:00:00.000Z')).toBe(w);
    const once = withSlotDeleted(w, '2026-11-23T09:00:00.000Z');
    expect(withSlotDeleted(once, '2026-11-23T09:00:00.000Z')).toBe(once);
  });
});

describe('withMemo', () => {
  it('points the slot at its new memo and leaves the others alone', () => {
    const after = withMemo(week(), '2026-11-23T09:10:00.000Z', 'Logo review call');
    expect(after.memos).toEqual(['Working on it', 'Logo review call']);
    expect(after.slots.memo).toEqual([0, 1, 0, 0]);
  });

  it('reuses a memo the week already has, and an empty memo means none', () => {
    const w = withMemo(week(), '2026-11-23T09:10:00.000Z', '');
    expect(w.slots.memo).toEqual([0, -1, 0, 0]);
    const back = withMemo(w, '2026-11-23T09:10:00.000Z', 'Working on it');
    expect(back.memos).toEqual(['Working on it']);
    expect(back.slots.memo).toEqual([0, 0, 0, 0]);
  });
});
