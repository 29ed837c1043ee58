// /admin/companies: the admin console's companies.
import { CompaniesView } from '#src/features/admin/components/companies-view.tsx';
import { AdminGate } from './admin-gate.tsx';
import { RouteErrorBoundary } from '../route-error-boundary.tsx';

export default function AdminCompaniesRoute() {
  return <AdminGate page={() => <CompaniesView />} />;
}

export const ErrorBoundary = RouteErrorBoundary;
