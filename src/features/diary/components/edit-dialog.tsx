// A small modal dialog for the contractor's edits (the delete confirmation, manual time): the
// native <dialog> makes the page behind inert, Tab keeps cycling inside, Esc closes, and focus
// goes back to what opened it. It may open on top of the lightbox (itself a modal dialog): its
// keys stop here, so the lightbox behind neither steps to another slot nor closes.
import { useEffect, useId, useLayoutEffect, useRef, type FormEvent, type KeyboardEvent, type ReactNode, type SyntheticEvent } from 'react';
import './edits.css';

const FOCUSABLE =
  'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

interface EditDialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  footer: ReactNode;
  /** A selector inside the dialog to focus first (default: the first control). */
  initialFocus?: string;
  /** The dialog is a form: Enter in an input and the footer's submit button call this. */
  onSubmit?: () => void;
  /** `alertdialog` for a confirmation of something that cannot be undone. */
  role?: 'dialog' | 'alertdialog';
  describedBy?: string;
  className?: string;
}

export function EditDialog({ title, onClose, children, footer, initialFocus, onSubmit, role = 'dialog', describedBy, className }: EditDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const opener = useRef<Element | null>(null);

  useLayoutEffect(() => {
    const dialog = ref.current!;
    opener.current = document.activeElement;
    if (!dialog.open) dialog.showModal();
    const first = (initialFocus && dialog.querySelector<HTMLElement>(initialFocus)) || dialog.querySelector<HTMLElement>(FOCUSABLE);
    first?.focus();
    return () => {
      if (dialog.open) dialog.close();
    };
    // Opening is once per mount.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Back to the control that opened the dialog, if it is still there.
  useEffect(
    () => () => {
      const el = opener.current as HTMLElement | null;
      if (el?.isConnected) el.focus();
    },
    [],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    event.stopPropagation();
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
      return;
    }
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
    event.stopPropagation();
    onClose();
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    event.stopPropagation();
    onSubmit?.();
  };

  const content = (
    <>
      <div className="edit-dialog__body">
        <h2 id={titleId} className="edit-dialog__title">
          {title}
        </h2>
        {children}
      </div>
      <div className="edit-dialog__footer">{footer}</div>
    </>
  );

  return (
    <dialog
      ref={ref}
      className={`edit-dialog${className ? ` ${className}` : ''}`}
      role={role}
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={describedBy}
      onKeyDown={onKeyDown}
      onCancel={onCancel}
      // Clicks inside must not reach the lightbox's handlers behind it.
      onClick={(event) => event.stopPropagation()}
    >
      {onSubmit ? (
        <form className="edit-dialog__form" onSubmit={submit} noValidate>
          {content}
        </form>
      ) : (
        content
      )}
    </dialog>
  );
}
