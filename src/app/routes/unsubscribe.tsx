// /unsubscribe/:messageId: a mail's unsubscribe link, with no sign-in.
import { UnsubscribePage } from '#src/features/notifications/components/unsubscribe-page.tsx';
import { RouteErrorBoundary } from './route-error-boundary.tsx';

export default function UnsubscribeRoute() {
  return <UnsubscribePage />;
}

export const ErrorBoundary = RouteErrorBoundary;
