// The one modal dialog of the dashboard, on the native <dialog> and showModal(): the browser
// makes the page behind inert and turns Esc into a `cancel` event. This adds what the browser
// leaves out: Tab cycles inside (else it walks out to the browser's own toolbar), a click on the
// backdrop closes where nothing typed would be lost, and focus goes back to what opened it.
import {
  Children,
  useId,
  useLayoutEffect,
  useRef,
  type FormEvent,
  type KeyboardEvent,
  type PointerEvent,
  type ReactNode,
  type RefObject,
  type SyntheticEvent,
} from 'react';
import './dialog.css';

const CONTROLS =
  'a[href], button:not(:disabled), input:not(:disabled):not([type="hidden"]), select:not(:disabled), textarea:not(:disabled), [tabindex]:not([tabindex="-1"])';

/** In document order (jsdom's selector engine lists a selector list's matches selector by selector). */
function controlsIn(root: HTMLElement): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>('*')).filter((el) => el.matches(CONTROLS) && !el.closest('[hidden], [inert]'));
}

export interface DialogProps {
  /** The heading, and so the dialog's accessible name. */
  title: ReactNode;
  /** Under the title; a screen reader reads it with the name. */
  description?: ReactNode;
  /** Beside the title, e.g. the lightbox's steps and its close button. */
  actions?: ReactNode;
  children?: ReactNode;
  footer?: ReactNode;
  /** Esc, the backdrop, or the browser closing it. */
  onClose: () => void;
  /** Where focus starts; the first control by default. */
  initialFocus?: RefObject<HTMLElement | null>;
  /** While a request runs, Esc and the backdrop leave it open. */
  busy?: boolean;
  /** Off for forms: a stray click beside one must not throw away what was typed. */
  closeOnBackdrop?: boolean;
  /** `alertdialog` for a confirmation. */
  role?: 'dialog' | 'alertdialog';
  size?: 'sm' | 'md' | 'lg' | 'full';
  /** The dialog is a form: Enter in a field and a submit button in the footer call this. */
  onSubmit?: () => void;
  /** Keys the dialog gives meaning to (the lightbox's ← and →). */
  onKeyDown?: (event: KeyboardEvent<HTMLDialogElement>) => void;
  /** For a caller that moves focus to the dialog itself. */
  dialogRef?: RefObject<HTMLDialogElement | null>;
  className?: string;
}

export function Dialog({
  title,
  description,
  actions,
  children,
  footer,
  onClose,
  initialFocus,
  busy = false,
  closeOnBackdrop = true,
  role,
  size = 'md',
  onSubmit,
  onKeyDown,
  dialogRef,
  className,
}: DialogProps) {
  const ownRef = useRef<HTMLDialogElement>(null);
  const ref = dialogRef ?? ownRef;
  const titleId = useId();
  const descriptionId = useId();
  // A press that starts inside and ends on the backdrop (selecting text) is not a click on it.
  const pressedBackdrop = useRef(false);

  useLayoutEffect(() => {
    const dialog = ref.current!;
    const opener = document.activeElement;
    if (!dialog.open) dialog.showModal();
    (initialFocus?.current ?? controlsIn(dialog)[0] ?? dialog).focus();
    return () => {
      // Closed first: focus cannot land on the page while it is still inert.
      if (dialog.open) dialog.close();
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus({ preventScroll: true });
    };
    // Opening is once per mount.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Nested dialogs (a confirmation over the lightbox) get React's bubbling of cancel and close:
  // each answers only its own.
  const onCancel = (event: SyntheticEvent<HTMLDialogElement>) => {
    if (event.target !== event.currentTarget) return;
    // Without a user action since the last Esc, the browser closes anyway: onNativeClose answers.
    if (!event.nativeEvent.cancelable) return;
    event.preventDefault();
    if (!busy) onClose();
  };

  const onNativeClose = (event: SyntheticEvent<HTMLDialogElement>) => {
    const dialog = event.currentTarget;
    if (event.target !== dialog || dialog.open || !dialog.isConnected) return;
    if (busy) dialog.showModal();
    else onClose();
  };

  const keyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    // Keys pressed here are this dialog's: the one behind must not step or close.
    event.stopPropagation();
    onKeyDown?.(event);
    if (event.key !== 'Tab' || event.defaultPrevented) return;
    const dialog = event.currentTarget;
    const controls = controlsIn(dialog);
    if (controls.length === 0) {
      event.preventDefault();
      return;
    }
    const first = controls[0]!;
    const last = controls[controls.length - 1]!;
    const at = document.activeElement;
    if (event.shiftKey && (at === first || at === dialog)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && at === last) {
      event.preventDefault();
      first.focus();
    }
  };

  // The dialog's box is filled by its frame, so a target of the <dialog> itself is its backdrop.
  const pointerDown = (event: PointerEvent<HTMLDialogElement>) => {
    pressedBackdrop.current = event.target === event.currentTarget;
  };
  const click = (event: SyntheticEvent<HTMLDialogElement>) => {
    const onBackdrop = event.target === event.currentTarget && pressedBackdrop.current;
    pressedBackdrop.current = false;
    if (onBackdrop && closeOnBackdrop && !busy) onClose();
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // A form in a dialog inside this one's form must not submit this one too.
    event.stopPropagation();
    onSubmit?.();
  };

  const content = (
    <>
      <div className="dialog__head">
        <div className="dialog__heading">
          <h2 id={titleId} className="dialog__title">
            {title}
          </h2>
          {description && (
            <div id={descriptionId} className="dialog__lead">
              {description}
            </div>
          )}
        </div>
        {actions && <div className="dialog__actions">{actions}</div>}
      </div>
      {Children.toArray(children).length > 0 && <div className="dialog__body">{children}</div>}
      {footer && <div className="dialog__footer">{footer}</div>}
    </>
  );

  return (
    <dialog
      ref={ref}
      className={`dialog dialog--${size}${className ? ` ${className}` : ''}`}
      role={role}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      tabIndex={-1}
      onCancel={onCancel}
      onClose={onNativeClose}
      onKeyDown={keyDown}
      onPointerDown={pointerDown}
      onClick={click}
    >
      {onSubmit ? (
        <form className="dialog__frame" onSubmit={submit} noValidate>
          {content}
        </form>
      ) : (
        <div className="dialog__frame">{content}</div>
      )}
    </dialog>
  );
}
