import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { DisputeList } from '#contract/disputes.ts';
import { api } from '#src/lib/api-client.ts';

export interface DisputeFilters {
  /** One status or several, comma-separated; undefined: all. */
  status?: string;
  contractId?: string;
  week?: string;
}

export const getDisputes = ({ filters, signal }: { filters: DisputeFilters; signal?: AbortSignal }) =>
  api.get<DisputeList>('/disputes', { query: { status: filters.status, contractId: filters.contractId, week: filters.week }, signal });

export const getDisputesQueryOptions = (filters: DisputeFilters) =>
  queryOptions({
    queryKey: ['disputes', 'list', { status: filters.status ?? null, contractId: filters.contractId ?? null, week: filters.week ?? null }],
    queryFn: ({ signal }) => getDisputes({ filters, signal }),
    staleTime: 30_000,
  });

/** Changing a filter keeps the last list on screen (dimmed) until the new one arrives. */
export const useDisputes = (filters: DisputeFilters) => useQuery({ ...getDisputesQueryOptions(filters), placeholderData: keepPreviousData });
