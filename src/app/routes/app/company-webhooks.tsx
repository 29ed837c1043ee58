// /company/webhooks: a client's own company's webhooks. Other roles are told where theirs are.
import { LinkStatePanel } from '#src/components/ui/link-state-panel.tsx';
import { PageSpinner } from '#src/components/ui/spinner.tsx';
import { paths } from '#src/config/paths.ts';
import { useMe } from '#src/features/auth/api/get-me.ts';
import { WebhooksView } from '#src/features/webhooks/components/webhooks-view.tsx';
import { RouteErrorBoundary } from '../route-error-boundary.tsx';

export default function CompanyWebhooksRoute() {
  const me = useMe().data;
  if (!me) return <PageSpinner label="Loading webhooks" />;
  if (me.role === 'client' && me.company) return <WebhooksView companyId={me.company.id} companyName={me.company.name} />;
  return me.role === 'admin' ? (
    <LinkStatePanel tabTitle="Webhooks" title="Webhooks belong to a company" text="Open a company in the admin console to see and manage its webhooks." to={paths.adminCompanies.getHref()} linkLabel="Companies" />
  ) : (
    <LinkStatePanel tabTitle="Webhooks" title="Webhooks are for a company’s clients" text="A company’s clients send its events to their own systems from here." to={paths.overview.getHref()} linkLabel="Back to this week" />
  );
}

export const ErrorBoundary = RouteErrorBoundary;
