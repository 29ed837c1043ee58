// The top of the timesheet: where the week stands (status in words), the review countdown,
// and for the client the Approve button, its confirmation, and the approval once it is done.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Timesheet } from '#contract/timesheet.ts';
import { ApproveWeekDialog } from '#src/components/ui/approve-week-dialog.tsx';
import { formatInZone } from '#src/utils/date-format.ts';
import { formatMoney } from '#src/utils/money.ts';
import { browserTimeZone, zoneOffsetMinutes } from '#src/utils/time-zone.ts';
import { useApproveWeek } from '../api/approve-week.ts';
import { approvalFigures } from '../utils/approval.ts';
import { formatShortOffset } from '../utils/countdown.ts';
import { weekRangeLabel } from '#src/utils/date-format.ts';
import { isLocked, weekStatusHint } from '../utils/week-status.ts';
import { ReviewCountdown } from './review-countdown.tsx';
import { WeekStatusBadge } from './week-status-badge.tsx';
import './review-panel.css';

export interface Viewer {
  id: string;
  name: string;
  role: 'client' | 'contractor' | 'admin';
}

interface ReviewPanelProps {
  sheet: Timesheet;
  viewer: Viewer;
  contractorName: string | null;
  clock: () => number;
  onStatusChange: () => void;
}

/** "Wed 25 Nov, 16:05 your time (UTC+1)". */
function yourTime(iso: string, zone: string) {
  return `${formatInZone(iso, zone, 'EEE d MMM, HH:mm')} your time (${formatShortOffset(zoneOffsetMinutes(zone, Date.parse(iso)))})`;
}

export function ReviewPanel({ sheet, viewer, contractorName, clock, onStatusChange }: ReviewPanelProps) {
  const zone = useMemo(() => browserTimeZone(), []);
  const [confirming, setConfirming] = useState(false);
  const panelRef = useRef<HTMLElement>(null);
  const approve = useApproveWeek({
    contractId: sheet.contractId,
    weekStart: sheet.weekStart,
    timeZone: sheet.timeZone,
    approver: viewer.role === 'client' ? { id: viewer.id, name: viewer.name } : null,
    serverNow: clock,
  });
  const onPassed = useCallback(() => onStatusChange(), [onStatusChange]);
  // The Approve button goes away with the approval: once the dialog has closed (and given focus
  // back to that button), the keyboard moves to where the result is.
  const approved = useRef(false);
  useEffect(() => {
    if (confirming || !approved.current) return;
    approved.current = false;
    panelRef.current?.focus();
  }, [confirming]);

  const locked = isLocked(sheet.status);
  const { approval } = sheet;
  const isClient = viewer.role === 'client';
  const canApprove = isClient && sheet.actions.approve.allowed;
  // Why the client cannot approve, when the status alone does not say it (before the review
  // opens, the countdown already says when it does).
  const approveReason = isClient && sheet.status === 'in_review' && !canApprove ? sheet.actions.approve.reason : null;

  return (
    <section
      ref={panelRef}
      tabIndex={-1}
      className={`review-panel review-panel--${sheet.status}`}
      aria-labelledby="review-panel-title"
    >
      <div className="review-panel__main">
        <h2 id="review-panel-title" className="sr-only">
          Week status
        </h2>
        <div className="review-panel__status">
          <WeekStatusBadge status={sheet.status} size="lg" />
          {approve.isPending && (
            <span className="review-panel__saving" role="status">
              Saving…
            </span>
          )}
        </div>
        {approval ? (
          <p className="review-panel__approval" data-testid="approval-facts">
            {approval.kind === 'manual'
              ? `Approved by ${approval.approvedBy?.name ?? 'a client'} on ${yourTime(approval.approvedAt, zone)}.`
              : `Approved automatically when the review window closed, ${yourTime(approval.approvedAt, zone)}.`}{' '}
            {approvalFigures(sheet, approval)}
          </p>
        ) : (
          <p className="review-panel__hint">{weekStatusHint(sheet.status, viewer.role)}</p>
        )}
        <ReviewCountdown deadlines={sheet.deadlines} approved={locked} clock={clock} onPassed={onPassed} />
        {approveReason && <p className="review-panel__reason">{approveReason}</p>}
        {approve.isError && (
          <p className="alert alert--error review-panel__error" role="alert">
            The week was not approved: {approve.error.message}
          </p>
        )}
      </div>
      {canApprove && (
        <div className="review-panel__action">
          <button type="button" className="btn btn--primary btn--lg" onClick={() => setConfirming(true)} disabled={approve.isPending}>
            <svg viewBox="0 0 20 20" width="16" height="16" aria-hidden="true">
              <path d="m4.5 10.5 3.5 3.5 7.5-8" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
            </svg>
            Approve timesheet
          </button>
          <span className="review-panel__action-note">
            Pays {formatMoney(sheet.amounts.billable, sheet.currency)} and locks the week
          </span>
        </div>
      )}
      {confirming && (
        <ApproveWeekDialog
          sheet={sheet}
          weekLabel={weekRangeLabel(sheet.weekStart)}
          contractorName={contractorName}
          onCancel={() => setConfirming(false)}
          onApprove={() => {
            setConfirming(false);
            approve.reset();
            approve.mutate();
            approved.current = true;
          }}
        />
      )}
    </section>
  );
}
