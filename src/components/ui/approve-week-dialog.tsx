// "Approve the week?", the same from the timesheet and from the review: the server's figures
// for what is paid now and what stays held, then one deliberate click.
import type { Timesheet } from '#contract/timesheet.ts';
import { formatMinutes } from '#src/utils/duration.ts';
import { formatMoney } from '#src/utils/money.ts';
import { ConfirmDialog } from './confirm-dialog.tsx';
import './approve-week-dialog.css';

interface ApproveWeekDialogProps {
  sheet: Pick<Timesheet, 'totals' | 'amounts' | 'currency'>;
  /** "16–22 Nov 2026". */
  weekLabel: string;
  contractorName: string | null;
  onCancel: () => void;
  onApprove: () => void;
}

export function ApproveWeekDialog({ sheet, weekLabel, contractorName, onCancel, onApprove }: ApproveWeekDialogProps) {
  const { totals, amounts, currency } = sheet;
  const notPaid = totals.inactive + totals.overLimit + totals.refunded;
  return (
    <ConfirmDialog
      title={`Approve the week of ${weekLabel}?`}
      description={`Approving locks the week: no more edits or disputes${contractorName ? `, and ${contractorName} is paid what is billable` : ''}.`}
      confirmLabel="Approve the week"
      onConfirm={onApprove}
      onCancel={onCancel}
    >
      <dl className="approve-sums">
        <div className="approve-sum approve-sum--paid" data-testid="approve-paid">
          <dt>Paid now</dt>
          <dd>
            <strong>{formatMoney(amounts.billable, currency)}</strong>
            <span>
              for {formatMinutes(totals.billable)} billable
              {totals.manual > 0 ? ` (incl. ${formatMinutes(totals.manual)} manual)` : ''}
            </span>
          </dd>
        </div>
        <div className="approve-sum approve-sum--held" data-testid="approve-held">
          <dt>Stays held</dt>
          <dd>
            <strong>{formatMoney(amounts.held, currency)}</strong>
            <span>
              {totals.held > 0 ? `for ${formatMinutes(totals.held)} in dispute: paid or refunded when its dispute settles` : 'nothing is in an open dispute'}
            </span>
          </dd>
        </div>
      </dl>
      {notPaid > 0 && <p className="approve-note">Not paid: {formatMinutes(notPaid)} that is inactive, over the weekly cap or refunded.</p>}
    </ConfirmDialog>
  );
}
