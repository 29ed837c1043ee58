import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Contract } from '#contract/contracts.ts';
import type { ChangeTerms } from '#contract/disputes.ts';
import { request } from '#src/lib/api-client.ts';

/** A client changes the weekly cap or manual time; it applies from the next Monday 00:00 UTC. */
export const changeTerms = ({ contractId, data }: { contractId: string; data: ChangeTerms }) =>
  request<Contract>(`/contracts/${encodeURIComponent(contractId)}/terms`, { method: 'PATCH', body: data });

export function useChangeTerms(contractId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (data: ChangeTerms) => changeTerms({ contractId, data }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['contracts', contractId] }),
  });
}
