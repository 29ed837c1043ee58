// A page's invite button: it opens the form dialog, and once an invitation is sent says to whom.
import { useState, type ComponentType } from 'react';
import './invitations.css';

export interface InviteDialogProps {
  onClose: () => void;
  onInvited: (email: string) => void;
}

export function InviteButton({ label, Dialog, said }: { label: string; Dialog: ComponentType<InviteDialogProps>; said: (email: string) => string }) {
  const [open, setOpen] = useState(false);
  const [sent, setSent] = useState<string | null>(null);
  return (
    <div className="invite-action">
      <button
        type="button"
        className="btn btn--primary"
        onClick={() => {
          setSent(null);
          setOpen(true);
        }}
      >
        {label}
      </button>
      <p className="invite-action__said" role="status">
        {sent && said(sent)}
      </p>
      {open && (
        <Dialog
          onClose={() => setOpen(false)}
          onInvited={(email) => {
            setSent(email);
            setOpen(false);
          }}
        />
      )}
    </div>
  );
}
