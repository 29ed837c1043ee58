// The review's loader, kept out of the page's lazy module (like the diary's) so that on a direct
// visit the week, the timesheet and the contract are requested at once, in parallel with the
// page's code. A URL without a week or a zone gets them by the diary's rules.
import type { QueryClient } from '@tanstack/react-query';
import { replace, type LoaderFunctionArgs, type ShouldRevalidateFunctionArgs } from 'react-router';
import type { Contract } from '../../../../contract/contracts.ts';
import { getContractQueryOptions } from '../../../features/contracts/api/get-contract.ts';
import { getContractsQueryOptions } from '../../../features/contracts/api/get-contracts.ts';
import { getWeekQueryOptions } from '../../../features/diary/api/get-week.ts';
import { readDiarySearch } from '../../../features/diary/utils/diary-search.ts';
import { readTzChoice, resolveTimeZone } from '../../../features/diary/utils/time-zone-choice.ts';
import { getTimesheetQueryOptions } from '../../../features/timesheet/api/get-timesheet.ts';
import { browserTimeZone } from '../../../utils/time-zone.ts';
import { weekOfInstant } from '../../../utils/week.ts';

export const reviewLoader =
  (queryClient: QueryClient) =>
  async ({ params, request }: LoaderFunctionArgs) => {
    const contractId = params.contractId!;
    const url = new URL(request.url);
    const search = readDiarySearch(url.searchParams);

    // Coming from the contract list, the contract is already known.
    const list = queryClient.getQueryData(getContractsQueryOptions().queryKey);
    const summary = list?.contracts.find((c) => c.id === contractId);
    const contractKey = getContractQueryOptions(contractId).queryKey;
    if (summary && !queryClient.getQueryData(contractKey)) queryClient.setQueryData(contractKey, summary);

    let week = search.week;
    if (!week) {
      // "This week" is the server's week (a demo clock may differ from the browser's).
      const contracts = list ?? (await queryClient.ensureQueryData(getContractsQueryOptions()).catch(() => null));
      week = contracts?.contracts.find((c) => c.id === contractId)?.thisWeek.weekStart ?? weekOfInstant(Date.now());
    }
    const tz = search.tz ?? readTzChoice();
    if (week !== search.week || tz !== search.tz) {
      const next = new URLSearchParams({ week, tz });
      for (const key of ['slot', 'filter']) {
        const value = url.searchParams.get(key);
        if (value) next.set(key, value);
      }
      throw replace(`${url.pathname}?${next.toString()}`);
    }

    const prefetch = (contract: Contract | undefined) => {
      const zone = tz === 'contractor' ? contract?.timeZone : resolveTimeZone(tz, { local: tz === 'local' ? browserTimeZone() : '', contractor: '' });
      if (!zone) return;
      void queryClient.prefetchQuery(getWeekQueryOptions(contractId, week, zone));
      void queryClient.prefetchQuery(getTimesheetQueryOptions(contractId, week, zone));
    };
    if (tz !== 'contractor') prefetch(undefined);
    void queryClient
      .ensureQueryData(getContractQueryOptions(contractId))
      .then((contract) => tz === 'contractor' && prefetch(contract))
      .catch(() => undefined);
    return null;
  };

// Moving through the queue or switching the filter changes the URL; only a new contract, week or
// zone needs the loader again.
export function reviewShouldRevalidate({ currentUrl, nextUrl, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs) {
  if (currentUrl.pathname !== nextUrl.pathname) return defaultShouldRevalidate;
  const same = (k: string) => currentUrl.searchParams.get(k) === nextUrl.searchParams.get(k);
  return same('week') && same('tz') ? false : defaultShouldRevalidate;
}
