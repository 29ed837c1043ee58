// The contractor's answer to one open slot: Accept (the slot is refunded; asked twice, as it
// cannot be undone) or Contest with a reply the admin will read.
import { useId, useState, type FormEvent } from 'react';
import { MAX_COMMENT_LENGTH } from '#src/utils/dispute-words.ts';
import { useAnswerSlot } from '../api/answer-slot.ts';
import { problemText } from '../utils/problem-text.ts';

export function AnswerControls({ disputeId, start, timeLabel }: { disputeId: string; start: string; timeLabel: string }) {
  const answer = useAnswerSlot();
  const [mode, setMode] = useState<'idle' | 'accepting' | 'contesting'>('idle');
  const [reply, setReply] = useState('');
  const [missing, setMissing] = useState(false);
  const replyId = useId();
  const errorId = useId();
  const error = missing ? 'Write why this time should be paid: the admin reads it if the client does not agree.' : problemText(answer.error);

  const contest = (event: FormEvent) => {
    event.preventDefault();
    if (reply.trim() === '') {
      setMissing(true);
      return;
    }
    setMissing(false);
    answer.mutate({ disputeId, start, body: { answer: 'contest', reply: reply.trim() } });
  };

  if (mode === 'contesting') {
    return (
      <form className="dform" onSubmit={contest} noValidate>
        <label htmlFor={replyId} className="dform__label">
          Your reply <span className="muted">(required)</span>
        </label>
        <textarea
          id={replyId}
          className="textarea"
          rows={3}
          maxLength={MAX_COMMENT_LENGTH}
          value={reply}
          onChange={(e) => {
            setReply(e.target.value);
            if (missing && e.target.value.trim()) setMissing(false);
          }}
          placeholder="What you worked on in this slot, and why it should be paid"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          autoFocus
        />
        {error && (
          <p id={errorId} className="dform__error" role="alert">
            {error}
          </p>
        )}
        <div className="dform__actions">
          <button type="submit" className="btn btn--primary btn--sm" disabled={answer.isPending}>
            {answer.isPending ? 'Sending…' : 'Contest slot'}
          </button>
          <button
            type="button"
            className="btn btn--ghost btn--sm"
            onClick={() => {
              setMode('idle');
              setMissing(false);
              answer.reset();
            }}
            disabled={answer.isPending}
          >
            Cancel
          </button>
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
          <button
            type="button"
            className="btn btn--ghost btn--sm"
            onClick={() => {
              setMode('idle');
              answer.reset();
            }}
            disabled={answer.isPending}
          >
            Cancel
          </button>
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
