// What the pages of a contract's week (diary, timesheet, review) share: the panel shown when the
// contract fails to load, and the week and time-zone choice read from the URL.
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { NotFoundPanel } from '#src/components/errors/not-found-panel.tsx';
import { QueryErrorState } from '#src/components/ui/error-state.tsx';
import { readDiarySearch } from '#src/features/diary/utils/diary-search.ts';
import { isApiError } from '#src/lib/api-client.ts';
import { browserTimeZone } from '#src/utils/time-zone.ts';
import { DEFAULT_TZ_CHOICE, isTzChoice, rememberTzChoice, resolveTimeZone, zoneOptions } from '#src/utils/time-zone-choice.ts';
import { weekOfInstant } from '#src/utils/week.ts';

export function ContractLoadError({ contract }: { contract: { error: Error; refetch: () => unknown; isFetching: boolean } }) {
  if (isApiError(contract.error, 404)) return <NotFoundPanel title="Contract not found" />;
  return (
    <div className="page__content page--center">
      <QueryErrorState title="This contract could not be loaded" query={contract} />
    </div>
  );
}

/** The week and zone of the URL, the zone switch's options, and a handler that switches (and remembers) the zone. */
export function useWeekZone(contractorZone: string | null | undefined) {
  const [params, setParams] = useSearchParams();
  const search = useMemo(() => readDiarySearch(params), [params]);
  // The loader always puts a week and a zone in the URL; these are only fallbacks.
  const [thisWeek] = useState(() => weekOfInstant(Date.now()));
  const week = search.week ?? thisWeek;
  const tz = search.tz ?? DEFAULT_TZ_CHOICE;
  const localZone = useMemo(() => browserTimeZone(), []);
  const zone = resolveTimeZone(tz, contractorZone, () => localZone);
  const options = useMemo(() => zoneOptions(week, localZone, contractorZone), [week, localZone, contractorZone]);

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
  return { week, tz, zone, zoneOptions: options, onTz };
}
