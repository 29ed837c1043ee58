// The client's way out of a dispute: after a confirmation that says what happens to the
// money (the slots still held are paid after all; refunded ones stay refunded).
import { useState } from 'react';
import type { Dispute } from '../../../../contract/disputes.ts';
import { formatMoney } from '../../../utils/money.ts';
import { useWithdrawDispute } from '../api/withdraw-dispute.ts';
import { slotCountText } from '../utils/dispute-labels.ts';
import { problemText } from '../utils/problem-text.ts';
import { ModalDialog } from './modal-dialog.tsx';

export function WithdrawDispute({ dispute }: { dispute: Dispute }) {
  const [open, setOpen] = useState(false);
  const withdraw = useWithdrawDispute();
  const undecided = dispute.slots.filter((s) => s.status === 'open' || s.status === 'contested').length;
  const refunded = dispute.slots.filter((s) => s.state === 'refunded').length;
  const close = () => {
    if (withdraw.isPending) return;
    setOpen(false);
    withdraw.reset();
  };

  return (
    <>
      <button type="button" className="btn btn--secondary btn--tone-refunded" onClick={() => setOpen(true)}>
        Withdraw dispute
      </button>
      {open && (
        <ModalDialog
          title="Withdraw this dispute?"
          onClose={close}
          initialFocus=".modal__footer .btn--ghost"
          footer={
            <>
              <button type="button" className="btn btn--ghost" onClick={close} disabled={withdraw.isPending}>
                Keep the dispute
              </button>
              <button
                type="button"
                className="btn btn--danger-solid"
                disabled={withdraw.isPending}
                onClick={() => withdraw.mutate({ disputeId: dispute.id }, { onSuccess: () => setOpen(false) })}
              >
                {withdraw.isPending ? 'Withdrawing…' : 'Withdraw dispute'}
              </button>
            </>
          }
        >
          <p className="modal__text">
            {undecided === 1 ? 'The slot still held becomes' : `The ${slotCountText(undecided)} still held become`} <strong>billable</strong> again
            {dispute.heldAmount > 0 ? <> and {formatMoney(dispute.heldAmount, dispute.currency)} is paid to the contractor</> : null}.
            {refunded > 0 && <> {refunded === 1 ? 'The slot already refunded stays' : `The ${slotCountText(refunded)} already refunded stay`} refunded.</>}
          </p>
          <p className="modal__text">
            This cannot be undone, and {dispute.slotCount === 1 ? 'the slot' : 'these slots'} cannot be disputed again.
          </p>
          {withdraw.error && (
            <p className="dform__error" role="alert">
              {problemText(withdraw.error)}
            </p>
          )}
        </ModalDialog>
      )}
    </>
  );
}
