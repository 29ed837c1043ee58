import { describe, expect, it } from 'vitest';
import { DISPUTE_REASONS, MAX_COMMENT, REASON_LABELS as CONTRACT_REASONS } from '#contract/disputes.ts';
import { SLOT_STATES } from '#contract/week.ts';
import { DISPUTE_REASON_LIST, MAX_COMMENT_LENGTH, REASON_LABELS, SLOT_STATE_LABEL } from '../dispute-words.ts';

describe('the copies of the contract', () => {
  it('offer the contract’s reasons, in its order, with its words and comment limit', () => {
    expect(DISPUTE_REASON_LIST).toEqual([...DISPUTE_REASONS]);
    expect(REASON_LABELS).toEqual(CONTRACT_REASONS);
    expect(MAX_COMMENT_LENGTH).toBe(MAX_COMMENT);
  });

  it('name every slot state', () => {
    expect(Object.keys(SLOT_STATE_LABEL).sort()).toEqual([...SLOT_STATES].sort());
  });
});
