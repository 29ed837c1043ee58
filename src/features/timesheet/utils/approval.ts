// How an approval changes the timesheet on screen. The optimistic one is shown the moment the
// client confirms; the server's reply replaces it (or the old timesheet comes back if refused).
import type { Approval, Timesheet, WeekActions } from '#contract/timesheet.ts';
import { formatMinutes } from '#src/utils/duration.ts';
import { formatMoney } from '#src/utils/money.ts';

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

const moneyAndTime = (amount: number, minutes: number, currency: string) => `${formatMoney(amount, currency)} for ${formatMinutes(minutes)}`;

/**
 * The approval's figures in words. They are a snapshot: held slots settle later, so once a
 * dispute has moved money the snapshot is labelled as such and the figures now (those of the
 * cards below) follow it, so the two never read as one figure that contradicts the other.
 */
export function approvalFigures(sheet: Timesheet, approval: Approval): string {
  const { currency } = approval;
  const then = approval.amounts;
  const now = sheet.amounts;
  const moved = then.billable !== now.billable || then.held !== now.held || then.refunded !== now.refunded;
  if (!moved) {
    const held = approval.minutes.held > 0 ? `; ${moneyAndTime(then.held, approval.minutes.held, currency)} is held, to be paid or refunded when its dispute settles.` : '.';
    return `${moneyAndTime(then.billable, approval.minutes.billable, currency)} billable${held}`;
  }
  const parts = [
    `${moneyAndTime(now.billable, sheet.totals.billable, currency)} billable`,
    `${formatMoney(now.held, currency)} held`,
    `${formatMoney(now.refunded, currency)} refunded`,
  ];
  return (
    `When it was approved: ${moneyAndTime(then.billable, approval.minutes.billable, currency)} billable, ${formatMoney(then.held, currency)} held. ` +
    `Now, after disputes settled: ${parts.join(', ')}.`
  );
}
