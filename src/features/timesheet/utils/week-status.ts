// The week's lifecycle in words (a badge is never colour alone).
import type { WeekStatus } from '#contract/timesheet.ts';

export const WEEK_STATUS_LABEL: Record<WeekStatus, string> = {
  in_progress: 'In progress',
  editing: 'Contractor editing',
  in_review: 'In review',
  approved: 'Approved · locked',
  auto_approved: 'Auto-approved · locked',
};

/** What the status means, for whoever is looking. */
export function weekStatusHint(status: WeekStatus, role: 'client' | 'contractor' | 'admin'): string {
  switch (status) {
    case 'in_progress':
      return role === 'contractor' ? 'The week is still running; your time is being tracked.' : 'The week is still running; time is still being tracked.';
    case 'editing':
      return role === 'contractor'
        ? 'You may still delete slots, edit memos and add manual time before the review opens.'
        : 'The contractor may still delete slots, edit memos and add manual time before the review opens.';
    case 'in_review':
      return role === 'contractor' ? 'The client is reviewing the week.' : 'Review the week, then approve it, or dispute the slots you will not pay for.';
    case 'approved':
      return 'Approved and locked: no more edits or disputes.';
    case 'auto_approved':
      return 'The review window ended, so every slot not held was approved automatically. The week is locked.';
  }
}

export const isLocked = (status: WeekStatus) => status === 'approved' || status === 'auto_approved';
