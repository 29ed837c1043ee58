import type { Dispute } from '#contract/disputes.ts';
import { api } from '#src/lib/api-client.ts';
import { useDisputeMutation } from './apply-dispute.ts';
import { disputePath } from './get-dispute.ts';

/** The client withdraws an open or escalated dispute: its undecided slots become billable. */
export const withdrawDispute = ({ disputeId }: { disputeId: string }) => api.post<Dispute>(`${disputePath(disputeId)}/withdrawal`);

export const useWithdrawDispute = () => useDisputeMutation(withdrawDispute);
