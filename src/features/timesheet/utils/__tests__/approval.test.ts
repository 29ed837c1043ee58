import { describe, expect, it } from 'vitest';
import type { Approval, Timesheet } from '#contract/timesheet.ts';
import { optimisticApproval, withApproval } from '../approval.ts';
import { STATE_COLUMNS, sumOfStates } from '../timesheet-columns.ts';
import { WEEK_STATUS_LABEL } from '../week-status.ts';

const minutes = { billable: 1200, manual: 60, inactive: 30, overLimit: 0, held: 40, refunded: 10, total: 1280 };

const sheet: Timesheet = {
  contractId: '0b6a5c1e-8f4e-4c1a-9d7e-2f3b4a5c6d7e',
  weekStart: '2026-11-16',
  start: '2026-11-16T00:00:00.000Z',
  end: '2026-11-23T00:00:00.000Z',
  timeZone: 'UTC',
  now: '2026-11-25T15:00:00.000Z',
  status: 'in_review',
  deadlines: { editUntil: '2026-11-23T12:00:00.000Z', reviewFrom: '2026-11-23T12:00:00.000Z', reviewUntil: '2026-11-28T00:00:00.000Z' },
  currency: 'USD',
  terms: { hourlyRate: 6500, weeklyLimitHours: 40, manualTimeAllowed: true },
  days: [],
  totals: minutes,
  amounts: { billable: 130000, held: 4333, refunded: 1083 },
  approval: null,
  disputes: { open: 1, escalated: 0, settled: 0, withdrawn: 0 },
  actions: {
    approve: { allowed: true, reason: null },
    dispute: { allowed: true, reason: null },
    edit: { allowed: false, reason: 'Edits closed Monday 23 November 12:00 UTC.' },
  },
};

describe('approving on screen', () => {
  it('shows the week approved and locked at once, by the client, with the amounts on screen', () => {
    const next = optimisticApproval(sheet, { id: 'u1', name: 'Alice Client' }, '2026-11-25T15:00:01.000Z');
    expect(next.status).toBe('approved');
    expect(WEEK_STATUS_LABEL[next.status]).toBe('Approved · locked');
    expect(next.approval).toMatchObject({ kind: 'manual', approvedBy: { name: 'Alice Client' }, approvedAt: '2026-11-25T15:00:01.000Z' });
    expect(next.approval?.amounts).toEqual(sheet.amounts);
    expect(next.actions.approve.allowed).toBe(false);
    expect(next.actions.dispute.allowed).toBe(false);
    // The rest of the timesheet is untouched (and the original is not mutated).
    expect(next.totals).toBe(sheet.totals);
    expect(sheet.status).toBe('in_review');
  });

  it('takes the server’s approval as it is, auto or manual', () => {
    const auto: Approval = { ...optimisticApproval(sheet, { id: 'u1', name: 'A' }, sheet.now).approval!, kind: 'auto', approvedBy: null };
    expect(withApproval(sheet, auto).status).toBe('auto_approved');
    expect(WEEK_STATUS_LABEL.auto_approved).toBe('Auto-approved · locked');
  });
});

describe('state columns', () => {
  it('are the five states a slot the client sees can be in, and add up to the total', () => {
    expect(STATE_COLUMNS.map((c) => c.label)).toEqual(['Billable', 'Inactive', 'Over the limit', 'Held', 'Refunded']);
    expect(sumOfStates(minutes)).toBe(minutes.total);
  });
});
