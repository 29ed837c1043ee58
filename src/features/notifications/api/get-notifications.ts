// The bell's list: the newest items first, a page at a time.
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { NotificationList } from '#contract/notifications.ts';
import { api } from '#src/lib/api-client.ts';

const PAGE = 20;

export const getNotifications = ({ before, signal }: { before?: number; signal?: AbortSignal }) =>
  api.get<NotificationList>('/notifications', { signal, query: { limit: String(PAGE), before: before === undefined ? undefined : String(before) } });

export const getNotificationsQueryOptions = () =>
  infiniteQueryOptions({
    queryKey: ['notifications', 'list'],
    queryFn: ({ pageParam, signal }) => getNotifications({ before: pageParam, signal }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
    // Opening the list always shows what is new.
    staleTime: 0,
  });

export const useNotifications = () => useInfiniteQuery(getNotificationsQueryOptions());
