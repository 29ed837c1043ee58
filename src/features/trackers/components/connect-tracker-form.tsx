// Names the device and makes its token. The name is what the list shows later, so the
// contractor can tell which computer to revoke.
import { useId, useState, type FormEvent } from 'react';
import type { CreatedTracker } from '#contract/trackers.ts';
import { isApiError } from '#src/lib/api-client.ts';
import { useCreateTracker } from '../api/create-tracker.ts';

const MAX = 100;

export function ConnectTrackerForm({ onCreated }: { onCreated: (tracker: CreatedTracker) => void }) {
  const [name, setName] = useState('');
  const create = useCreateTracker();
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();
  const trimmed = name.trim();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!trimmed || create.isPending) return;
    create.mutate(
      { deviceName: trimmed },
      {
        onSuccess: (tracker) => {
          setName('');
          onCreated(tracker);
        },
      },
    );
  };

  const error = create.error;
  const message = error ? (isApiError(error) ? (error.problem?.errors?.[0]?.message ? `Device name ${error.problem.errors[0].message}.` : error.message) : error.message) : null;

  return (
    <form className="panel tracker-connect" onSubmit={submit} noValidate>
      <h2 className="tracker-section__title">Connect a device</h2>
      <div className="tracker-connect__row">
        <div className="field tracker-connect__field">
          <label htmlFor={inputId}>Device name</label>
          <input
            id={inputId}
            name="deviceName"
            value={name}
            maxLength={MAX}
            autoComplete="off"
            placeholder="Work laptop"
            onChange={(e) => setName(e.target.value)}
            aria-describedby={message ? `${hintId} ${errorId}` : hintId}
            aria-invalid={message ? 'true' : undefined}
          />
          <span id={hintId} className="muted small">
            One token per computer. The name helps you recognise it later.
          </span>
        </div>
        <button type="submit" className="btn btn--primary tracker-connect__submit" disabled={!trimmed || create.isPending}>
          {create.isPending ? 'Creating…' : 'Create token'}
        </button>
      </div>
      {message && (
        <div className="alert alert--error" role="alert" id={errorId}>
          {message}
        </div>
      )}
    </form>
  );
}
