// /admin/outbox and /admin/outbox/:mailId: the admin console's outbox, and one mail in it.
import { useParams } from 'react-router';
import { OutboxView } from '#src/features/admin/components/outbox-view.tsx';
import { AdminGate } from './admin-gate.tsx';
import { RouteErrorBoundary } from '../route-error-boundary.tsx';

export default function AdminOutboxRoute() {
  const { mailId } = useParams();
  const id = mailId && /^\d{1,15}$/.test(mailId) ? Number(mailId) : null;
  return <AdminGate page={() => <OutboxView mailId={id} />} />;
}

export const ErrorBoundary = RouteErrorBoundary;
