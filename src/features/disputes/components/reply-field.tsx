// The one text box of the dispute forms (a reply, a note, a comment): its label, the shared
// length limit, and the error read out with it.
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { MAX_COMMENT_LENGTH } from '#src/utils/dispute-words.ts';

interface ReplyFieldProps {
  label: ReactNode;
  /** "required" or "optional", muted beside the label. */
  note?: string;
  rows: number;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  error?: ReactNode;
  /** Marks the box itself as wrong; by default whenever there is an error. */
  invalid?: boolean;
  autoFocus?: boolean;
}

export function ReplyField({ label, note, rows, value, onChange, placeholder, error, invalid = Boolean(error), autoFocus }: ReplyFieldProps) {
  const boxId = useId();
  const errorId = useId();
  return (
    <>
      <label htmlFor={boxId} className="dform__label">
        {label}
        {note && <span className="muted"> ({note})</span>}
      </label>
      <textarea
        id={boxId}
        className="textarea"
        rows={rows}
        maxLength={MAX_COMMENT_LENGTH}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        placeholder={placeholder}
        aria-invalid={invalid || undefined}
        aria-describedby={error ? errorId : undefined}
        autoFocus={autoFocus}
      />
      {error && (
        <p id={errorId} className="dform__error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}

/** A text that must not be blank: submitting it empty says so until something is typed. `send`
 * gets the trimmed text, and a way to empty the box once it is sent. */
export function useRequiredText(send: (text: string, clear: () => void) => void) {
  const [text, setText] = useState('');
  const [missing, setMissing] = useState(false);
  return {
    text,
    missing,
    change: (value: string) => {
      setText(value);
      if (missing && value.trim()) setMissing(false);
    },
    submit: (event: FormEvent) => {
      event.preventDefault();
      setMissing(text.trim() === '');
      if (text.trim() !== '') send(text.trim(), () => setText(''));
    },
    clearMissing: () => setMissing(false),
  };
}
