import { describe, expect, it } from 'vitest';
import { makeWeek } from '#src/features/diary/utils/__tests__/week-fixture.ts';
import { holdSlots } from '../create-dispute.ts';

describe('holdSlots (the optimistic "held" before the server answers)', () => {
  // Tuesday 09:00–09:30 UTC: three billable slots; the second is manual; a fourth is inactive.
  const week = () => {
    const w = makeWeek('2026-11-16', 'UTC', [198, 199, 200, 201]);
    w.slots.kind[1] = 1;
    w.slots.state[3] = 3;
    w.totals = { billable: 30, manual: 10, inactive: 10, overLimit: 0, held: 0, refunded: 0, total: 40 };
    w.days[1]!.minutes = { ...w.totals };
    return w;
  };

  it('turns the named billable slots held and moves their minutes from billable to held', () => {
    const held = holdSlots(week(), ['2026-11-17T09:00:00.000Z', '2026-11-17T09:10:00.000Z']);
    expect(held.slots.state).toEqual([2, 2, 5, 3]);
    expect(held.totals).toMatchObject({ billable: 10, manual: 0, held: 20, total: 40 });
    expect(held.days[1]!.minutes).toMatchObject({ billable: 10, manual: 0, held: 20 });
    expect(held.days[0]!.minutes.held).toBe(0);
  });

  it('leaves slots that cannot be disputed, and slots of other weeks, as they are', () => {
    const before = week();
    const same = holdSlots(before, ['2026-11-17T09:30:00.000Z', '2026-11-24T09:00:00.000Z']);
    expect(same).toBe(before);
  });
});
