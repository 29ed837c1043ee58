import { describe, expect, it } from 'vitest';
import type { Approval, Timesheet } from '#contract/timesheet.ts';
import { approvalFigures, optimisticApproval, withApproval } from '../approval.ts';
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
  seal: null,
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

describe('the approval’s figures beside the figures now', () => {
  // The week a newcomer saw: auto-approved with three slots held at 65.00 USD/h, then the admin
  // settled two of them, one for each side.
  const snapshot = { ...minutes, billable: 2060, held: 30, refunded: 0, total: 2090 };
  const approval: Approval = {
    ...optimisticApproval(sheet, { id: 'u1', name: 'A' }, sheet.now).approval!,
    kind: 'auto',
    approvedBy: null,
    minutes: snapshot,
    amounts: { billable: 223167, held: 3250, refunded: 0 },
  };
  const settled: Timesheet = {
    ...withApproval(sheet, approval),
    totals: { ...snapshot, billable: 2070, held: 10, refunded: 10 },
    amounts: { billable: 224250, held: 1083, refunded: 1083 },
  };

  it('labels the snapshot and states the figures now, which are the cards’ figures', () => {
    const text = approvalFigures(settled, approval);
    expect(text).toBe(
      'When it was approved: $2,231.67 for 34 h 20 m billable, $32.50 held. ' +
        'Now, after disputes settled: $2,242.50 for 34 h 30 m billable, $10.83 held, $10.83 refunded.',
    );
    // Every amount said without a label is today's.
    expect(text.split('Now,')[1]).not.toContain('$2,231.67');
  });

  it('says the figures once while nothing has settled since the approval', () => {
    const unchanged = { ...settled, totals: snapshot, amounts: approval.amounts };
    expect(approvalFigures(unchanged, approval)).toBe('$2,231.67 for 34 h 20 m billable; $32.50 for 30 m is held, to be paid or refunded when its dispute settles.');
  });
});

describe('state columns', () => {
  it('are the five states a slot the client sees can be in, and add up to the total', () => {
    expect(STATE_COLUMNS.map((c) => c.label)).toEqual(['Billable', 'Inactive', 'Over the limit', 'Held', 'Refunded']);
    expect(sumOfStates(minutes)).toBe(minutes.total);
  });
});
