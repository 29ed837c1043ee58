import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { Timesheet } from '../../../../contract/timesheet.ts';
import { api, apiUrl } from '../../../lib/api-client.ts';

const weekPath = (contractId: string, weekStart: string) => `/contracts/${encodeURIComponent(contractId)}/weeks/${weekStart}`;

export const getTimesheet = ({
  contractId,
  weekStart,
  timeZone,
  signal,
}: {
  contractId: string;
  weekStart: string;
  timeZone: string;
  signal?: AbortSignal;
}) => api.get<Timesheet>(`${weekPath(contractId, weekStart)}/timesheet`, { query: { tz: timeZone }, signal });

export const getTimesheetQueryOptions = (contractId: string, weekStart: string, timeZone: string) =>
  queryOptions({
    queryKey: ['contracts', contractId, 'timesheet', weekStart, timeZone],
    queryFn: ({ signal }) => getTimesheet({ contractId, weekStart, timeZone, signal }),
  });

export function useTimesheet(contractId: string, weekStart: string, timeZone: string | undefined) {
  return useQuery({
    ...getTimesheetQueryOptions(contractId, weekStart, timeZone ?? 'UTC'),
    enabled: timeZone !== undefined,
    // A new zone keeps the week on screen until its days arrive; a new week shows the skeleton.
    placeholderData: (previous, previousQuery) =>
      previousQuery && previousQuery.queryKey[1] === contractId && previousQuery.queryKey[3] === weekStart
        ? keepPreviousData(previous)
        : undefined,
  });
}

/** The week as CSV (one row per slot, then the totals), downloaded with the session cookie. */
export const timesheetCsvUrl = (contractId: string, weekStart: string) => apiUrl(`${weekPath(contractId, weekStart)}/timesheet.csv`);
