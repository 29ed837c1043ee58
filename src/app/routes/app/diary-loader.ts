// The diary's loader, kept out of the page's lazy module so that on a direct visit the week
// and the contract are requested at once, in parallel with the page's code.
import type { QueryClient } from '@tanstack/react-query';
import { replace, type LoaderFunctionArgs, type ShouldRevalidateFunctionArgs } from 'react-router';
import type { Contract } from '../../../../contract/contracts.ts';
import { getContractQueryOptions } from '../../../features/contracts/api/get-contract.ts';
import { getContractsQueryOptions } from '../../../features/contracts/api/get-contracts.ts';
import { getWeekQueryOptions } from '../../../features/diary/api/get-week.ts';
import { preloadFirstThumbnails } from '../../../features/diary/api/preload-first-thumbnails.ts';
import { readDiarySearch } from '../../../features/diary/utils/diary-search.ts';
import { readTzChoice, resolveTimeZone } from '../../../features/diary/utils/time-zone-choice.ts';
import { browserTimeZone } from '../../../utils/time-zone.ts';
import { weekOfDate, weekOfInstant } from '../../../utils/week.ts';

export const diaryLoader =
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

    // Fill in what the URL leaves out (week, zone), so every diary URL is complete and shareable.
    let week = search.week;
    if (!week && search.slot) week = weekOfInstant(Date.parse(search.slot));
    if (!week && search.day) week = weekOfDate(search.day);
    if (!week) {
      // "This week" is the server's week (a demo clock may differ from the browser's).
      const contracts = list ?? (await queryClient.ensureQueryData(getContractsQueryOptions()).catch(() => null));
      week = contracts?.contracts.find((c) => c.id === contractId)?.thisWeek.weekStart ?? weekOfInstant(Date.now());
    }
    const tz = search.tz ?? readTzChoice();
    if (week !== search.week || tz !== search.tz) {
      url.searchParams.set('week', week);
      url.searchParams.set('tz', tz);
      const order = ['week', 'tz', 'day', 'slot'];
      const sorted = new URLSearchParams();
      for (const key of order) {
        const value = url.searchParams.get(key);
        if (value) sorted.set(key, value);
      }
      throw replace(`${url.pathname}?${sorted.toString()}`);
    }

    // Start both requests now; the page renders its skeleton meanwhile. (The browser's zone
    // is only looked up when needed: the first Intl call costs ~80 ms of ICU setup.)
    const prefetchWeek = (contract: Contract | undefined) => {
      const zone = tz === 'contractor' ? contract?.timeZone : resolveTimeZone(tz, { local: tz === 'local' ? browserTimeZone() : '', contractor: '' });
      if (!zone) return;
      const options = getWeekQueryOptions(contractId, week, zone);
      void queryClient.prefetchQuery(options).then(() => {
        // The week's top only: a link to a day or a slot shows other thumbnails first.
        const data = queryClient.getQueryData(options.queryKey);
        if (data && !search.day && !search.slot) preloadFirstThumbnails(contractId, data);
      });
    };
    if (tz !== 'contractor') prefetchWeek(undefined);
    void queryClient
      .ensureQueryData(getContractQueryOptions(contractId))
      .then((contract) => tz === 'contractor' && prefetchWeek(contract))
      .catch(() => undefined);
    return null;
  };

// Opening a slot or scrolling to another day changes the URL; only a new contract, week or
// zone needs the loader again.
export function diaryShouldRevalidate({ currentUrl, nextUrl, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs) {
  if (currentUrl.pathname !== nextUrl.pathname) return defaultShouldRevalidate;
  const same = (k: string) => currentUrl.searchParams.get(k) === nextUrl.searchParams.get(k);
  return same('week') && same('tz') ? false : defaultShouldRevalidate;
}
