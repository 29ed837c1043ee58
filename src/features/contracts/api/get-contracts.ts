import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ContractList } from '#contract/contracts.ts';
import { api } from '#src/lib/api-client.ts';

export const getContracts = ({ signal }: { signal?: AbortSignal } = {}) => api.get<ContractList>('/contracts', { signal });

export const getContractsQueryOptions = () =>
  queryOptions({
    queryKey: ['contracts'],
    queryFn: ({ signal }) => getContracts({ signal }),
  });

export const useContracts = () => useQuery(getContractsQueryOptions());
