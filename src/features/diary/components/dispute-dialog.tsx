// "Dispute these slots": a reason, a comment, and the money that will be held. Generic over
// where the slots come from (the review's flags, the diary's selection). The slots turn held at
// once (see useCreateDispute); the server's field errors show beside their fields.
import { useId, useState, type KeyboardEvent } from 'react';
import type { Dispute, DisputeReason } from '#contract/disputes.ts';
import { FormDialog } from '#src/components/ui/form-dialog.tsx';
import { isApiError } from '#src/lib/api-client.ts';
import { DISPUTE_REASON_LIST, MAX_COMMENT_LENGTH as MAX_COMMENT, REASON_LABELS } from '#src/utils/dispute-words.ts';
import { useCreateDispute } from '../api/create-dispute.ts';
import './dispute-dialog.css';

export interface DisputeDialogProps {
  open: boolean;
  slots: { start: string }[];
  contractId: string;
  /** What is being disputed, e.g. "3 slots · 30 m · $32.50 held". */
  summary: string;
  onClose: () => void;
  onCreated: (dispute: Dispute) => void;
  /** Defaults: "Dispute 3 slots" and "Dispute 3 slots". */
  title?: string;
  submitLabel?: string;
  /** A reason to start with (the user can change it), e.g. from what made the slots suspicious. */
  suggestedReason?: DisputeReason | null;
}

export function DisputeDialog(props: DisputeDialogProps) {
  if (!props.open) return null;
  return <DisputeForm {...props} />;
}

type FieldErrors = { reason?: string; comment?: string };

const countFormat = new Intl.NumberFormat('en-US');
const slotWord = (n: number) => (n === 1 ? '1 slot' : `${n} slots`);

/** The server's problem as per-field messages (`body.comment` → comment) and the rest. */
function serverErrors(error: unknown): { fields: FieldErrors; general: string | null } {
  if (!error) return { fields: {}, general: null };
  if (!isApiError(error)) return { fields: {}, general: error instanceof Error ? error.message : 'Something went wrong. Please try again.' };
  const fields: FieldErrors = {};
  const rest: string[] = [];
  for (const e of error.problem?.errors ?? []) {
    const message = `${e.message.charAt(0).toUpperCase()}${e.message.slice(1)}`;
    if (e.field === 'body.reason') fields.reason = message;
    else if (e.field === 'body.comment') fields.comment = message;
    else rest.push(e.field.startsWith('body.slots') ? `A slot ${e.message}.` : `${e.field.replace(/^body\./, '')} ${e.message}.`);
  }
  if (rest.length === 0 && !fields.reason && !fields.comment) rest.push(error.message);
  return { fields, general: rest.length > 0 ? rest.join(' ') : null };
}

function DisputeForm({ slots, contractId, summary, onClose, onCreated, title, submitLabel, suggestedReason }: DisputeDialogProps) {
  const id = useId();
  const [reason, setReason] = useState<DisputeReason | ''>(suggestedReason ?? '');
  const [comment, setComment] = useState('');
  const [local, setLocal] = useState<FieldErrors>({});
  const mutation = useCreateDispute(contractId);
  const server = serverErrors(mutation.error);
  const errors: FieldErrors = { reason: local.reason ?? server.fields.reason, comment: local.comment ?? server.fields.comment };
  const count = slots.length;
  const commentRequired = reason === 'other';

  const submit = () => {
    if (mutation.isPending) return;
    const found: FieldErrors = {};
    if (!reason) found.reason = 'Choose a reason: it tells the contractor what is wrong.';
    if (reason === 'other' && !comment.trim()) found.comment = 'Say what is wrong: a comment is required when the reason is “Other”.';
    setLocal(found);
    if (found.reason || found.comment || !reason) {
      const field = found.reason ? `#${CSS.escape(`${id}-reason`)}` : `#${CSS.escape(`${id}-comment`)}`;
      document.querySelector<HTMLElement>(field)?.focus();
      return;
    }
    mutation.mutate({ starts: slots.map((s) => s.start), reason, comment: comment.trim() }, { onSuccess: onCreated });
  };

  const onSelectKey = (event: KeyboardEvent<HTMLSelectElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      submit();
    }
  };

  return (
    <FormDialog
      title={title ?? `Dispute ${slotWord(count)}`}
      description="The contractor has 3 days to accept or contest each slot. Until it is settled, the money stays held."
      onClose={onClose}
      pending={mutation.isPending}
      onSubmit={submit}
      submitLabel={submitLabel ?? `Dispute ${slotWord(count)}`}
      pendingLabel="Disputing…"
    >
      <div className="dispute-form">
        <p className="dispute-form__summary" data-testid="dispute-summary">
          {summary}
        </p>
        {server.general && (
          <div className="alert alert--error" role="alert">
            {server.general}
          </div>
        )}
        <div className="dispute-form__field">
          <label htmlFor={`${id}-reason`}>Reason</label>
          <select
            id={`${id}-reason`}
            className="input"
            value={reason}
            required
            aria-invalid={errors.reason ? true : undefined}
            aria-describedby={errors.reason ? `${id}-reason-error` : undefined}
            onChange={(e) => {
              setReason(e.target.value as DisputeReason | '');
              setLocal((l) => ({ ...l, reason: undefined, comment: undefined }));
              mutation.reset();
            }}
            onKeyDown={onSelectKey}
          >
            <option value="" disabled>
              Choose a reason…
            </option>
            {DISPUTE_REASON_LIST.map((r) => (
              <option key={r} value={r}>
                {REASON_LABELS[r]}
              </option>
            ))}
          </select>
          {errors.reason && (
            <p id={`${id}-reason-error`} className="dispute-form__error">
              {errors.reason}
            </p>
          )}
        </div>
        <div className="dispute-form__field">
          <label htmlFor={`${id}-comment`}>
            Comment <span className="dispute-form__hint">{commentRequired ? '(required for “Other”)' : '(optional)'}</span>
          </label>
          <textarea
            id={`${id}-comment`}
            className="input dispute-form__comment"
            rows={4}
            maxLength={MAX_COMMENT}
            value={comment}
            placeholder={commentRequired ? 'Say what is wrong with these slots' : 'What should the contractor know?'}
            required={commentRequired}
            aria-invalid={errors.comment ? true : undefined}
            aria-describedby={`${errors.comment ? `${id}-comment-error ` : ''}${id}-count`}
            onChange={(e) => {
              setComment(e.target.value);
              setLocal((l) => ({ ...l, comment: undefined }));
            }}
          />
          <div className="dispute-form__below">
            {errors.comment ? (
              <p id={`${id}-comment-error`} className="dispute-form__error">
                {errors.comment}
              </p>
            ) : (
              <span />
            )}
            <span id={`${id}-count`} className={comment.length >= MAX_COMMENT ? 'dispute-form__count dispute-form__count--full' : 'dispute-form__count'}>
              {countFormat.format(comment.length)} / {countFormat.format(MAX_COMMENT)}
            </span>
          </div>
        </div>
      </div>
    </FormDialog>
  );
}
