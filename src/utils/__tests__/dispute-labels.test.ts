import { describe, expect, it } from 'vitest';
import {
  DISPUTE_SLOT_STATUSES,
  DISPUTE_STATUSES as CONTRACT_STATUSES,
} from '#contract/disputes.ts';
import { DISPUTE_STATUSES, parseStatuses, pendingText, SLOT_STATUS_LABEL, slotCountText } from '../dispute-labels.ts';
import { weekRangeLabel } from '#src/utils/date-format.ts';

describe('the copies of the contract', () => {
  it('has the contract’s statuses', () => {
    expect(DISPUTE_STATUSES).toEqual(CONTRACT_STATUSES);
    expect(Object.keys(SLOT_STATUS_LABEL).sort()).toEqual([...DISPUTE_SLOT_STATUSES].sort());
  });
});

describe('slot answers', () => {
  it('say the outcome along with the answer', () => {
    expect(SLOT_STATUS_LABEL.accepted).toBe('Accepted — refunded');
    expect(SLOT_STATUS_LABEL.resolved_client).toBe('Resolved for client — refunded');
    expect(SLOT_STATUS_LABEL.resolved_contractor).toBe('Resolved for contractor — billable');
    expect(SLOT_STATUS_LABEL.withdrawn).toBe('Withdrawn — billable');
  });
});

describe('parseStatuses', () => {
  it('keeps known statuses in their order and drops the rest', () => {
    expect(parseStatuses('escalated,open')).toEqual(['open', 'escalated']);
    expect(parseStatuses('open,bogus')).toEqual(['open']);
    expect(parseStatuses('')).toEqual([]);
    expect(parseStatuses(null)).toEqual([]);
  });
});

describe('pendingText', () => {
  it('speaks to the viewer about who is next', () => {
    expect(pendingText('open', 2, 'contractor')).toBe('2 waiting for your answer');
    expect(pendingText('open', 2, 'client')).toBe('2 waiting for the contractor');
    expect(pendingText('escalated', 1, 'admin')).toBe('1 to resolve');
    expect(pendingText('escalated', 1, 'client')).toBe('1 with the admin');
    expect(pendingText('settled', 0, 'client')).toBe('All decided');
    expect(pendingText('withdrawn', 3, 'client')).toBe('All decided');
  });
});

describe('weekRangeLabel and slotCountText', () => {
  it('names a week by its days', () => {
    expect(weekRangeLabel('2026-11-16')).toBe('16\u201322 Nov 2026');
    expect(weekRangeLabel('2026-11-30')).toBe('30 Nov – 6 Dec 2026');
    expect(weekRangeLabel('2026-12-28')).toBe('28 Dec 2026 – 3 Jan 2027');
  });
  it('counts slots', () => {
    expect(slotCountText(1)).toBe('1 slot');
    expect(slotCountText(4)).toBe('4 slots');
  });
});
