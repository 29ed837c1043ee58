// The token, shown once: the exact command to run on the device, with a Copy button. Once
// this panel is dismissed (or the page left) the token cannot be shown again.
import { useEffect, useId, useRef, useState } from 'react';
import type { CreatedTracker } from '#contract/trackers.ts';
import { connectCommand } from '../utils/connect-command.ts';

function CopyField({ label, value }: { label: string; value: string }) {
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const fieldRef = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied('yes');
    } catch {
      // No clipboard (an insecure origin, or refused): select it for Ctrl+C instead.
      fieldRef.current?.select();
      setCopied('no');
    }
  };
  return (
    <div className="copy-field">
      <label htmlFor={id} className="copy-field__label">
        {label}
      </label>
      <div className="copy-field__row">
        {/* A text area, so the whole command wraps into view instead of scrolling out of it. */}
        <textarea
          id={id}
          ref={fieldRef}
          className="input copy-field__value"
          value={value}
          rows={value.length > 60 ? 2 : 1}
          readOnly
          spellCheck={false}
          onFocus={(e) => e.currentTarget.select()}
        />
        <button type="button" className="btn btn--secondary" onClick={() => void copy()}>
          Copy
        </button>
      </div>
      <span className="muted small copy-field__status" aria-live="polite">
        {copied === 'yes' ? 'Copied to the clipboard.' : copied === 'no' ? 'Selected: press Ctrl+C (⌘C) to copy.' : ''}
      </span>
    </div>
  );
}

export function NewTokenPanel({ tracker, origin, onDone }: { tracker: CreatedTracker; origin: string; onDone: () => void }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Announce it and bring it into view: it is what the contractor needs next.
  useEffect(() => headingRef.current?.focus(), [tracker.id]);
  return (
    <section className="token-panel" aria-labelledby={`token-${tracker.id}`}>
      <h2 id={`token-${tracker.id}`} className="token-panel__title" ref={headingRef} tabIndex={-1}>
        Token for “{tracker.deviceName}”
      </h2>
      <p className="token-panel__lead">
        Copy it now: <strong>it is shown only this once.</strong> On that computer, run:
      </p>
      <CopyField label="Command" value={connectCommand(origin, tracker.token)} />
      <CopyField label="Token alone" value={tracker.token} />
      <div className="token-panel__actions">
        <button type="button" className="btn btn--primary" onClick={onDone}>
          I have copied it
        </button>
      </div>
    </section>
  );
}
