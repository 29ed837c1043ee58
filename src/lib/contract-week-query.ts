// The queries of one of a contract's weeks seen in a time zone (the diary's week, the timesheet):
// keyed ['contracts', id, kind, week, zone], and waiting for the zone when it is not known yet
// (the contractor's, before the contract has loaded).
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from './api-client.ts';

export const contractWeekPath = (contractId: string, weekStart: string) => `/contracts/${encodeURIComponent(contractId)}/weeks/${weekStart}`;

/** The query options and the hook of a week resource at `contractWeekPath + suffix`, fetched with `?tz=`. */
export function contractWeekQuery<T>(kind: string, suffix: string) {
  const options = (contractId: string, weekStart: string, timeZone: string) =>
    queryOptions({
      queryKey: ['contracts', contractId, kind, weekStart, timeZone],
      queryFn: ({ signal }) => api.get<T>(`${contractWeekPath(contractId, weekStart)}${suffix}`, { query: { tz: timeZone }, signal }),
    });
  const useResource = (contractId: string, weekStart: string, timeZone: string | undefined) =>
    useQuery({
      ...options(contractId, weekStart, timeZone ?? 'UTC'),
      enabled: timeZone !== undefined,
      // Switching the time zone keeps the week on screen (in its old zone) until the new
      // one arrives; switching the week shows the skeleton, so old data never poses as new.
      placeholderData: (previous, previousQuery) =>
        previousQuery && previousQuery.queryKey[1] === contractId && previousQuery.queryKey[3] === weekStart
          ? keepPreviousData(previous)
          : undefined,
    });
  return { options, useResource };
}
