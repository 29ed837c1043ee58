// /admin/audit: the admin console's audit trail.
import { AuditView } from '#src/features/admin/components/audit-view.tsx';
import { AdminGate } from './admin-gate.tsx';
import { RouteErrorBoundary } from '../route-error-boundary.tsx';

export default function AdminAuditRoute() {
  return <AdminGate page={() => <AuditView />} />;
}

export const ErrorBoundary = RouteErrorBoundary;
