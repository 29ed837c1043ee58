// The contractor's conveniences: accept every open slot, or contest them all with one reply.
// The slots are answered one by one (the API answers per slot); the last answer closes the
// dispute's open phase, and a failure stops the run with the server's reason.
import { useState } from 'react';
import type { Dispute } from '#contract/disputes.ts';
import { ConfirmDialog } from '#src/components/ui/confirm-dialog.tsx';
import { FormDialog } from '#src/components/ui/form-dialog.tsx';
import { useAnswerSlot } from '../api/answer-slot.ts';
import { MISSING_REPLY, slotCountText } from '#src/utils/dispute-labels.ts';
import { problemText } from '../utils/problem-text.ts';
import { ReplyField } from './reply-field.tsx';

type Mode = 'accept' | 'contest';

export function BulkAnswer({ dispute }: { dispute: Dispute }) {
  const [mode, setMode] = useState<Mode | null>(null);
  const open = dispute.slots.filter((s) => s.status === 'open');
  // While a run is under way the open slots dwindle; the dialog stays until it is done.
  if (open.length < 2 && mode === null) return null;
  return (
    <>
      {open.length >= 2 && (
        <>
          <button type="button" className="btn btn--secondary" onClick={() => setMode('accept')}>
            Accept all {open.length}
          </button>
          <button type="button" className="btn btn--secondary" onClick={() => setMode('contest')}>
            Contest all {open.length}…
          </button>
        </>
      )}
      {mode && <BulkDialog mode={mode} dispute={dispute} starts={open.map((s) => s.start)} onClose={() => setMode(null)} />}
    </>
  );
}

function BulkDialog({ mode, dispute, starts, onClose }: { mode: Mode; dispute: Dispute; starts: string[]; onClose: () => void }) {
  const answer = useAnswerSlot();
  const [reply, setReply] = useState('');
  const [done, setDone] = useState(0);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState('');

  const run = async () => {
    if (mode === 'contest' && reply.trim() === '') {
      setError(MISSING_REPLY);
      return;
    }
    setError('');
    setRunning(true);
    let count = 0;
    for (const start of starts) {
      try {
        await answer.mutateAsync({
          disputeId: dispute.id,
          start,
          body: mode === 'accept' ? { answer: 'accept', reply: '' } : { answer: 'contest', reply: reply.trim() },
        });
      } catch (err) {
        setError(`${count > 0 ? `${slotCountText(count)} answered, then: ` : ''}${problemText(err)}`);
        setRunning(false);
        return;
      }
      count += 1;
      setDone(count);
    }
    setRunning(false);
    onClose();
  };

  const n = starts.length;
  const progress = `Answering ${Math.min(done + 1, n)} of ${n}…`;
  if (mode === 'accept') {
    return (
      <ConfirmDialog
        title={`Accept all ${n} open slots?`}
        description={`The client is refunded for ${slotCountText(n)}: they will not be paid. This cannot be undone.`}
        confirmLabel={`Accept and refund ${slotCountText(n)}`}
        pendingLabel={progress}
        tone="danger"
        pending={running}
        error={error || null}
        onConfirm={() => void run()}
        onCancel={onClose}
      />
    );
  }
  return (
    <FormDialog
      title={`Contest all ${n} open slots`}
      description="The same reply goes with every slot. An admin reads it and decides each one."
      onClose={onClose}
      pending={running}
      onSubmit={() => void run()}
      submitLabel={`Contest ${slotCountText(n)}`}
      pendingLabel={progress}
    >
      <div className="dform">
        <ReplyField
          label="Your reply"
          note="required"
          rows={4}
          value={reply}
          onChange={setReply}
          placeholder="What you worked on in these slots, and why they should be paid"
          error={error}
          invalid={Boolean(error) && !reply.trim()}
        />
      </div>
    </FormDialog>
  );
}
