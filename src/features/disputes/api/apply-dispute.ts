// Every dispute mutation answers with the whole dispute: it replaces the page's copy at once,
// and everything derived from it (lists, the contract's weeks, slots and timesheets) refetches.
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { Dispute } from '#contract/disputes.ts';
import { getDisputeQueryOptions } from './get-dispute.ts';

export function applyDispute(queryClient: QueryClient, dispute: Dispute) {
  const detailKey = getDisputeQueryOptions(dispute.id).queryKey;
  queryClient.setQueryData(detailKey, dispute);
  void queryClient.invalidateQueries({
    queryKey: ['disputes'],
    predicate: (query) => !(query.queryKey[1] === 'detail' && query.queryKey[2] === dispute.id),
  });
  void queryClient.invalidateQueries({ queryKey: ['contracts', dispute.contract.id] });
}

/** A mutation whose answer is the dispute, applied as above. */
export function useDisputeMutation<Input>(mutationFn: (input: Input) => Promise<Dispute>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: (dispute) => applyDispute(queryClient, dispute) });
}

/** Which slot of which dispute a per-slot decision is about, and what it says. */
export interface SlotDecisionInput<Body> {
  disputeId: string;
  start: string;
  body: Body;
}
