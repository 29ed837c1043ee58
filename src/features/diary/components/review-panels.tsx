// What the review shows besides the queue: a week without slots, a week with nothing suspicious,
// and the banners of an approved week and of a dispute just opened.
import { Link } from 'react-router';
import type { Dispute } from '#contract/disputes.ts';
import { paths } from '#src/config/paths.ts';
import { formatMoney } from '#src/utils/money.ts';
import { slotCount } from '../utils/slot-labels.ts';
import './review-panels.css';

export function NoSlotsPanel({ weekLabel, previousHref }: { weekLabel: string; previousHref: string }) {
  return (
    <div className="state-panel">
      <h2 className="state-panel__title">Nothing to review: no slots this week</h2>
      <p className="state-panel__text">No time was tracked or added for the week of {weekLabel}.</p>
      <div className="state-panel__actions">
        <Link className="btn btn--secondary" to={previousHref}>
          Review the previous week
        </Link>
      </div>
    </div>
  );
}

export function NothingSuspiciousPanel({ slots, onShowAll }: { slots: number; onShowAll: () => void }) {
  return (
    <div className="state-panel rv-clean">
      <h2 className="state-panel__title">Nothing suspicious this week</h2>
      <p className="state-panel__text">
        No duplicate screenshots, missing or long-repeated memos, low activity or hours in one window among its {slotCount(slots)}.
      </p>
      <div className="state-panel__actions">
        <button type="button" className="btn btn--secondary" onClick={onShowAll}>
          Review all {slotCount(slots)}
        </button>
      </div>
    </div>
  );
}

export function ReviewBanners({ approved, created }: { approved: 'approved' | 'auto_approved' | null; created: Dispute | null }) {
  return (
    <>
      {approved && (
        <p className="rv-banner rv-banner--approved" role="status">
          <strong>This week is approved{approved === 'auto_approved' ? ' automatically' : ''}.</strong> Held slots are paid or refunded when their disputes settle.
        </p>
      )}
      {created && (
        <p className="rv-banner rv-banner--held" role="status">
          <strong>
            Dispute opened: {slotCount(created.slotCount)} held ({formatMoney(created.heldAmount, created.currency)}).
          </strong>{' '}
          The contractor has 3 days to answer. <Link to={paths.dispute.getHref(created.id)}>View the dispute</Link>
        </p>
      )}
    </>
  );
}
