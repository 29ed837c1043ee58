// The bar at the bottom of the window while the client has slots of the diary selected:
// "Dispute 8 slots (1 h 20 m, $86.67 held)" and "Clear"; after a dispute is opened, the same
// place confirms it with a link to the dispute.
import { Link } from 'react-router';
import type { Dispute } from '#contract/disputes.ts';
import { paths } from '#src/config/paths.ts';
import { formatMoney } from '#src/utils/money.ts';
import { heldText, slotCount } from '../utils/slot-labels.ts';
import './selection-bar.css';

interface SelectionBarProps {
  count: number;
  terms: { hourlyRate: number; currency: string } | null;
  onDispute: () => void;
  onClear: () => void;
}

export function SelectionBar({ count, terms, onDispute, onClear }: SelectionBarProps) {
  return (
    <section className="selection-bar" aria-label="Selected slots">
      <button type="button" className="btn btn--primary selection-bar__dispute" onClick={onDispute}>
        Dispute {slotCount(count)} <span className="selection-bar__held">({heldText(count, terms)})</span>
      </button>
      <button type="button" className="btn btn--secondary" onClick={onClear}>
        Clear
      </button>
    </section>
  );
}

export function DisputeCreatedNotice({ dispute, onDismiss }: { dispute: Dispute; onDismiss: () => void }) {
  return (
    <div className="selection-bar selection-bar--done" role="status">
      <p className="selection-bar__text">
        <strong>
          Dispute opened: {slotCount(dispute.slotCount)} held ({formatMoney(dispute.heldAmount, dispute.currency)}).
        </strong>{' '}
        <Link to={paths.dispute.getHref(dispute.id)}>View the dispute</Link>
      </p>
      <button type="button" className="btn btn--ghost btn--sm" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
