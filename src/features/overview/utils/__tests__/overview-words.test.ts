import { describe, expect, it } from 'vitest';
import { reviewState } from '../overview-words.ts';

const minutes = (total: number) => ({ billable: total, manual: 0, inactive: 0, overLimit: 0, held: 0, refunded: 0, total });

describe('reviewState', () => {
  const now = Date.parse('2026-11-25T15:00:00Z');
  const reviewUntil = '2026-11-28T00:00:00.000Z';
  it('says how long the review window stays open, or how the week was approved', () => {
    expect(reviewState({ status: 'in_review', reviewUntil, minutes: minutes(60) }, now)).toBe('In review: closes in 2 d 9 h');
    expect(reviewState({ status: 'approved', reviewUntil, minutes: minutes(60) }, now)).toBe('Approved');
    expect(reviewState({ status: 'auto_approved', reviewUntil, minutes: minutes(60) }, now)).toBe('Approved automatically');
  });
  it('does not ask for a review of a week without time', () => {
    expect(reviewState({ status: 'in_review', reviewUntil, minutes: minutes(0) }, now)).toBe('No time tracked');
  });
});
