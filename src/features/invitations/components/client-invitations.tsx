// The client's contracts page: "Invite a contractor", and the company's invitations.
import { InviteButton } from './invite-button.tsx';
import { InviteContractorDialog } from './invite-contractor-dialog.tsx';
import { InvitationsList } from './invitations-list.tsx';

export function InviteContractorButton() {
  return (
    <InviteButton
      label="Invite a contractor"
      Dialog={InviteContractorDialog}
      said={(email) => `Invitation sent to ${email}. The contract shows as “Pending invitation” until they accept.`}
    />
  );
}

export function ClientInvitations() {
  return <InvitationsList />;
}
