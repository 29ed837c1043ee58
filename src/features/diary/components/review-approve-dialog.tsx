// "Approve the week?": what will be paid now and what stays held, then one deliberate click.
import { formatMinutes } from '../../../utils/duration.ts';
import { formatMoney } from '../../../utils/money.ts';
import { slotsAmount } from './review-actions.tsx';
import { ReviewModal } from './review-modal.tsx';

interface ReviewApproveDialogProps {
  weekLabel: string;
  contractorName: string | null;
  billableSlots: number;
  heldSlots: number;
  terms: { hourlyRate: number; currency: string };
  onCancel: () => void;
  onConfirm: () => void;
}

export function ReviewApproveDialog({ weekLabel, contractorName, billableSlots, heldSlots, terms, onCancel, onConfirm }: ReviewApproveDialogProps) {
  const { hourlyRate, currency } = terms;
  return (
    <ReviewModal
      title={`Approve the week of ${weekLabel}?`}
      lead={`Approving locks the week: no more edits or disputes${contractorName ? `, and ${contractorName} is paid what is billable` : ''}.`}
      onClose={onCancel}
      initialFocus=".rv-approve-cancel"
      footer={
        <>
          <button type="button" className="btn btn--secondary rv-approve-cancel" onClick={onCancel}>
            Cancel
          </button>
          <button type="button" className="btn btn--primary" onClick={onConfirm}>
            Approve the week
          </button>
        </>
      }
    >
      <dl className="rv-sums">
        <div className="rv-sum rv-sum--paid" data-testid="review-approve-paid">
          <dt>Paid now</dt>
          <dd>
            <strong>{formatMoney(slotsAmount(billableSlots, hourlyRate), currency)}</strong>
            <span>for {formatMinutes(billableSlots * 10)} billable</span>
          </dd>
        </div>
        <div className="rv-sum rv-sum--held" data-testid="review-approve-held">
          <dt>Stays held</dt>
          <dd>
            <strong>{formatMoney(slotsAmount(heldSlots, hourlyRate), currency)}</strong>
            <span>
              {heldSlots > 0
                ? `for ${formatMinutes(heldSlots * 10)} in dispute: paid or refunded when its dispute settles`
                : 'nothing is in a dispute'}
            </span>
          </dd>
        </div>
      </dl>
    </ReviewModal>
  );
}
