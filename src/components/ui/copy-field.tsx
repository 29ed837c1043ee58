// A read-only value with a Copy button: a command, a token or a secret the user pastes elsewhere.
// A secret (`mask`) stays hidden until Show. Without a clipboard (an insecure origin, or refused)
// the value is shown and selected for Ctrl+C instead.
import { useId, useRef, useState } from 'react';
import './copy-field.css';

export function CopyField({ label, value, mask }: { label: string; value: string; /** Shown in the value's place until Show. */ mask?: string }) {
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const [shown, setShown] = useState(mask === undefined);
  const fieldRef = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied('yes');
    } catch {
      setShown(true);
      requestAnimationFrame(() => fieldRef.current?.select());
      setCopied('no');
    }
  };
  const text = shown ? value : mask!;
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
          value={text}
          rows={text.length > 60 ? 2 : 1}
          readOnly
          spellCheck={false}
          onFocus={(e) => shown && e.currentTarget.select()}
        />
        {mask !== undefined && (
          <button type="button" className="btn btn--secondary" onClick={() => setShown(!shown)} aria-pressed={shown}>
            {shown ? 'Hide' : 'Show'}
          </button>
        )}
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
