import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Contract } from '#contract/contracts.ts';
import { api } from '#src/lib/api-client.ts';

export const getContract = ({ contractId, signal }: { contractId: string; signal?: AbortSignal }) =>
  api.get<Contract>(`/contracts/${encodeURIComponent(contractId)}`, { signal });

export const getContractQueryOptions = (contractId: string) =>
  queryOptions({
    queryKey: ['contracts', contractId],
    queryFn: ({ signal }) => getContract({ contractId, signal }),
    staleTime: 5 * 60_000,
  });

export const useContract = (contractId: string) => useQuery(getContractQueryOptions(contractId));
