// /disputes?status=open,escalated|all&contractId=…&week=YYYY-MM-DD
// The disputes the viewer may see. The page frames the disputes feature with who is signed
// in and the contracts to filter by (features do not reach into each other; the route does).
import { useMemo } from 'react';
import { PageSpinner } from '#src/components/ui/spinner.tsx';
import { useMe } from '#src/features/auth/api/get-me.ts';
import { useContracts } from '#src/features/contracts/api/get-contracts.ts';
import { DisputesView, type ContractOption } from '#src/features/disputes/components/disputes-view.tsx';
import { RouteErrorBoundary } from '../route-error-boundary.tsx';

export default function DisputesRoute() {
  const me = useMe().data;
  const contracts = useContracts().data;
  const options = useMemo<ContractOption[] | undefined>(() => {
    if (!contracts || !me) return undefined;
    // A contractor tells contracts apart by company, everyone else by contractor.
    return contracts.contracts.map((c) => ({ id: c.id, title: c.title, detail: me.role === 'contractor' ? c.company.name : c.contractor.name }));
  }, [contracts, me]);
  if (!me) {
    return <PageSpinner label="Loading disputes" />;
  }
  return <DisputesView role={me.role} contracts={options} />;
}

export const ErrorBoundary = RouteErrorBoundary;
