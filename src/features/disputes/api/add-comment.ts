import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AddComment, Dispute } from '#contract/disputes.ts';
import { api } from '#src/lib/api-client.ts';
import { applyDispute } from './apply-dispute.ts';
import { disputePath } from './get-dispute.ts';

export const addComment = ({ disputeId, body }: { disputeId: string; body: AddComment }) =>
  api.post<Dispute>(`${disputePath(disputeId)}/comments`, body);

export function useAddComment() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: addComment, onSuccess: (dispute) => applyDispute(queryClient, dispute) });
}
