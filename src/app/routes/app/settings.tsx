// /settings: every role's own settings.
import { useMe } from '#src/features/auth/api/get-me.ts';
import { SettingsView } from '#src/features/settings/components/settings-view.tsx';
import { WebhooksLink } from '#src/features/webhooks/components/webhooks-link.tsx';
import { RouteErrorBoundary } from '../route-error-boundary.tsx';

export default function SettingsRoute() {
  const me = useMe().data;
  return (
    <>
      <SettingsView />
      {me?.role === 'client' && me.company && <WebhooksLink companyName={me.company.name} />}
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
