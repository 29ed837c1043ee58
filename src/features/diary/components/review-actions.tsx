// The review's bar of decisions: how many slots are flagged and what disputing them holds,
// "Dispute N flagged slots", and "Approve the rest" (or why approval is not open now).
import { heldText, slotCount } from '../utils/slot-labels.ts';
import { FlagIcon } from './review-list.tsx';
import './review-actions.css';

interface ReviewActionsProps {
  flagged: number;
  terms: { hourlyRate: number; currency: string } | null;
  /** Why disputing is not possible now, or null. */
  disputeBlocked: string | null;
  onDispute: () => void;
  onClearFlags: () => void;
  /** Approval: hidden for viewers who can never approve. */
  approve: { show: boolean; allowed: boolean; reason: string | null; pending: boolean; error: string | null };
  onApproveRest: () => void;
}

export function ReviewActions({ flagged, terms, disputeBlocked, onDispute, onClearFlags, approve, onApproveRest }: ReviewActionsProps) {
  return (
    <section className="rv-actions" aria-label="Decisions">
      <div className="rv-actions__inner">
        <p className="rv-actions__count">
          {flagged > 0 ? (
            <>
              <FlagIcon size={13} /> <strong>{slotCount(flagged)} flagged</strong>
              <button type="button" className="link-button rv-actions__clear" onClick={onClearFlags}>
                Clear
              </button>
            </>
          ) : disputeBlocked ? (
            <span className="muted">{disputeBlocked}</span>
          ) : (
            <span className="muted">
              Flag the slots you will not pay for with <kbd>F</kbd>.
            </span>
          )}
        </p>
        <div className="rv-actions__buttons">
          {flagged > 0 && (
            <button type="button" className="btn btn--dispute" onClick={onDispute} disabled={disputeBlocked !== null}>
              Dispute {flagged} flagged {flagged === 1 ? 'slot' : 'slots'} ({heldText(flagged, terms)})
            </button>
          )}
          {approve.show && (
            <button
              type="button"
              className="btn btn--primary"
              onClick={onApproveRest}
              disabled={!approve.allowed || approve.pending}
              aria-describedby={!approve.allowed && approve.reason ? 'rv-approve-reason' : undefined}
            >
              {approve.pending ? 'Approving…' : 'Approve the rest'}
            </button>
          )}
        </div>
      </div>
      {approve.show && !approve.allowed && approve.reason && (
        <p id="rv-approve-reason" className="rv-actions__reason">
          {approve.reason}
        </p>
      )}
      {approve.error && (
        <p className="rv-actions__error" role="alert">
          {approve.error}
        </p>
      )}
    </section>
  );
}
