// A dialog that is a form: Enter or the submit button sends it, Cancel closes it, and neither a
// stray click beside it nor Esc while it sends throws away what was typed.
import type { ReactNode } from 'react';
import { Dialog, type DialogProps } from './dialog.tsx';

interface FormDialogProps extends Pick<DialogProps, 'title' | 'description' | 'children' | 'onClose' | 'size' | 'className'> {
  /** The submit button's label; while `pending` it shows the pending label instead. */
  submitLabel: ReactNode;
  pendingLabel: ReactNode;
  pending: boolean;
  onSubmit: () => void;
}

export function FormDialog({ submitLabel, pendingLabel, pending, onSubmit, onClose, ...dialog }: FormDialogProps) {
  return (
    <Dialog
      {...dialog}
      onClose={onClose}
      busy={pending}
      closeOnBackdrop={false}
      onSubmit={onSubmit}
      footer={
        <>
          <button type="button" className="btn btn--secondary" onClick={onClose} disabled={pending}>
            Cancel
          </button>
          <button type="submit" className="btn btn--primary" disabled={pending}>
            {pending ? pendingLabel : submitLabel}
          </button>
        </>
      }
    />
  );
}
