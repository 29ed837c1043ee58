// "Are you sure?", said once: what will happen, then a deliberate choice. Focus starts on the
// way back, so an Enter pressed in haste does nothing that cannot be undone.
import { useRef, type ReactNode } from 'react';
import { Dialog } from './dialog.tsx';

interface ConfirmDialogProps {
  title: string;
  /** What confirming does; read out with the title. */
  description: ReactNode;
  /** More detail under it, e.g. the amounts. */
  children?: ReactNode;
  confirmLabel: string;
  /** The confirm button's label while the request runs. */
  pendingLabel?: string;
  cancelLabel?: string;
  tone?: 'primary' | 'danger';
  /** While the request runs the dialog stays, its buttons off. */
  pending?: boolean;
  error?: ReactNode;
  onConfirm: () => void;
  onCancel: () => void;
}

export function ConfirmDialog({
  title,
  description,
  children,
  confirmLabel,
  pendingLabel,
  cancelLabel = 'Cancel',
  tone = 'primary',
  pending = false,
  error,
  onConfirm,
  onCancel,
}: ConfirmDialogProps) {
  const cancelRef = useRef<HTMLButtonElement>(null);
  return (
    <Dialog
      role="alertdialog"
      size="sm"
      title={title}
      description={description}
      onClose={onCancel}
      busy={pending}
      initialFocus={cancelRef}
      footer={
        <>
          <button ref={cancelRef} type="button" className="btn btn--secondary" onClick={onCancel} disabled={pending}>
            {cancelLabel}
          </button>
          <button type="button" className={tone === 'danger' ? 'btn btn--danger-solid' : 'btn btn--primary'} onClick={onConfirm} disabled={pending}>
            {pending && pendingLabel ? pendingLabel : confirmLabel}
          </button>
        </>
      }
    >
      {children || error ? (
        <>
          {children}
          {error && (
            <p className="alert alert--error" role="alert">
              {error}
            </p>
          )}
        </>
      ) : null}
    </Dialog>
  );
}
