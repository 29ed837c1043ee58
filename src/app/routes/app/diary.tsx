// /contracts/:contractId/diary?week=YYYY-MM-DD&tz=utc|local|contractor&day=YYYY-MM-DD&slot=<ISO start>
// The page. Its loader lives in diary-loader.ts, in the main bundle, so the week's request
// starts while this module is still downloading.
import { useParams } from 'react-router';
import { NotFoundPanel } from '../../../components/errors/not-found-panel.tsx';
import { ErrorState } from '../../../components/ui/error-state.tsx';
import { useContract } from '../../../features/contracts/api/get-contract.ts';
import { DiaryView } from '../../../features/diary/components/diary-view.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { RouteErrorBoundary } from '../route-error-boundary.tsx';

export default function DiaryRoute() {
  const contractId = useParams().contractId!;
  const contract = useContract(contractId);
  if (contract.isError) {
    if (isApiError(contract.error, 404)) return <NotFoundPanel title="Contract not found" />;
    return (
      <div className="page__content page--center">
        <ErrorState
          title="This contract could not be loaded"
          message={contract.error.message}
          onRetry={() => void contract.refetch()}
          retrying={contract.isFetching}
        />
      </div>
    );
  }
  return <DiaryView key={contractId} contractId={contractId} contract={contract.data} />;
}

export const ErrorBoundary = RouteErrorBoundary;
