// The words of disputes and slot states that more than one feature shows (the diary's dispute
// dialog and state badges, the disputes pages). Labels are the dashboard's words, so they live
// only here; the comment limit repeats `contract/` so its zod schemas stay out of the browser
// bundle, and a unit test keeps it and the reason list equal to the contract's.
import type { DisputeReason } from '#contract/disputes.ts';
import type { SlotState } from '#contract/week.ts';

export const REASON_LABELS = {
  not_work_related: 'Not work-related',
  low_activity: 'Low activity',
  memo_missing_or_wrong: 'Memo missing or wrong',
  suspicious_screenshot: 'Suspicious or duplicate screenshot',
  outside_scope: 'Outside the agreed scope',
  other: 'Other',
} as const satisfies Record<DisputeReason, string>;

/** The reasons in the contract's order. */
export const DISPUTE_REASON_LIST = Object.keys(REASON_LABELS) as DisputeReason[];

export const MAX_COMMENT_LENGTH = 2000;

/** How a slot's state reads in a badge ("held" while its dispute is unsettled). */
export const SLOT_STATE_LABEL: Record<SlotState, string> = {
  billable: 'Billable',
  inactive: 'Inactive',
  over_limit: 'Over the limit',
  held: 'Held',
  refunded: 'Refunded',
  deleted: 'Deleted',
};
