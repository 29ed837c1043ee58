// The signing secret: hidden until asked for, with Copy. The receiver verifies each request's
// `webhook-signature` with it (any Standard Webhooks library takes it as it is, `whsec_…`).
import { useId, useState } from 'react';

export function SecretField({ secret }: { secret: string }) {
  const [shown, setShown] = useState(false);
  const [note, setNote] = useState('');
  const id = useId();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setNote('Copied to the clipboard.');
    } catch {
      setShown(true);
      setNote('Shown: select it and copy it by hand.');
    }
  };
  return (
    <div className="secret-field">
      <label htmlFor={id} className="secret-field__label">
        Signing secret
      </label>
      <div className="secret-field__row">
        <input id={id} className="input secret-field__value" readOnly spellCheck={false} value={shown ? secret : `whsec_${'•'.repeat(24)}`} onFocus={(e) => shown && e.currentTarget.select()} />
        <button type="button" className="btn btn--secondary btn--sm" onClick={() => setShown(!shown)} aria-pressed={shown}>
          {shown ? 'Hide' : 'Show'}
        </button>
        <button type="button" className="btn btn--secondary btn--sm" onClick={() => void copy()}>
          Copy
        </button>
      </div>
      <span className="muted small" aria-live="polite">
        {note}
      </span>
    </div>
  );
}
