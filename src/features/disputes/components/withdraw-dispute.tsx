// The client's way out of a dispute: after a confirmation that says what happens to the
// money (the slots still held are paid after all; refunded ones stay refunded).
import type { Dispute } from '#contract/disputes.ts';
import { ConfirmDialog } from '#src/components/ui/confirm-dialog.tsx';
import { useConfirming } from '#src/utils/confirming.ts';
import { formatMoney } from '#src/utils/money.ts';
import { useWithdrawDispute } from '../api/withdraw-dispute.ts';
import { slotCountText } from '#src/utils/dispute-labels.ts';
import { problemText } from '../utils/problem-text.ts';

export function WithdrawDispute({ dispute }: { dispute: Dispute }) {
  const withdraw = useWithdrawDispute();
  const { open, setOpen, close } = useConfirming(withdraw);
  const undecided = dispute.slots.filter((s) => s.status === 'open' || s.status === 'contested').length;
  const refunded = dispute.slots.filter((s) => s.state === 'refunded').length;

  return (
    <>
      <button type="button" className="btn btn--secondary btn--tone-refunded" onClick={() => setOpen(true)}>
        Withdraw dispute
      </button>
      {open && (
        <ConfirmDialog
          title="Withdraw this dispute?"
          description={
            <>
              <p>
                {undecided === 1 ? 'The slot still held becomes' : `The ${slotCountText(undecided)} still held become`} <strong>billable</strong> again
                {dispute.heldAmount > 0 ? <> and {formatMoney(dispute.heldAmount, dispute.currency)} is paid to the contractor</> : null}.
                {refunded > 0 && <> {refunded === 1 ? 'The slot already refunded stays' : `The ${slotCountText(refunded)} already refunded stay`} refunded.</>}
              </p>
              <p>This cannot be undone, and {dispute.slotCount === 1 ? 'the slot' : 'these slots'} cannot be disputed again.</p>
            </>
          }
          confirmLabel="Withdraw dispute"
          pendingLabel="Withdrawing…"
          cancelLabel="Keep the dispute"
          tone="danger"
          pending={withdraw.isPending}
          error={withdraw.error ? problemText(withdraw.error) : null}
          onConfirm={() => withdraw.mutate({ disputeId: dispute.id }, { onSuccess: () => setOpen(false) })}
          onCancel={close}
        />
      )}
    </>
  );
}
