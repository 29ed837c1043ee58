import type { AddComment, Dispute } from '#contract/disputes.ts';
import { api } from '#src/lib/api-client.ts';
import { useDisputeMutation } from './apply-dispute.ts';
import { disputePath } from './get-dispute.ts';

export const addComment = ({ disputeId, body }: { disputeId: string; body: AddComment }) =>
  api.post<Dispute>(`${disputePath(disputeId)}/comments`, body);

export const useAddComment = () => useDisputeMutation(addComment);
