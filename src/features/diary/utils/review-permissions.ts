// What the viewer of a review may do with the week now, and why not: the server's timesheet
// says so once loaded; the week's status stands in until then.
import type { Timesheet } from '#contract/timesheet.ts';
import type { Week } from '#contract/week.ts';

/** Why the viewer may not dispute the week's slots now; null when they may. */
export function disputeBlockedReason(isClient: boolean, shown: Week | undefined, sheet: Timesheet | null): string | null {
  if (!isClient) return 'Only the client disputes slots.';
  return shown && !shown.canDispute ? (sheet?.actions.dispute.reason ?? 'Disputes are closed for this week.') : null;
}

/** "Approve the rest": shown to a client until the week is approved, enabled while it is in review. */
export function approveControl(isClient: boolean, status: Week['status'] | undefined, approval: { sheet: Timesheet | null; pending: boolean; error: string | null }) {
  const approved = status === 'approved' || status === 'auto_approved';
  const allowed = isClient && status === 'in_review' && approval.sheet !== null && approval.sheet.actions.approve.allowed && !approval.pending;
  const reason =
    approval.sheet?.actions.approve.reason ??
    (status === 'in_progress' || status === 'editing'
      ? 'The review opens on the Monday after the week, at 12:00 UTC, once the contractor can no longer edit it.'
      : null);
  return { show: isClient && !approved, allowed, reason: status === 'in_review' ? null : reason, pending: approval.pending, error: approval.error };
}
