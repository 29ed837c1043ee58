// "Approve this timesheet?": one deliberate, confirmed action. It says exactly what will be
// paid and what stays held. A native modal <dialog> makes the page behind inert; Tab cycles
// inside it and Esc cancels.
import { useId, useLayoutEffect, useRef, type KeyboardEvent, type SyntheticEvent } from 'react';
import type { Timesheet } from '../../../../contract/timesheet.ts';
import { formatMinutes } from '../../../utils/duration.ts';
import { formatMoney } from '../../../utils/money.ts';
import { weekRangeLabel } from '../utils/week-range.ts';

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), [tabindex]:not([tabindex="-1"])';

interface ApproveDialogProps {
  sheet: Timesheet;
  contractorName: string | null;
  onCancel: () => void;
  onApprove: () => void;
}

export function ApproveDialog({ sheet, contractorName, onCancel, onApprove }: ApproveDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const descId = useId();

  useLayoutEffect(() => {
    const dialog = dialogRef.current!;
    if (!dialog.open) dialog.showModal();
    cancelRef.current?.focus();
    document.documentElement.classList.add('has-modal');
    return () => {
      document.documentElement.classList.remove('has-modal');
      if (dialog.open) dialog.close();
    };
  }, []);

  const close = (then: () => void) => {
    const dialog = dialogRef.current;
    // Close first, so the page is no longer inert when focus goes back to it.
    if (dialog?.open) dialog.close();
    then();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key !== 'Tab') return;
    const focusable = Array.from(dialogRef.current!.querySelectorAll<HTMLElement>(FOCUSABLE));
    if (focusable.length === 0) return;
    const first = focusable[0]!;
    const last = focusable[focusable.length - 1]!;
    if (event.shiftKey && (document.activeElement === first || document.activeElement === dialogRef.current)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  const onDialogCancel = (event: SyntheticEvent<HTMLDialogElement>) => {
    event.preventDefault();
    close(onCancel);
  };

  const { totals, amounts, currency } = sheet;
  const notPaid = totals.inactive + totals.overLimit + totals.refunded;

  return (
    <dialog
      ref={dialogRef}
      className="ts-dialog"
      aria-labelledby={titleId}
      aria-describedby={descId}
      onKeyDown={onKeyDown}
      onCancel={onDialogCancel}
      onClick={(e) => {
        // A click on the backdrop (the dialog element itself, outside its box) cancels.
        if (e.target === dialogRef.current) {
          const r = dialogRef.current.getBoundingClientRect();
          const inside = e.clientX >= r.left && e.clientX <= r.right && e.clientY >= r.top && e.clientY <= r.bottom;
          if (!inside) close(onCancel);
        }
      }}
    >
      <div className="ts-dialog__body">
        <h2 id={titleId} className="ts-dialog__title">
          Approve the week of {weekRangeLabel(sheet.weekStart)}?
        </h2>
        <p id={descId} className="ts-dialog__lead">
          Approving locks the week: no more edits or disputes{contractorName ? `, and ${contractorName} is paid what is billable` : ''}.
        </p>

        <dl className="ts-dialog__sums">
          <div className="ts-dialog__sum ts-dialog__sum--paid" data-testid="approve-paid">
            <dt>Paid now</dt>
            <dd>
              <strong>{formatMoney(amounts.billable, currency)}</strong>
              <span>
                for {formatMinutes(totals.billable)} billable
                {totals.manual > 0 ? ` (incl. ${formatMinutes(totals.manual)} manual)` : ''}
              </span>
            </dd>
          </div>
          <div className="ts-dialog__sum ts-dialog__sum--held" data-testid="approve-held">
            <dt>Stays held</dt>
            <dd>
              <strong>{formatMoney(amounts.held, currency)}</strong>
              <span>
                {totals.held > 0
                  ? `for ${formatMinutes(totals.held)} in dispute: paid or refunded when its dispute settles`
                  : 'nothing is in an open dispute'}
              </span>
            </dd>
          </div>
        </dl>
        {notPaid > 0 && (
          <p className="ts-dialog__note">
            Not paid: {formatMinutes(notPaid)} that is inactive, over the weekly cap or refunded.
          </p>
        )}
      </div>
      <div className="ts-dialog__actions">
        <button ref={cancelRef} type="button" className="btn btn--secondary" onClick={() => close(onCancel)}>
          Cancel
        </button>
        <button type="button" className="btn btn--primary" onClick={() => close(onApprove)}>
          Approve
        </button>
      </div>
    </dialog>
  );
}
