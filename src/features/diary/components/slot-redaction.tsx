// Redact, but prove: the contractor swaps a screenshot for a blurred copy (it showed something
// private); the original is deleted for good, and its hash stays on the contract's chain. The
// client sees "Redacted by the contractor" and the blurred copy.
import type { SlotDetail } from '#contract/week.ts';
import { ConfirmDialog } from '#src/components/ui/confirm-dialog.tsx';
import { useConfirming } from '#src/utils/confirming.ts';
import { useRedactSlot } from '../api/redact-slot.ts';

export function RedactedNote({ detail, contractor }: { detail: SlotDetail | undefined; contractor: boolean }) {
  if (detail?.blurred && !detail.redactedAt) {
    return (
      <p className="slot-note" data-testid="blurred-note">
        <strong>Blurred by the contract’s terms.</strong>{' '}
        {contractor
          ? 'Your client sees every screenshot blurred, with its activity. The original is kept encrypted; an admin sees it only if a dispute on this slot is escalated.'
          : 'This contract shows every screenshot blurred, with its activity. The original is kept encrypted; an admin sees it only if a dispute on this slot is escalated.'}
      </p>
    );
  }
  if (!detail?.redactedAt) return null;
  return (
    <p className="slot-note" data-testid="redacted-note">
      <strong>Redacted by the contractor.</strong>{' '}
      {contractor
        ? 'Clients see this blurred copy; the original was deleted, and its fingerprint still proves the slot.'
        : 'The original was deleted; its fingerprint still proves the screenshot existed. Ask about it below if you need to.'}
    </p>
  );
}

/** "Redact screenshot", confirmed: the original cannot be brought back. */
export function RedactScreenshot({ contractId, start, range, blurred }: { contractId: string; start: string; range: string; blurred: boolean }) {
  const redact = useRedactSlot(contractId, { onRedacted: () => setConfirming(false) });
  const { open: confirming, setOpen: setConfirming, close } = useConfirming(redact);
  return (
    <>
      <button type="button" className="btn btn--ghost btn--sm" onClick={() => setConfirming(true)}>
        Redact screenshot
      </button>
      {confirming && (
        <ConfirmDialog
          title={`Redact the screenshot of ${range}?`}
          description={`${
            blurred ? 'The original kept encrypted is deleted for good; the blurred copy stays.' : 'A blurred copy replaces it for everyone, and the original is deleted for good.'
          } The slot stays billable within your contract's few redactions a week; past them, its time goes, as with a deletion.`}
          confirmLabel="Redact screenshot"
          pendingLabel="Redacting…"
          cancelLabel="Keep it"
          tone="danger"
          pending={redact.isPending}
          error={redact.error?.message}
          onConfirm={() => redact.mutate(start)}
          onCancel={close}
        />
      )}
    </>
  );
}
