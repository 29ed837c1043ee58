// The admin's decision on one open or contested slot of an escalated dispute, with a note
// both parties will read.
import { useState } from 'react';
import { useResolveSlot } from '../api/resolve-slot.ts';
import { problemText } from '../utils/problem-text.ts';
import { ReplyField } from './reply-field.tsx';

const DECISIONS = [
  { for: 'client', tone: 'refunded', aria: 'for the client (refunded)', text: 'Resolve for client — refund' },
  { for: 'contractor', tone: 'billable', aria: 'for the contractor (billable)', text: 'Resolve for contractor — billable' },
] as const;

export function ResolveControls({ disputeId, start, timeLabel }: { disputeId: string; start: string; timeLabel: string }) {
  const resolve = useResolveSlot();
  const [note, setNote] = useState('');

  return (
    <div className="dform" role="group" aria-label={`Resolve ${timeLabel}`}>
      <ReplyField
        label="Note to both parties"
        note="optional"
        rows={2}
        value={note}
        onChange={setNote}
        placeholder="Why you decided this way"
        error={problemText(resolve.error)}
        invalid={false}
      />
      <div className="dform__actions">
        {DECISIONS.map((d) => (
          <button
            key={d.for}
            type="button"
            className={`btn btn--secondary btn--sm btn--tone-${d.tone}`}
            onClick={() => resolve.mutate({ disputeId, start, body: { for: d.for, note: note.trim() } })}
            disabled={resolve.isPending}
            aria-label={`Resolve ${timeLabel} ${d.aria}`}
          >
            {d.text}
          </button>
        ))}
        {resolve.isPending && <span className="muted small">Saving…</span>}
      </div>
    </div>
  );
}
