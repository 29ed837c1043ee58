// The diary's loader, kept out of the page's lazy module so that on a direct visit the week
// and the contract are requested at once, in parallel with the page's code.
import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { getWeekQueryOptions } from '#src/features/diary/api/get-week.ts';
import { preloadFirstThumbnails } from '#src/features/diary/api/preload-first-thumbnails.ts';
import { readDiarySearch } from '#src/features/diary/utils/diary-search.ts';
import { weekOfDate, weekOfInstant } from '#src/utils/week.ts';
import { overviewReady, prefetchInZone, resolveContractWeek } from './contract-week-search.ts';

export const diaryLoader =
  (queryClient: QueryClient) =>
  async ({ params, request }: LoaderFunctionArgs) => {
    const contractId = params.contractId!;
    const url = new URL(request.url);
    const search = readDiarySearch(url.searchParams);
    // Fill in what the URL leaves out (week, zone), so every diary URL is complete and shareable.
    const linkWeek = search.slot ? weekOfInstant(Date.parse(search.slot)) : search.day ? weekOfDate(search.day) : null;
    const { week, tz } = await resolveContractWeek(queryClient, contractId, url, ['day', 'slot'], linkWeek);

    // Start both requests now; the page renders its skeleton meanwhile.
    prefetchInZone(queryClient, contractId, tz, (zone) => {
      const options = getWeekQueryOptions(contractId, week, zone);
      void queryClient.prefetchQuery(options).then(() => {
        // The week's top only: a link to a day or a slot shows other thumbnails first.
        const data = queryClient.getQueryData(options.queryKey);
        if (data && !search.day && !search.slot) preloadFirstThumbnails(contractId, data);
      });
    });
    return overviewReady(queryClient);
  };

