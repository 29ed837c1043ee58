import type { WeekStatus } from '#contract/timesheet.ts';
import { WEEK_STATUS_LABEL } from '../utils/week-status.ts';
import './week-status-badge.css';

/** The week's lifecycle in colour and words; a locked week also shows a lock. */
export function WeekStatusBadge({ status, size = 'md' }: { status: WeekStatus; size?: 'md' | 'lg' }) {
  const locked = status === 'approved' || status === 'auto_approved';
  return (
    <span className={`week-status week-status--${status} week-status--${size}`} data-testid="week-status">
      {locked ? (
        <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true">
          <rect x="3" y="7" width="10" height="7" rx="1.5" fill="currentColor" />
          <path d="M5.25 7V5a2.75 2.75 0 0 1 5.5 0v2" fill="none" stroke="currentColor" strokeWidth="1.6" />
        </svg>
      ) : (
        <i className="week-status__dot" aria-hidden="true" />
      )}
      {WEEK_STATUS_LABEL[status]}
    </span>
  );
}
