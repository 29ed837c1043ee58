// /contracts/:contractId/timesheet?week=YYYY-MM-DD&tz=utc|local|contractor
// The page. Its loader lives in timesheet-loader.ts, in the main bundle. The time-zone choice
// is the diary's (same URL values, same remembered choice), resolved here so the timesheet
// feature only sees an IANA zone and the options to offer.
import { useMemo, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { NotFoundPanel } from '../../../components/errors/not-found-panel.tsx';
import { ErrorState } from '../../../components/ui/error-state.tsx';
import { useMe } from '../../../features/auth/api/get-me.ts';
import { useContract } from '../../../features/contracts/api/get-contract.ts';
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
import { TimesheetView, type ZoneOption } from '../../../features/timesheet/components/timesheet-view.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { browserTimeZone } from '../../../utils/time-zone.ts';
import { weekOfInstant, weekStartMs } from '../../../utils/week.ts';
import { RouteErrorBoundary } from '../route-error-boundary.tsx';

export default function TimesheetRoute() {
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
    setParams({ week, tz: value }, { replace: true, preventScrollReset: true });
  };

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
  const viewer = me.data ? { id: me.data.id, name: me.data.name, role: me.data.role } : undefined;
  return (
    <TimesheetView
      key={contractId}
      contractId={contractId}
      contract={contract.data}
      viewer={viewer}
      week={week}
      tz={tz}
      zone={zone}
      zoneOptions={zoneOptions}
      onTz={onTz}
    />
  );
}

export const ErrorBoundary = RouteErrorBoundary;
