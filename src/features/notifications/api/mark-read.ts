// Marking items read: one (when it is followed), or all. The count comes back with the answer.
import { useMutation, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import type { NotificationList, UnreadCount } from '#contract/notifications.ts';
import { api } from '#src/lib/api-client.ts';
import { getNotificationsQueryOptions } from './get-notifications.ts';
import { getUnreadCountQueryOptions } from './get-unread-count.ts';

export const markRead = (id: number) => api.post<UnreadCount>(`/notifications/${id}/read`);
export const markAllRead = () => api.post<UnreadCount>('/notifications/read-all');

function useMarking<In>(fn: (input: In) => Promise<UnreadCount>, isRead: (id: number, input: In) => boolean) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (count, input) => {
      queryClient.setQueryData(getUnreadCountQueryOptions().queryKey, count);
      queryClient.setQueryData<InfiniteData<NotificationList>>(getNotificationsQueryOptions().queryKey, (data) =>
        data && {
          ...data,
          pages: data.pages.map((p) => ({ ...p, unread: count.unread, items: p.items.map((i) => (isRead(i.id, input) ? { ...i, read: true } : i)) })),
        },
      );
    },
  });
}

export const useMarkRead = () => useMarking(markRead, (id, input: number) => id === input);
export const useMarkAllRead = () => useMarking(markAllRead, () => true);
