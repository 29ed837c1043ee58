import { describe, expect, it } from 'vitest';
import { SLOT_KINDS as CONTRACT_KINDS, SLOT_STATES as CONTRACT_STATES } from '#contract/week.ts';
import { slotButtonName, slotRange } from '../slot-labels.ts';
import { SLOT_KINDS, SLOT_STATES } from '../slot-states.ts';

describe('slot labels', () => {
  it('shows a slot as a 24-hour range in the chosen zone', () => {
    const start = Date.parse('2026-11-24T09:10:00Z');
    expect(slotRange(start, 'UTC')).toBe('09:10–09:20');
    expect(slotRange(start, 'Europe/Berlin')).toBe('10:10–10:20');
    expect(slotRange(Date.parse('2026-11-24T23:50:00Z'), 'UTC')).toBe('23:50–00:00');
    expect(slotRange(start, 'America/New_York')).toBe('04:10–04:20');
  });

  it('names the open button by its time and what it is worth', () => {
    const range = '09:10–09:20';
    expect(slotButtonName({ range, state: 'billable', kind: 'tracked', active: 8 })).toBe('09:10–09:20, active 8 of 10 minutes');
    expect(slotButtonName({ range, state: 'billable', kind: 'manual', active: 0 })).toBe('09:10–09:20, manual time');
    expect(slotButtonName({ range, state: 'inactive', kind: 'tracked', active: 0 })).toBe('09:10–09:20, inactive, 0 of 10 minutes');
    expect(slotButtonName({ range, state: 'over_limit', kind: 'tracked', active: 6 })).toBe('09:10–09:20, over the limit');
    expect(slotButtonName({ range, state: 'held', kind: 'tracked', active: 6 })).toBe('09:10–09:20, held');
    expect(slotButtonName({ range, state: 'refunded', kind: 'manual', active: 0 })).toBe('09:10–09:20, refunded, manual time');
  });

  it('decodes states and kinds in the same order as the contract', () => {
    expect(SLOT_STATES).toEqual(CONTRACT_STATES);
    expect(SLOT_KINDS).toEqual(CONTRACT_KINDS);
  });
});
