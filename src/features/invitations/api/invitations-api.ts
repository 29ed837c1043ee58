// Invitations: the list (a client's company, or every company for an admin), inviting a client
// or a contractor, resending and revoking. A change refreshes the lists and the contracts,
// where a new pending contract shows.
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ClientInviteBody, ContractorInviteBody, Invitation, InvitationList, InvitationStatus } from '#contract/invitations.ts';
import { api } from '#src/lib/api-client.ts';

export const invitationsQueryOptions = (filter: { companyId?: string; status?: InvitationStatus }) =>
  queryOptions({
    queryKey: ['invitations', filter],
    queryFn: ({ signal }) => api.get<InvitationList>('/invitations', { signal, query: filter }),
    placeholderData: (previous) => previous,
  });

export const useInvitations = (filter: { companyId?: string; status?: InvitationStatus } = {}) => useQuery(invitationsQueryOptions(filter));

function useInvitationMutation<V>(mutationFn: (vars: V) => Promise<Invitation>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['invitations'] }),
        queryClient.invalidateQueries({ queryKey: ['contracts'] }),
        queryClient.invalidateQueries({ queryKey: ['admin'] }),
      ]),
  });
}

export const useInviteContractor = () => useInvitationMutation((body: ContractorInviteBody) => api.post<Invitation>('/invitations/contractors', body));
export const useInviteClient = () => useInvitationMutation((body: ClientInviteBody) => api.post<Invitation>('/invitations/clients', body));
export const useResendInvitation = () => useInvitationMutation((id: string) => api.post<Invitation>(`/invitations/${encodeURIComponent(id)}/resend`));
export const useRevokeInvitation = () => useInvitationMutation((id: string) => api.post<Invitation>(`/invitations/${encodeURIComponent(id)}/revoke`));
