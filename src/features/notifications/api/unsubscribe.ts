// A mail's unsubscribe link, read and used without a session: its Message-ID is the credential.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UnsubscribeInfo } from '#contract/notifications.ts';
import { api } from '#src/lib/api-client.ts';

const url = (messageId: string) => `/unsubscribe/${encodeURIComponent(messageId)}`;
const key = (messageId: string) => ['unsubscribe', messageId];

export const useUnsubscribeInfo = (messageId: string) =>
  useQuery({ queryKey: key(messageId), queryFn: ({ signal }) => api.get<UnsubscribeInfo>(url(messageId), { signal, redirectOn401: false }), retry: false, staleTime: Infinity });

export function useUnsubscribe(messageId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<UnsubscribeInfo>(url(messageId), undefined, { redirectOn401: false }),
    onSuccess: (info) => queryClient.setQueryData(key(messageId), info),
  });
}
