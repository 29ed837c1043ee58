import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Dispute, ResolveSlot } from '#contract/disputes.ts';
import { api } from '#src/lib/api-client.ts';
import { applyDispute } from './apply-dispute.ts';
import { disputePath } from './get-dispute.ts';

export interface ResolveSlotInput {
  disputeId: string;
  start: string;
  body: ResolveSlot;
}

/** The admin decides one open or contested slot of an escalated dispute. */
export const resolveSlot = ({ disputeId, start, body }: ResolveSlotInput) =>
  api.post<Dispute>(`${disputePath(disputeId)}/slots/${start}/resolution`, body);

export function useResolveSlot() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: resolveSlot, onSuccess: (dispute) => applyDispute(queryClient, dispute) });
}
