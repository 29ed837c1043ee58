// How an approval changes the timesheet on screen. The optimistic one is shown the moment the
// client confirms; the server's reply replaces it (or the old timesheet comes back if refused).
import type { Approval, Timesheet, WeekActions } from '#contract/timesheet.ts';

const LOCKED = 'This week is approved and locked.';

const lockedActions = (actions: WeekActions): WeekActions => ({
  approve: { allowed: false, reason: LOCKED },
  dispute: { allowed: false, reason: LOCKED },
  edit: { allowed: false, reason: actions.edit.reason && !actions.edit.allowed ? actions.edit.reason : LOCKED },
});

/** The timesheet with a recorded approval: approved, locked, with the approval's facts. */
export function withApproval(sheet: Timesheet, approval: Approval): Timesheet {
  return {
    ...sheet,
    status: approval.kind === 'manual' ? 'approved' : 'auto_approved',
    approval,
    actions: lockedActions(sheet.actions),
  };
}

/**
 * What the server will answer, assumed before it does: approved now by this person, with the
 * terms, minutes and amounts on screen.
 */
export function optimisticApproval(sheet: Timesheet, approver: { id: string; name: string }, approvedAt: string): Timesheet {
  return withApproval(sheet, {
    contractId: sheet.contractId,
    weekStart: sheet.weekStart,
    kind: 'manual',
    approvedAt,
    approvedBy: approver,
    currency: sheet.currency,
    terms: sheet.terms,
    minutes: sheet.totals,
    amounts: sheet.amounts,
  });
}
