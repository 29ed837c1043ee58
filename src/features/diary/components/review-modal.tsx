// The frame of the review's dialogs (dispute, approve, shortcuts): a native modal <dialog>, so
// the page behind is inert; Tab keeps cycling inside, Esc (or a click on the backdrop) closes,
// and focus goes back to what opened it.
import { useEffect, useId, useLayoutEffect, useRef, type KeyboardEvent, type ReactNode, type SyntheticEvent } from 'react';
import './dispute-dialog.css';

const FOCUSABLE =
  'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

interface ReviewModalProps {
  title: string;
  /** A line under the title. */
  lead?: ReactNode;
  onClose: () => void;
  children?: ReactNode;
  footer: ReactNode;
  /** A selector inside the dialog to focus first (default: the first control). */
  initialFocus?: string;
  /** While a request runs, Esc and the backdrop do not close it. */
  busy?: boolean;
  size?: 'md' | 'lg';
  className?: string;
}

export function ReviewModal({ title, lead, onClose, children, footer, initialFocus, busy = false, size = 'md', className = '' }: ReviewModalProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const leadId = useId();
  const opener = useRef<Element | null>(null);

  useLayoutEffect(() => {
    const dialog = ref.current!;
    opener.current = document.activeElement;
    if (!dialog.open) dialog.showModal();
    const first = (initialFocus && dialog.querySelector<HTMLElement>(initialFocus)) || dialog.querySelector<HTMLElement>(FOCUSABLE);
    first?.focus();
    document.documentElement.classList.add('has-modal');
    return () => {
      document.documentElement.classList.remove('has-modal');
      if (dialog.open) dialog.close();
    };
    // Opening is once per mount.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Back to the control that opened the dialog once it is gone (if that control still is).
  useEffect(
    () => () => {
      const el = opener.current as HTMLElement | null;
      if (el?.isConnected) el.focus({ preventScroll: true });
    },
    [],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key !== 'Tab') return;
    const focusable = Array.from(ref.current!.querySelectorAll<HTMLElement>(FOCUSABLE));
    if (focusable.length === 0) return;
    const first = focusable[0]!;
    const last = focusable[focusable.length - 1]!;
    if (event.shiftKey && (document.activeElement === first || document.activeElement === ref.current)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  const onCancel = (event: SyntheticEvent<HTMLDialogElement>) => {
    event.preventDefault();
    if (!busy) onClose();
  };

  return (
    <dialog
      ref={ref}
      className={`rv-modal rv-modal--${size} ${className}`}
      aria-labelledby={titleId}
      aria-describedby={lead ? leadId : undefined}
      onKeyDown={onKeyDown}
      onCancel={onCancel}
      onClick={(e) => {
        // A click on the backdrop (the dialog element itself, outside its box) closes.
        const dialog = ref.current;
        if (busy || !dialog || e.target !== dialog) return;
        const r = dialog.getBoundingClientRect();
        if (e.clientX < r.left || e.clientX > r.right || e.clientY < r.top || e.clientY > r.bottom) onClose();
      }}
    >
      <div className="rv-modal__body">
        <h2 id={titleId} className="rv-modal__title">
          {title}
        </h2>
        {lead && (
          <p id={leadId} className="rv-modal__lead">
            {lead}
          </p>
        )}
        {children}
      </div>
      <div className="rv-modal__footer">{footer}</div>
    </dialog>
  );
}
