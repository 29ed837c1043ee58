import type { Dispute, ResolveSlot } from '#contract/disputes.ts';
import { api } from '#src/lib/api-client.ts';
import { useDisputeMutation, type SlotDecisionInput } from './apply-dispute.ts';
import { disputePath } from './get-dispute.ts';

export type ResolveSlotInput = SlotDecisionInput<ResolveSlot>;

/** The admin decides one open or contested slot of an escalated dispute. */
export const resolveSlot = ({ disputeId, start, body }: ResolveSlotInput) =>
  api.post<Dispute>(`${disputePath(disputeId)}/slots/${start}/resolution`, body);

export const useResolveSlot = () => useDisputeMutation(resolveSlot);
