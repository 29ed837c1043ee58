import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { Week } from '../../../../contract/week.ts';
import { api } from '../../../lib/api-client.ts';

export const getWeek = ({
  contractId,
  weekStart,
  timeZone,
  signal,
}: {
  contractId: string;
  weekStart: string;
  timeZone: string;
  signal?: AbortSignal;
}) => api.get<Week>(`/contracts/${encodeURIComponent(contractId)}/weeks/${weekStart}`, { query: { tz: timeZone }, signal });

export const getWeekQueryOptions = (contractId: string, weekStart: string, timeZone: string) =>
  queryOptions({
    queryKey: ['contracts', contractId, 'weeks', weekStart, timeZone],
    queryFn: ({ signal }) => getWeek({ contractId, weekStart, timeZone, signal }),
  });

export function useWeek(contractId: string, weekStart: string, timeZone: string | undefined) {
  return useQuery({
    ...getWeekQueryOptions(contractId, weekStart, timeZone ?? 'UTC'),
    enabled: timeZone !== undefined,
    // Switching the time zone keeps the week on screen (in its old zone) until the new
    // one arrives; switching the week shows the skeleton, so old slots never pose as new.
    placeholderData: (previous, previousQuery) =>
      previousQuery && previousQuery.queryKey[1] === contractId && previousQuery.queryKey[3] === weekStart
        ? keepPreviousData(previous)
        : undefined,
  });
}
