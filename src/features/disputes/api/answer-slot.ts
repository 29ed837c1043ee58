import type { AnswerSlot, Dispute } from '#contract/disputes.ts';
import { api } from '#src/lib/api-client.ts';
import { useDisputeMutation, type SlotDecisionInput } from './apply-dispute.ts';
import { disputePath } from './get-dispute.ts';

export type AnswerSlotInput = SlotDecisionInput<AnswerSlot>;

/** The contractor accepts (the slot is refunded) or contests (with a reply) one open slot. */
export const answerSlot = ({ disputeId, start, body }: AnswerSlotInput) =>
  api.post<Dispute>(`${disputePath(disputeId)}/slots/${start}/answer`, body);

export const useAnswerSlot = () => useDisputeMutation(answerSlot);
