// The admin's decision on one open or contested slot of an escalated dispute, with a note
// both parties will read. Either way moves money for good, so it is confirmed with the amount.
import { useState } from 'react';
import { ConfirmDialog } from '#src/components/ui/confirm-dialog.tsx';
import { formatMoney, slotsAmount } from '#src/utils/money.ts';
import { useResolveSlot } from '../api/resolve-slot.ts';
import { problemText } from '../utils/problem-text.ts';
import { ReplyField } from './reply-field.tsx';

const DECISIONS = [
  { for: 'client', tone: 'refunded', aria: 'for the client (refunded)', text: 'Resolve for client — refund' },
  { for: 'contractor', tone: 'billable', aria: 'for the contractor (billable)', text: 'Resolve for contractor — billable' },
] as const;

type Decision = (typeof DECISIONS)[number];

/** The dialog's words: what the decision does, with the amount. */
function confirmation(d: Decision, amount: string, timeLabel: string) {
  return d.for === 'client'
    ? {
        title: 'Resolve for the client?',
        description: `The client is refunded ${amount} for ${timeLabel}; the contractor is not paid for it. This cannot be undone.`,
        confirmLabel: `Refund ${amount}`,
      }
    : {
        title: 'Resolve for the contractor?',
        description: `The contractor is paid ${amount} for ${timeLabel}; the client is charged for it. This cannot be undone.`,
        confirmLabel: `Pay ${amount}`,
      };
}

interface ResolveControlsProps {
  disputeId: string;
  start: string;
  timeLabel: string;
  /** The contract's terms for the slot's week: what one slot is worth. */
  hourlyRate: number;
  currency: string;
}

export function ResolveControls({ disputeId, start, timeLabel, hourlyRate, currency }: ResolveControlsProps) {
  const resolve = useResolveSlot();
  const [note, setNote] = useState('');
  const [asking, setAsking] = useState<Decision | null>(null);
  const amount = formatMoney(slotsAmount(1, hourlyRate), currency);
  const words = asking && confirmation(asking, amount, timeLabel);

  return (
    <div className="dform" role="group" aria-label={`Resolve ${timeLabel}`}>
      <ReplyField
        label="Note to both parties"
        note="optional"
        rows={2}
        value={note}
        onChange={setNote}
        placeholder="Why you decided this way"
        error={asking ? null : problemText(resolve.error)}
        invalid={false}
      />
      <div className="dform__actions">
        {DECISIONS.map((d) => (
          <button
            key={d.for}
            type="button"
            className={`btn btn--secondary btn--sm btn--tone-${d.tone}`}
            onClick={() => {
              resolve.reset();
              setAsking(d);
            }}
            disabled={resolve.isPending}
            aria-label={`Resolve ${timeLabel} ${d.aria}`}
          >
            {d.text}
          </button>
        ))}
      </div>
      {asking && words && (
        <ConfirmDialog
          {...words}
          pendingLabel="Saving…"
          tone={asking.for === 'client' ? 'danger' : 'primary'}
          pending={resolve.isPending}
          error={problemText(resolve.error)}
          onConfirm={() => resolve.mutate({ disputeId, start, body: { for: asking.for, note: note.trim() } }, { onSuccess: () => setAsking(null) })}
          onCancel={() => setAsking(null)}
        />
      )}
    </div>
  );
}
