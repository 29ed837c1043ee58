// /trackers: the contractor connects the desktop tracker on each device. Other roles have no
// trackers; they are told so rather than shown a page that would refuse every action.
import { Link } from 'react-router';
import { PageSpinner } from '#src/components/ui/spinner.tsx';
import { paths } from '#src/config/paths.ts';
import { useMe } from '#src/features/auth/api/get-me.ts';
import { TrackersView } from '#src/features/trackers/components/trackers-view.tsx';
import { RouteErrorBoundary } from '../route-error-boundary.tsx';

export default function TrackersRoute() {
  const me = useMe().data;
  if (!me) {
    return <PageSpinner label="Loading trackers" />;
  }
  if (me.role !== 'contractor') {
    return (
      <div className="page__content">
        <title>Trackers · workdiary</title>
        <div className="state-panel">
          <h1 className="state-panel__title">Trackers are for contractors</h1>
          <p className="state-panel__text">A contractor connects the desktop tracker on their own computer; its slots then appear in the diary you review.</p>
          <div className="state-panel__actions">
            <Link className="btn btn--secondary" to={paths.contracts.getHref()}>
              Back to contracts
            </Link>
          </div>
        </div>
      </div>
    );
  }
  return <TrackersView origin={window.location.origin} />;
}

export const ErrorBoundary = RouteErrorBoundary;
