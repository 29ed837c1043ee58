// /contracts/:contractId/review?week=YYYY-MM-DD&tz=utc|local|contractor[&slot=…&filter=all]
// The keyboard review of a week. Its loader lives in review-loader.ts, in the main bundle. The
// page wires what the diary feature's review needs from elsewhere: the contract (its name and
// zone), the timesheet (the week's terms, and whether approving is open now and if not, why)
// and the timesheet feature's approval.
import { useMemo, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { NotFoundPanel } from '../../../components/errors/not-found-panel.tsx';
import { ErrorState } from '../../../components/ui/error-state.tsx';
import { useMe } from '../../../features/auth/api/get-me.ts';
import { useContract } from '../../../features/contracts/api/get-contract.ts';
import { ReviewView, type ZoneOption } from '../../../features/diary/components/review-view.tsx';
import { readDiarySearch } from '../../../features/diary/utils/diary-search.ts';
import {
  DEFAULT_TZ_CHOICE,
  isTzChoice,
  rememberTzChoice,
  resolveTimeZone,
  TZ_CHOICES,
  tzChoiceLabel,
  type TzChoice,
} from '../../../features/diary/utils/time-zone-choice.ts';
import { useApproveWeek } from '../../../features/timesheet/api/approve-week.ts';
import { useTimesheet } from '../../../features/timesheet/api/get-timesheet.ts';
import { useServerClock } from '../../../features/timesheet/hooks/use-server-clock.ts';
import { isApiError } from '../../../lib/api-client.ts';
import { browserTimeZone } from '../../../utils/time-zone.ts';
import { weekOfInstant, weekStartMs } from '../../../utils/week.ts';
import { RouteErrorBoundary } from '../route-error-boundary.tsx';

export default function ReviewRoute() {
  const contractId = useParams().contractId!;
  const contract = useContract(contractId);
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const search = useMemo(() => readDiarySearch(params), [params]);
  // The loader always puts a week and a zone in the URL; these are only fallbacks.
  const [thisWeek] = useState(() => weekOfInstant(Date.now()));
  const week = search.week ?? thisWeek;
  const tz: TzChoice = search.tz ?? DEFAULT_TZ_CHOICE;
  const localZone = useMemo(() => browserTimeZone(), []);
  const contractorZone = contract.data?.timeZone ?? null;
  const zone = tz === 'contractor' ? (contractorZone ?? undefined) : resolveTimeZone(tz, { local: localZone, contractor: '' });

  const zoneOptions = useMemo<ZoneOption[]>(() => {
    const at = weekStartMs(week) + 3.5 * 86_400_000;
    return TZ_CHOICES.map((choice) => {
      const z = choice === 'utc' ? 'UTC' : choice === 'local' ? localZone : contractorZone;
      return { value: choice, label: z === null ? "Contractor's time" : tzChoiceLabel(choice, z, at), disabled: z === null };
    });
  }, [week, localZone, contractorZone]);

  const onTz = (value: string) => {
    if (!isTzChoice(value)) return;
    rememberTzChoice(value);
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set('tz', value);
        return next;
      },
      { replace: true, preventScrollReset: true },
    );
  };

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
      week={week}
      tz={tz}
      zone={zone}
      zoneOptions={zoneOptions}
      onTz={onTz}
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
