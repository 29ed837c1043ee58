// /disputes/:disputeId: one dispute, with what the viewer may do about it. Its loader lives in
// dispute-loader.ts, so the request starts while this module downloads.
import { useParams } from 'react-router';
import { PageSpinner } from '#src/components/ui/spinner.tsx';
import { useMe } from '#src/features/auth/api/get-me.ts';
import { DisputePage } from '#src/features/disputes/components/dispute-view.tsx';
import { RouteErrorBoundary } from '../route-error-boundary.tsx';

export default function DisputeRoute() {
  const disputeId = useParams().disputeId!;
  const me = useMe().data;
  if (!me) {
    return <PageSpinner label="Loading the dispute" />;
  }
  return <DisputePage key={disputeId} disputeId={disputeId} role={me.role} />;
}

export const ErrorBoundary = RouteErrorBoundary;
