// What the lightbox adds for the contractor's edits (until the edit deadline, never on a held
// slot): the memo edited in place, and the slot deleted after a confirmation. And for every
// role, the way to the dispute a slot is in.
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { Link } from 'react-router';
import type { SlotDetail } from '#contract/week.ts';
import { ConfirmDialog } from '#src/components/ui/confirm-dialog.tsx';
import { paths } from '#src/config/paths.ts';
import { isApiError } from '#src/lib/api-client.ts';
import { useConfirming } from '#src/utils/confirming.ts';
import { useDeleteSlot } from '../api/delete-slot.ts';
import { useEditSlotMemo } from '../api/edit-slot-memo.ts';
import { MEMO_MAX } from '../utils/manual-time.ts';
import './edits.css';

const DISPUTE_STATUS: Record<NonNullable<SlotDetail['dispute']>['status'], string> = {
  open: 'open',
  escalated: 'escalated',
  settled: 'settled',
  withdrawn: 'withdrawn',
};

/**
 * Why a slot cannot be edited, or which dispute it is in. A held slot the contractor could
 * otherwise edit says where to answer; anyone else sees a link to the dispute.
 */
export function SlotDisputeNote({ dispute, held, canEdit }: { dispute: SlotDetail['dispute'] | undefined; held: boolean; canEdit: boolean }) {
  if (held && canEdit) {
    return (
      <p className="slot-note slot-note--held">
        <strong>Held in a dispute</strong> — you cannot edit or delete it.{' '}
        {dispute ? <Link to={paths.dispute.getHref(dispute.id)}>Answer it on the dispute page</Link> : 'Answer it on the dispute page.'}
      </p>
    );
  }
  if (!dispute) return null;
  return (
    <p className={`slot-note${held ? ' slot-note--held' : ''}`}>
      In a dispute ({DISPUTE_STATUS[dispute.status]}). <Link to={paths.dispute.getHref(dispute.id)}>View the dispute</Link>
    </p>
  );
}

/** The memo fact: its text, and for the contractor an inline editor with a 500-character budget. */
export function MemoFact({ contractId, start, memo, editable }: { contractId: string; start: string; memo: string; editable: boolean }) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const edit = useEditSlotMemo(contractId);
  const editButton = useRef<HTMLButtonElement>(null);

  const stop = () => {
    setDraft(null);
    edit.reset();
    // Back to the button that opened the editor, once it is rendered again.
    requestAnimationFrame(() => editButton.current?.focus());
  };

  const save = () => {
    if (draft === null || draft.length > MEMO_MAX || edit.isPending) return;
    if (draft.trim() === memo) {
      stop();
      return;
    }
    edit.mutate({ start, memo: draft.trim() }, { onSuccess: stop });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Escape') {
      // Esc cancels the edit; the lightbox stays open.
      event.preventDefault();
      event.stopPropagation();
      stop();
    } else if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) {
      event.preventDefault();
      save();
    }
  };

  if (draft === null) {
    return (
      <div>
        <dt>Memo</dt>
        <dd className="memo-fact">
          <span className={memo ? 'facts__text' : 'muted'}>{memo || 'No memo'}</span>
          {editable && (
            <button ref={editButton} type="button" className="link-button memo-fact__edit" onClick={() => setDraft(memo)}>
              Edit memo
            </button>
          )}
        </dd>
      </div>
    );
  }

  const over = draft.length - MEMO_MAX;
  const problem = isApiError(edit.error) ? edit.error.problem : null;
  const fieldError = problem?.errors?.find((e) => e.field === 'body.memo')?.message;
  const error = edit.error ? (fieldError ? `The memo ${fieldError}.` : edit.error.message) : null;
  return (
    <div>
      <dt>
        <label htmlFor={`${id}-memo`}>Memo</label>
      </dt>
      <dd>
        <form
          className="memo-edit"
          onSubmit={(event) => {
            event.preventDefault();
            save();
          }}
        >
          <textarea
            id={`${id}-memo`}
            className="input memo-edit__input"
            value={draft}
            rows={4}
            // The user just asked to edit it.
            autoFocus
            onFocus={(event) => event.currentTarget.setSelectionRange(draft.length, draft.length)}
            onChange={(event) => setDraft(event.target.value)}
            onKeyDown={onKeyDown}
            aria-invalid={over > 0 || Boolean(error) || undefined}
            aria-describedby={`${id}-count${error ? ` ${id}-error` : ''}`}
            placeholder="What was this time spent on?"
          />
          <div className="memo-edit__row">
            <span id={`${id}-count`} className={`memo-edit__count${over > 0 ? ' memo-edit__count--over' : ''}`}>
              {over > 0 ? `${over} too many · ` : ''}
              {draft.length} / {MEMO_MAX}
              <span className="sr-only"> characters</span>
            </span>
            <div className="memo-edit__buttons">
              <button type="button" className="btn btn--ghost btn--sm" onClick={stop}>
                Cancel
              </button>
              <button type="submit" className="btn btn--primary btn--sm" disabled={over > 0 || edit.isPending}>
                {edit.isPending ? 'Saving…' : 'Save memo'}
              </button>
            </div>
          </div>
          {error && (
            <p id={`${id}-error`} className="edit-error" role="alert">
              {error}
            </p>
          )}
        </form>
      </dd>
    </div>
  );
}

/**
 * "Delete slot", confirmed in a dialog: "Delete 09:10–09:20? Its 10 minutes go from your
 * timesheet and its screenshot is erased. This cannot be undone."
 */
export function DeleteSlot({
  contractId,
  start,
  range,
  hasScreenshot,
  onDeleted,
}: {
  contractId: string;
  start: string;
  /** "09:10–09:20" in the zone shown. */
  range: string;
  hasScreenshot: boolean;
  /** May return a promise: the slot stays in the cached week until it settles. */
  onDeleted: (start: string) => void | Promise<void>;
}) {
  const remove = useDeleteSlot(contractId, {
    onDeleted: (deleted) => {
      setConfirming(false);
      return onDeleted(deleted);
    },
  });
  const { open: confirming, setOpen: setConfirming, close } = useConfirming(remove);

  return (
    <>
      <button type="button" className="btn btn--danger btn--sm" onClick={() => setConfirming(true)}>
        <svg viewBox="0 0 20 20" width="15" height="15" aria-hidden="true">
          <path
            d="M4 6h12M8 6V4.5h4V6M6 6l.7 9.5h6.6L14 6M8.5 9v4M11.5 9v4"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.6"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </svg>
        Delete slot
      </button>
      {confirming && (
        <ConfirmDialog
          title={`Delete ${range}?`}
          description={`Its 10 minutes go from your timesheet${hasScreenshot ? ' and its screenshot is erased' : ''}. This cannot be undone.`}
          confirmLabel="Delete slot"
          pendingLabel="Deleting…"
          cancelLabel="Keep it"
          tone="danger"
          pending={remove.isPending}
          error={remove.error?.message}
          onConfirm={() => remove.mutate(start)}
          onCancel={close}
        />
      )}
    </>
  );
}
