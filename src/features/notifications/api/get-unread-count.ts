// The bell's count: one small request when the app starts, again when the window regains focus
// (the items themselves load only when the list is opened).
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { UnreadCount } from '#contract/notifications.ts';
import { api } from '#src/lib/api-client.ts';

export const getUnreadCount = ({ signal }: { signal?: AbortSignal } = {}) => api.get<UnreadCount>('/notifications/unread', { signal });

export const getUnreadCountQueryOptions = () =>
  queryOptions({ queryKey: ['notifications', 'unread'], queryFn: ({ signal }) => getUnreadCount({ signal }), staleTime: 30_000, refetchOnWindowFocus: 'always' });

export const useUnreadCount = () => useQuery(getUnreadCountQueryOptions());
