import { OverviewView } from '#src/features/overview/components/overview-view.tsx';
import { RouteErrorBoundary } from '../route-error-boundary.tsx';

export default function OverviewRoute() {
  return (
    <div className="page__content">
      <title>This week · workdiary</title>
      <div className="page-head page-head--tight">
        <h1 className="page-head__title">This week</h1>
      </div>
      <OverviewView />
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
