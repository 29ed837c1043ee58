// /admin/contracts: the admin console's contracts, each with the contracts feature's actions.
import { ContractsView } from '#src/features/admin/components/contracts-view.tsx';
import { ContractActions } from '#src/features/contracts/components/contract-actions.tsx';
import { AdminGate } from './admin-gate.tsx';
import { RouteErrorBoundary } from '../route-error-boundary.tsx';

export default function AdminContractsRoute() {
  return <AdminGate page={() => <ContractsView actions={(contract, changesFrom) => <ContractActions contract={contract} changesFrom={changesFrom} />} />} />;
}

export const ErrorBoundary = RouteErrorBoundary;
