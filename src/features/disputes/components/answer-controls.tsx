// The contractor's answer to one open slot: Accept (the slot is refunded; asked twice, as it
// cannot be undone) or Contest with a reply the admin will read.
import { useState } from 'react';
import { useAnswerSlot } from '../api/answer-slot.ts';
import { MISSING_REPLY } from '#src/utils/dispute-labels.ts';
import { problemText } from '../utils/problem-text.ts';
import { ReplyField, useRequiredText } from './reply-field.tsx';

export function AnswerControls({ disputeId, start, timeLabel }: { disputeId: string; start: string; timeLabel: string }) {
  const answer = useAnswerSlot();
  const [mode, setMode] = useState<'idle' | 'accepting' | 'contesting'>('idle');
  const reply = useRequiredText((text) => answer.mutate({ disputeId, start, body: { answer: 'contest', reply: text } }));
  const error = reply.missing ? MISSING_REPLY : problemText(answer.error);
  const cancel = (
    <button
      type="button"
      className="btn btn--ghost btn--sm"
      onClick={() => {
        setMode('idle');
        reply.clearMissing();
        answer.reset();
      }}
      disabled={answer.isPending}
    >
      Cancel
    </button>
  );

  if (mode === 'contesting') {
    return (
      <form className="dform" onSubmit={reply.submit} noValidate>
        <ReplyField
          label="Your reply"
          note="required"
          rows={3}
          value={reply.text}
          onChange={reply.change}
          placeholder="What you worked on in this slot, and why it should be paid"
          error={error}
          autoFocus
        />
        <div className="dform__actions">
          <button type="submit" className="btn btn--primary btn--sm" disabled={answer.isPending}>
            {answer.isPending ? 'Sending…' : 'Contest slot'}
          </button>
          {cancel}
        </div>
      </form>
    );
  }

  if (mode === 'accepting') {
    return (
      <div className="dform" role="group" aria-label={`Accept ${timeLabel}`}>
        <p className="dform__question">Refund this slot to the client? This cannot be undone.</p>
        {error && (
          <p className="dform__error" role="alert">
            {error}
          </p>
        )}
        <div className="dform__actions">
          <button
            type="button"
            className="btn btn--danger-solid btn--sm"
            onClick={() => answer.mutate({ disputeId, start, body: { answer: 'accept', reply: '' } })}
            disabled={answer.isPending}
            autoFocus
          >
            {answer.isPending ? 'Accepting…' : 'Yes, refund it'}
          </button>
          {cancel}
        </div>
      </div>
    );
  }

  return (
    <div className="dform__actions">
      <button type="button" className="btn btn--secondary btn--sm" onClick={() => setMode('accepting')} aria-label={`Accept ${timeLabel} (refund)`}>
        Accept — refund
      </button>
      <button type="button" className="btn btn--secondary btn--sm" onClick={() => setMode('contesting')} aria-label={`Contest ${timeLabel}`}>
        Contest…
      </button>
    </div>
  );
}
