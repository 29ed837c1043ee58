// A client's (or an admin's) changes to a contract: pause, resume, end, and new terms from the
// next Monday. Each answers the contract as it is now; every list that shows contracts refreshes.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Contract } from '#contract/contracts.ts';
import type { ChangeTerms } from '#contract/disputes.ts';
import { api, request } from '#src/lib/api-client.ts';

export type StatusAction = 'pause' | 'resume' | 'end';

const contractUrl = (contractId: string) => `/contracts/${encodeURIComponent(contractId)}`;

export const changeContractStatus = ({ contractId, action }: { contractId: string; action: StatusAction }) =>
  api.post<Contract>(`${contractUrl(contractId)}/${action}`);

export const changeContractTerms = ({ contractId, terms }: { contractId: string; terms: ChangeTerms }) =>
  request<Contract>(`${contractUrl(contractId)}/terms`, { method: 'PATCH', body: terms });

/** The contracts page, a contract's own pages and the admin console all show the change. */
function useContractMutation<V>(mutationFn: (vars: V) => Promise<Contract>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries() });
}

export const useChangeContractStatus = () => useContractMutation(changeContractStatus);

export const useChangeContractTerms = () => useContractMutation(changeContractTerms);
