// A read-only value with a Copy button: a command or a token the contractor pastes elsewhere.
import { useId, useRef, useState } from 'react';

export function CopyField({ label, value }: { label: string; value: string }) {
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
