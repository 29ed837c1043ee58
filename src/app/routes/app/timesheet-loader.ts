// The timesheet's loader, kept out of the page's lazy module (like the diary's) so that on a
// direct visit the timesheet and the contract are requested at once, in parallel with the
// page's code. A URL without a week or a zone gets them by the diary's rules.
import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { getTimesheetQueryOptions } from '#src/features/timesheet/api/get-timesheet.ts';
import { overviewReady, prefetchInZone, resolveContractWeek } from './contract-week-search.ts';

export const timesheetLoader =
  (queryClient: QueryClient) =>
  async ({ params, request }: LoaderFunctionArgs) => {
    const contractId = params.contractId!;
    const { week, tz } = await resolveContractWeek(queryClient, contractId, new URL(request.url));
    prefetchInZone(queryClient, contractId, tz, (zone) => void queryClient.prefetchQuery(getTimesheetQueryOptions(contractId, week, zone)));
    return overviewReady(queryClient);
  };
