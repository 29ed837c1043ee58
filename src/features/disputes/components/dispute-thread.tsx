// The conversation: every party's comments in order, and a box to add one.
import type { Dispute } from '#contract/disputes.ts';
import { initials } from '#src/utils/initials.ts';
import { useAddComment } from '../api/add-comment.ts';
import { MessageByline } from '#src/components/ui/message-byline.tsx';
import { problemText } from '../utils/problem-text.ts';
import { ReplyField, useRequiredText } from './reply-field.tsx';
import './dispute-thread.css';

export function DisputeThread({ dispute, timeZone }: { dispute: Dispute; timeZone: string }) {
  const add = useAddComment();
  const comment = useRequiredText((text, clear) => add.mutate({ disputeId: dispute.id, body: { body: text } }, { onSuccess: clear }));
  const error = comment.missing ? 'Write something first.' : problemText(add.error);

  return (
    <section className="dcard" aria-labelledby="thread-title">
      <h2 id="thread-title" className="dcard__title">
        Conversation <span className="muted">({dispute.thread.length})</span>
      </h2>
      {dispute.thread.length === 0 ? (
        <p className="muted">No comments yet.{dispute.actions.comment ? ' Ask a question or add context for the other side.' : ''}</p>
      ) : (
        <ol className="thread">
          {dispute.thread.map((c) => (
            <li key={c.id} className={`thread__item thread__item--${c.author.role}`}>
              <span className="avatar" aria-hidden="true">
                {initials(c.author.name)}
              </span>
              <div className="thread__bubble">
                <MessageByline className="thread__who" roleClassName="tag" author={c.author} at={c.createdAt} zone={timeZone} />
                <p className="thread__body">{c.body}</p>
              </div>
            </li>
          ))}
        </ol>
      )}
      {dispute.actions.comment && (
        <form className="dform thread__form" onSubmit={comment.submit} noValidate>
          <ReplyField label="Add a comment" rows={3} value={comment.text} onChange={comment.change} error={error} />
          <div className="dform__actions">
            <button type="submit" className="btn btn--primary btn--sm" disabled={add.isPending}>
              {add.isPending ? 'Posting…' : 'Post comment'}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
