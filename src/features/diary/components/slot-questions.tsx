// The lightbox's questions: a client asks about a slot without disputing it, the contractor
// answers, either adds to the thread until the client closes it. A question holds no money and
// changes no state; the server says who may do what (`ask`, `actions`).
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import type { Question, QuestionStatus } from '#contract/questions.ts';
import { MessageByline } from '#src/components/ui/message-byline.tsx';
import { isApiError } from '#src/lib/api-client.ts';
import { useAskQuestion } from '../api/ask-question.ts';
import { useCloseQuestion } from '../api/close-question.ts';
import { useSlotQuestions } from '../api/get-slot-questions.ts';
import { useReplyToQuestion } from '../api/reply-to-question.ts';
import './slot-questions.css';

// contract/questions.ts MAX_QUESTION, copied: importing a value from the contract would pull zod
// into the diary's bundle. The server checks the length either way and says so.
const MAX_QUESTION = 1000;

const STATUS_LABEL: Record<QuestionStatus, string> = {
  open: 'Waiting on the contractor',
  answered: 'Answered',
  closed: 'Closed',
};

/** The server's reason, or the text field's own message as a sentence. */
function errorText(error: unknown, what: string): string | null {
  if (!error) return null;
  const field = isApiError(error) ? error.problem?.errors?.find((e) => e.field === 'body.body')?.message : undefined;
  if (field) return `The ${what} ${field}.`;
  return error instanceof Error ? error.message : 'Something went wrong. Please try again.';
}

/** A text box with its label, a character budget and a submit button. */
function MessageForm({
  label,
  submit,
  pending,
  error,
  onSend,
  extra,
}: {
  label: string;
  submit: string;
  pending: boolean;
  error: string | null;
  onSend: (text: string, clear: () => void) => void;
  /** Another action beside the submit button. */
  extra?: ReactNode;
}) {
  const id = useId();
  const [text, setText] = useState('');
  const [missing, setMissing] = useState(false);
  const over = text.length - MAX_QUESTION;
  const shown = missing ? 'Write something first.' : error;
  const send = (event: FormEvent) => {
    event.preventDefault();
    if (pending || over > 0) return;
    if (!text.trim()) {
      setMissing(true);
      return;
    }
    onSend(text.trim(), () => setText(''));
  };
  return (
    <form className="question-form" onSubmit={send} noValidate>
      <label htmlFor={id} className="question-form__label">
        {label}
      </label>
      <textarea
        id={id}
        className="input question-form__input"
        rows={2}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setMissing(false);
        }}
        onKeyDown={(event) => {
          // Esc with a draft keeps it (and the lightbox); Esc in an empty box closes as anywhere.
          if (event.key === 'Escape' && text.trim()) {
            event.preventDefault();
            event.stopPropagation();
          }
        }}
        aria-invalid={over > 0 || Boolean(shown) || undefined}
        aria-describedby={shown ? `${id}-error` : undefined}
      />
      <div className="question-form__row">
        {/* The budget shows once it starts to matter. */}
        {text.length > MAX_QUESTION * 0.8 && (
          <span className={`question-form__count${over > 0 ? ' question-form__count--over' : ''}`}>
            {text.length} / {MAX_QUESTION}
          </span>
        )}
        <span className="question-form__buttons">
          {extra}
          <button type="submit" className="btn btn--primary btn--sm" disabled={pending || over > 0}>
            {pending ? 'Sending…' : submit}
          </button>
        </span>
      </div>
      {shown && (
        <p id={`${id}-error`} className="edit-error" role="alert">
          {shown}
        </p>
      )}
    </form>
  );
}

function QuestionThread({ question, contractId, start, zone }: { question: Question; contractId: string; start: string; zone: string }) {
  const reply = useReplyToQuestion(contractId, start);
  const close = useCloseQuestion(contractId, start);
  // Only the client may close; the client's reply is a follow-up, the contractor's an answer.
  const asClient = question.actions.close;
  return (
    <li className={`question question--${question.status}`}>
      <p className="question__status">
        <span className={`tag question__tag question__tag--${question.status}`}>{STATUS_LABEL[question.status]}</span>
      </p>
      <ol className="question__messages">
        {question.messages.map((m) => (
          <li key={m.id} className={`question__message question__message--${m.author.role}`}>
            <MessageByline className="question__who" roleClassName="muted small" author={m.author} at={m.createdAt} zone={zone} />
            <p className="question__body">{m.body}</p>
          </li>
        ))}
      </ol>
      {question.actions.reply && (
        <MessageForm
          label={asClient ? 'Add a follow-up' : question.status === 'open' ? 'Your answer' : 'Add to your answer'}
          submit={asClient ? 'Send follow-up' : 'Send answer'}
          pending={reply.isPending}
          error={errorText(reply.error, asClient ? 'follow-up' : 'answer') ?? errorText(close.error, 'question')}
          onSend={(body, clear) => reply.mutate({ questionId: question.id, body }, { onSuccess: clear })}
          extra={
            question.actions.close && (
              <button type="button" className="btn btn--secondary btn--sm" disabled={close.isPending} onClick={() => close.mutate(question.id)}>
                {close.isPending ? 'Closing…' : 'Close question'}
              </button>
            )
          }
        />
      )}
    </li>
  );
}

export function SlotQuestions({ contractId, start, zone }: { contractId: string; start: string; zone: string }) {
  const titleId = useId();
  const thread = useSlotQuestions(contractId, start);
  const ask = useAskQuestion(contractId, start);
  const questions = thread.data?.questions ?? [];
  // Nothing to show and nothing to do: the section stays out of the way.
  if (thread.isPending || (!thread.isError && questions.length === 0 && !thread.data?.ask)) return null;
  return (
    <section className="slot-questions" aria-labelledby={titleId}>
      <h3 id={titleId} className="lightbox__subtitle">
        Questions{questions.length > 0 && <span className="muted"> ({questions.length})</span>}
      </h3>
      {thread.isError ? (
        <p className="muted small">
          The questions could not be loaded.{' '}
          <button type="button" className="link-button" onClick={() => void thread.refetch()}>
            Retry
          </button>
        </p>
      ) : (
        <>
          {questions.length > 0 && (
            <ol className="slot-questions__list">
              {questions.map((q) => (
                <QuestionThread key={q.id} question={q} contractId={contractId} start={start} zone={zone} />
              ))}
            </ol>
          )}
          {thread.data?.ask && (
            <MessageForm
              label="Ask the contractor about this slot"
              submit="Ask question"
              pending={ask.isPending}
              error={errorText(ask.error, 'question')}
              onSend={(body, clear) => ask.mutate(body, { onSuccess: clear })}
            />
          )}
          {thread.data?.ask && <p className="muted small">A question holds no money, unlike a dispute.</p>}
        </>
      )}
    </section>
  );
}
