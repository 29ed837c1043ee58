// A page that failed to load shows the failure inside the app frame, with Retry.
import { useRevalidator, useRouteError } from 'react-router';
import { ErrorState } from '#src/components/ui/error-state.tsx';
import { isApiError } from '#src/lib/api-client.ts';
import { NotFoundPanel } from '#src/components/errors/not-found-panel.tsx';

export function RouteErrorBoundary() {
  const error = useRouteError();
  const revalidator = useRevalidator();
  if (isApiError(error, 404)) return <NotFoundPanel />;
  if (isApiError(error, 401)) return null;
  const chunkFailed = error instanceof TypeError && /dynamically imported module|Importing a module script/i.test(error.message);
  return (
    <div className="page__content page--center">
      <ErrorState
        title={chunkFailed ? 'A new version of workdiary is available' : 'This page could not be loaded'}
        message={chunkFailed ? 'Reload to get it.' : error instanceof Error ? error.message : 'Something unexpected happened.'}
        onRetry={() => (chunkFailed ? window.location.reload() : void revalidator.revalidate())}
        retrying={revalidator.state === 'loading'}
      />
    </div>
  );
}
