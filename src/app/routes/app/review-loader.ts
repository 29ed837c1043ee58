// The review's loader, kept out of the page's lazy module (like the diary's) so that on a direct
// visit the week, the timesheet and the contract are requested at once, in parallel with the
// page's code. A URL without a week or a zone gets them by the diary's rules.
import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { getWeekQueryOptions } from '#src/features/diary/api/get-week.ts';
import { getTimesheetQueryOptions } from '#src/features/timesheet/api/get-timesheet.ts';
import { prefetchInZone, resolveContractWeek } from './contract-week-search.ts';

export const reviewLoader =
  (queryClient: QueryClient) =>
  async ({ params, request }: LoaderFunctionArgs) => {
    const contractId = params.contractId!;
    const { week, tz } = await resolveContractWeek(queryClient, contractId, new URL(request.url), ['slot', 'filter']);
    prefetchInZone(queryClient, contractId, tz, (zone) => {
      void queryClient.prefetchQuery(getWeekQueryOptions(contractId, week, zone));
      void queryClient.prefetchQuery(getTimesheetQueryOptions(contractId, week, zone));
    });
    return null;
  };

