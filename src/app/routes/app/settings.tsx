// /settings: every role's own settings.
import { SettingsView } from '#src/features/settings/components/settings-view.tsx';
import { RouteErrorBoundary } from '../route-error-boundary.tsx';

export default function SettingsRoute() {
  return <SettingsView />;
}

export const ErrorBoundary = RouteErrorBoundary;
