import { describe, expect, it } from 'vitest';
import { DISPUTE_REASONS, MAX_COMMENT } from '#contract/disputes.ts';
import { SLOT_STATES } from '#contract/week.ts';
import { DISPUTE_REASON_LIST, MAX_COMMENT_LENGTH, REASON_LABELS, SLOT_STATE_LABEL } from '../dispute-words.ts';

describe('the copies of the contract', () => {
  it('offer the contract’s reasons, in its order, with its words and comment limit', () => {
    expect(DISPUTE_REASON_LIST).toEqual([...DISPUTE_REASONS]);
    expect(DISPUTE_REASON_LIST.map((r) => REASON_LABELS[r])).toEqual([
      'Not work-related',
      'Low activity',
      'Memo missing or wrong',
      'Suspicious or duplicate screenshot',
      'Outside the agreed scope',
      'Other',
    ]);
    expect(MAX_COMMENT_LENGTH).toBe(MAX_COMMENT);
  });

  it('name every slot state', () => {
    expect(Object.keys(SLOT_STATE_LABEL).sort()).toEqual([...SLOT_STATES].sort());
  });
});
