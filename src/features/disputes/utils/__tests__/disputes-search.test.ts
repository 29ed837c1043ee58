import { describe, expect, it } from 'vitest';
import type { DisputeSummary } from '#contract/disputes.ts';
import { activeChip, chipParam, readDisputesSearch, sortDisputes, STATUS_CHIPS } from '../disputes-search.ts';

const CONTRACT = '0b6a5c1e-8f4e-4c1a-9d7e-2f3b4a5c6d7e';

describe('readDisputesSearch', () => {
  it('gives the admin the escalated queue by default', () => {
    expect(readDisputesSearch(new URLSearchParams(''), 'admin')).toMatchObject({ statuses: ['escalated'], defaulted: true });
    expect(readDisputesSearch(new URLSearchParams(''), 'client')).toMatchObject({ statuses: [], defaulted: true });
  });
  it('reads the URL’s filters, and `all` as no status filter', () => {
    const s = readDisputesSearch(new URLSearchParams(`status=open,escalated&contractId=${CONTRACT}&week=2026-11-16`), 'admin');
    expect(s).toEqual({ statuses: ['open', 'escalated'], contractId: CONTRACT, week: '2026-11-16', defaulted: false });
    expect(readDisputesSearch(new URLSearchParams('status=all'), 'admin').statuses).toEqual([]);
  });
  it('ignores a malformed contract or a week that is not a Monday', () => {
    const s = readDisputesSearch(new URLSearchParams('contractId=nope&week=2026-11-17'), 'client');
    expect(s.contractId).toBeNull();
    expect(s.week).toBeNull();
  });
});

describe('status chips', () => {
  it('match the statuses in any order and round-trip through the URL', () => {
    expect(activeChip(['escalated', 'open'])?.key).toBe('active');
    expect(activeChip([])?.key).toBe('all');
    for (const chip of STATUS_CHIPS) {
      expect(activeChip(readDisputesSearch(new URLSearchParams({ status: chipParam(chip) }), 'admin').statuses)).toBe(chip);
    }
  });
});

const dispute = (id: string, status: DisputeSummary['status'], createdAt: string, answerDue: string, pendingCount = 1) =>
  ({ id, status, createdAt, answerDue, pendingCount }) as DisputeSummary;

describe('sortDisputes', () => {
  const list = [
    dispute('settled-new', 'settled', '2026-11-24T10:00:00Z', '2026-11-27T10:00:00Z', 0),
    dispute('open-late', 'open', '2026-11-25T10:00:00Z', '2026-11-28T10:00:00Z'),
    dispute('escalated-old', 'escalated', '2026-11-10T10:00:00Z', '2026-11-13T10:00:00Z'),
    dispute('open-soon', 'open', '2026-11-23T10:00:00Z', '2026-11-26T10:00:00Z'),
  ];
  it('puts what waits for the contractor first, soonest deadline first', () => {
    expect(sortDisputes(list, 'contractor').map((d) => d.id)).toEqual(['open-soon', 'open-late', 'settled-new', 'escalated-old']);
  });
  it('works the admin’s queue from the oldest', () => {
    expect(sortDisputes(list, 'admin').map((d) => d.id)).toEqual(['escalated-old', 'open-soon', 'settled-new', 'open-late']);
  });
  it('shows the client the unsettled first, newest first', () => {
    expect(sortDisputes(list, 'client').map((d) => d.id)).toEqual(['open-late', 'open-soon', 'escalated-old', 'settled-new']);
  });
});
