// /admin/users: the admin console's users.
import { UsersView } from '#src/features/admin/components/users-view.tsx';
import { AdminInvitations, InviteClientButton } from '#src/features/invitations/components/admin-invitations.tsx';
import { AdminGate } from './admin-gate.tsx';
import { RouteErrorBoundary } from '../route-error-boundary.tsx';

export default function AdminUsersRoute() {
  return (
    <AdminGate
      page={(me) => (
        <UsersView meId={me.id} actions={<InviteClientButton />}>
          <AdminInvitations />
        </UsersView>
      )}
    />
  );
}

export const ErrorBoundary = RouteErrorBoundary;
