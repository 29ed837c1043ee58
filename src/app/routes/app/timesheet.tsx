// /contracts/:contractId/timesheet?week=YYYY-MM-DD&tz=utc|local|contractor
// The page. Its loader lives in timesheet-loader.ts, in the main bundle. The time-zone choice
// is the diary's (same URL values, same remembered choice), resolved here so the timesheet
// feature only sees an IANA zone and the options to offer.
import { useParams } from 'react-router';
import { useMe } from '#src/features/auth/api/get-me.ts';
import { useContract } from '#src/features/contracts/api/get-contract.ts';
import { TimesheetView } from '#src/features/timesheet/components/timesheet-view.tsx';
import { RouteErrorBoundary } from '../route-error-boundary.tsx';
import { ContractLoadError, useWeekZone } from './contract-week.tsx';

export default function TimesheetRoute() {
  const contractId = useParams().contractId!;
  const contract = useContract(contractId);
  const me = useMe();
  // The week, its zone and the zone choice, passed on as they are.
  const weekZone = useWeekZone(contract.data?.timeZone);

  if (contract.isError) return <ContractLoadError contract={contract} />;
  const viewer = me.data ? { id: me.data.id, name: me.data.name, role: me.data.role } : undefined;
  return (
    <TimesheetView
      key={contractId}
      contractId={contractId}
      contract={contract.data}
      viewer={viewer}
      {...weekZone}
    />
  );
}

export const ErrorBoundary = RouteErrorBoundary;
