// What the user is told of, and how: one query, and a change to one kind at a time.
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Channel, NotificationKind, NotificationPrefs } from '#contract/notifications.ts';
import { api, request } from '#src/lib/api-client.ts';

export const getNotificationPrefsQueryOptions = () =>
  queryOptions({ queryKey: ['settings', 'notifications'], queryFn: ({ signal }) => api.get<NotificationPrefs>('/settings/notifications', { signal }) });

export const useNotificationPrefs = () => useQuery(getNotificationPrefsQueryOptions());

export function useSetNotificationPref() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (pref: { kind: NotificationKind; channel: Channel }) => request<NotificationPrefs>('/settings/notifications', { method: 'PUT', body: { prefs: [pref] } }),
    onSuccess: (prefs) => queryClient.setQueryData(getNotificationPrefsQueryOptions().queryKey, prefs),
  });
}
