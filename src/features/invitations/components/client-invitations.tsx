// The client's contracts page: "Invite a contractor", and the company's invitations.
import { useState } from 'react';
import { InviteContractorDialog } from './invite-contractor-dialog.tsx';
import { InvitationsList } from './invitations-list.tsx';
import './invitations.css';

export function InviteContractorButton() {
  const [open, setOpen] = useState(false);
  const [sent, setSent] = useState<string | null>(null);
  return (
    <div className="invite-action">
      <button type="button" className="btn btn--primary" onClick={() => { setSent(null); setOpen(true); }}>
        Invite a contractor
      </button>
      <p className="invite-action__said" role="status">
        {sent && `Invitation sent to ${sent}. The contract shows as “Pending invitation” until they accept.`}
      </p>
      {open && <InviteContractorDialog onClose={() => setOpen(false)} onInvited={(email) => { setSent(email); setOpen(false); }} />}
    </div>
  );
}

export function ClientInvitations() {
  return <InvitationsList />;
}
