import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AnswerSlot, Dispute } from '#contract/disputes.ts';
import { api } from '#src/lib/api-client.ts';
import { applyDispute } from './apply-dispute.ts';
import { disputePath } from './get-dispute.ts';

export interface AnswerSlotInput {
  disputeId: string;
  start: string;
  body: AnswerSlot;
}

/** The contractor accepts (the slot is refunded) or contests (with a reply) one open slot. */
export const answerSlot = ({ disputeId, start, body }: AnswerSlotInput) =>
  api.post<Dispute>(`${disputePath(disputeId)}/slots/${start}/answer`, body);

export function useAnswerSlot() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: answerSlot, onSuccess: (dispute) => applyDispute(queryClient, dispute) });
}
