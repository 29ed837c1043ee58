// The admin's decision on one open or contested slot of an escalated dispute, with a note
// both parties will read.
import { useId, useState } from 'react';
import { useResolveSlot } from '../api/resolve-slot.ts';
import { MAX_COMMENT_LENGTH } from '#src/utils/dispute-words.ts';
import { problemText } from '../utils/problem-text.ts';

export function ResolveControls({ disputeId, start, timeLabel }: { disputeId: string; start: string; timeLabel: string }) {
  const resolve = useResolveSlot();
  const [note, setNote] = useState('');
  const noteId = useId();
  const errorId = useId();
  const error = problemText(resolve.error);
  const decide = (forWhom: 'client' | 'contractor') => resolve.mutate({ disputeId, start, body: { for: forWhom, note: note.trim() } });

  return (
    <div className="dform" role="group" aria-label={`Resolve ${timeLabel}`}>
      <label htmlFor={noteId} className="dform__label">
        Note to both parties <span className="muted">(optional)</span>
      </label>
      <textarea
        id={noteId}
        className="textarea"
        rows={2}
        maxLength={MAX_COMMENT_LENGTH}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        placeholder="Why you decided this way"
        aria-describedby={error ? errorId : undefined}
      />
      {error && (
        <p id={errorId} className="dform__error" role="alert">
          {error}
        </p>
      )}
      <div className="dform__actions">
        <button
          type="button"
          className="btn btn--secondary btn--sm btn--tone-refunded"
          onClick={() => decide('client')}
          disabled={resolve.isPending}
          aria-label={`Resolve ${timeLabel} for the client (refunded)`}
        >
          Resolve for client — refund
        </button>
        <button
          type="button"
          className="btn btn--secondary btn--sm btn--tone-billable"
          onClick={() => decide('contractor')}
          disabled={resolve.isPending}
          aria-label={`Resolve ${timeLabel} for the contractor (billable)`}
        >
          Resolve for contractor — billable
        </button>
        {resolve.isPending && <span className="muted small">Saving…</span>}
      </div>
    </div>
  );
}
