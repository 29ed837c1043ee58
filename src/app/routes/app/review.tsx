// /contracts/:contractId/review?week=YYYY-MM-DD&tz=utc|local|contractor[&slot=…&filter=all]
// The keyboard review of a week. Its loader lives in review-loader.ts, in the main bundle. The
// page wires what the diary feature's review needs from elsewhere: the contract (its name and
// zone), the timesheet (the week's terms, and whether approving is open now and if not, why)
// and the timesheet feature's approval.
import { useParams } from 'react-router';
import { useMe } from '#src/features/auth/api/get-me.ts';
import { useContract } from '#src/features/contracts/api/get-contract.ts';
import { ReviewView } from '#src/features/diary/components/review-view.tsx';
import { useApproveWeek } from '#src/features/timesheet/api/approve-week.ts';
import { useTimesheet } from '#src/features/timesheet/api/get-timesheet.ts';
import { useServerClock } from '#src/utils/server-clock.ts';
import { RouteErrorBoundary } from '../route-error-boundary.tsx';
import { ContractLoadError, useWeekZone } from './contract-week.tsx';

export default function ReviewRoute() {
  const contractId = useParams().contractId!;
  const contract = useContract(contractId);
  const me = useMe();
  const weekZone = useWeekZone(contract.data?.timeZone);
  const { week, zone } = weekZone;

  const timesheet = useTimesheet(contractId, week, zone);
  const sheet = timesheet.data && timesheet.data.weekStart === week ? timesheet.data : undefined;
  const clock = useServerClock(sheet?.now, timesheet.dataUpdatedAt);
  const approve = useApproveWeek({
    contractId,
    weekStart: week,
    timeZone: zone ?? 'UTC',
    approver: me.data ? { id: me.data.id, name: me.data.name } : null,
    serverNow: clock,
  });

  if (contract.isError) return <ContractLoadError contract={contract} />;

  // The week's own terms (those at its Monday); the contract's current ones until they arrive.
  const terms = sheet
    ? { hourlyRate: sheet.terms.hourlyRate, currency: sheet.currency }
    : contract.data
      ? { hourlyRate: contract.data.hourlyRate, currency: contract.data.currency }
      : null;

  return (
    <ReviewView
      key={`${contractId}|${week}`}
      contractId={contractId}
      contract={contract.data}
      {...weekZone}
      terms={terms}
      isClient={me.data?.role === 'client'}
      approval={{
        sheet: sheet ?? null,
        pending: approve.isPending,
        error: approve.error ? approve.error.message : null,
        onApprove: () => approve.mutateAsync(),
      }}
    />
  );
}

export const ErrorBoundary = RouteErrorBoundary;
