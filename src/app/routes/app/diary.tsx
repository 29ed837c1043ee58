// /contracts/:contractId/diary?week=YYYY-MM-DD&tz=utc|local|contractor&day=YYYY-MM-DD&slot=<ISO start>
// The page. Its loader lives in diary-loader.ts, in the main bundle, so the week's request
// starts while this module is still downloading.
import { useParams } from 'react-router';
import { useContract } from '#src/features/contracts/api/get-contract.ts';
import { DiaryView } from '#src/features/diary/components/diary-view.tsx';
import { RouteErrorBoundary } from '../route-error-boundary.tsx';
import { ContractLoadError } from './contract-week.tsx';

export default function DiaryRoute() {
  const contractId = useParams().contractId!;
  const contract = useContract(contractId);
  if (contract.isError) return <ContractLoadError contract={contract} />;
  return <DiaryView key={contractId} contractId={contractId} contract={contract.data} />;
}

export const ErrorBoundary = RouteErrorBoundary;
