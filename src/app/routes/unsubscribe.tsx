// /unsubscribe/:messageId: a mail's unsubscribe link, with no sign-in, in the frame of the
// other pages reached from a mail.
import { LinkInvalid } from '#src/features/links/components/link-invalid.tsx';
import { PublicCard } from '#src/components/ui/public-card.tsx';
import { UnsubscribePage } from '#src/features/notifications/components/unsubscribe-page.tsx';
import { RouteErrorBoundary } from './route-error-boundary.tsx';

export default function UnsubscribeRoute() {
  return <UnsubscribePage Card={PublicCard} invalid={<LinkInvalid askFor="To choose what you are told of, sign in and open Settings." />} />;
}

export const ErrorBoundary = RouteErrorBoundary;
