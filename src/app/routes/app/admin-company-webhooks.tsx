// /admin/companies/:companyId/webhooks: an admin manages any company's webhooks.
import { Link, useParams } from 'react-router';
import { PageSpinner } from '#src/components/ui/spinner.tsx';
import { paths } from '#src/config/paths.ts';
import { useAdminCompanies } from '#src/features/admin/api/admin-api.ts';
import { WebhooksView } from '#src/features/webhooks/components/webhooks-view.tsx';
import { AdminGate } from './admin-gate.tsx';
import { RouteErrorBoundary } from '../route-error-boundary.tsx';

function CompanyWebhooks({ companyId }: { companyId: string }) {
  const companies = useAdminCompanies();
  if (companies.isPending) return <PageSpinner label="Loading webhooks" />;
  const name = companies.data?.companies.find((c) => c.id === companyId)?.name ?? 'The company';
  const back = (
    <Link className="btn btn--ghost btn--sm" to={paths.adminCompanies.getHref()}>
      ← Companies
    </Link>
  );
  return <WebhooksView companyId={companyId} companyName={name} nav={back} />;
}

export default function AdminCompanyWebhooksRoute() {
  const { companyId = '' } = useParams();
  return <AdminGate page={() => <CompanyWebhooks companyId={companyId} />} />;
}

export const ErrorBoundary = RouteErrorBoundary;
