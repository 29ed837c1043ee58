// The single-use links from mails: what a link is for (410 once it is used, expired or unknown),
// accepting an invitation, and setting a new password.
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Me } from '#contract/auth.ts';
import type { AcceptBody, LinkInfo } from '#contract/invitations.ts';
import { api } from '#src/lib/api-client.ts';

const enc = encodeURIComponent;

export const linkInfoQueryOptions = (token: string) =>
  queryOptions({
    queryKey: ['links', token],
    queryFn: ({ signal }) => api.get<LinkInfo>(`/links/${enc(token)}`, { signal, redirectOn401: false }),
    retry: false,
    staleTime: Infinity,
  });

export const useLinkInfo = (token: string) => useQuery(linkInfoQueryOptions(token));

/** Accepting signs the invitee in: the app's cached user is replaced by them. */
export function useAcceptInvitation(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AcceptBody) => api.post<Me>(`/links/${enc(token)}/accept`, body, { redirectOn401: false }),
    // The page loads the app afresh as the invitee; until then the cached user is them.
    onSuccess: (me) => queryClient.setQueryData(['me'], me),
  });
}

export const useResetPassword = (token: string) =>
  useMutation({ mutationFn: (password: string) => api.post<void>(`/links/${enc(token)}/reset`, { password }, { redirectOn401: false }) });
