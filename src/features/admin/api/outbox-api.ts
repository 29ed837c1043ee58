// Admin → Outbox's requests: pages of mails, one mail, and a retry. A page that holds a mail
// still waiting refreshes itself, so "Waiting" turns into "Sent" or "Kept" without a reload.
import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { OutboxMailDetail, OutboxPage, OutboxQuery } from '#contract/outbox.ts';
import { api } from '#src/lib/api-client.ts';

const OUTBOX = ['admin', 'outbox'] as const;
const REFRESH_MS = 5000;

type OutboxFilter = Omit<OutboxQuery, 'before'>;

export const outboxQueryOptions = (filter: OutboxFilter) =>
  infiniteQueryOptions({
    queryKey: [...OUTBOX, 'list', filter],
    queryFn: ({ signal, pageParam }) =>
      api.get<OutboxPage>('/admin/outbox', { signal, query: { status: filter.status, to: filter.to || undefined, before: pageParam === null ? undefined : String(pageParam) } }),
    initialPageParam: null as number | null,
    getNextPageParam: (page) => page.older,
    refetchInterval: (q) => (q.state.data?.pages.some((p) => p.mails.some((m) => m.status === 'pending')) ? REFRESH_MS : false),
    placeholderData: (previous) => previous,
  });

export const useOutbox = (filter: OutboxFilter) => useInfiniteQuery(outboxQueryOptions(filter));

export const outboxMailQueryOptions = (mailId: number) =>
  queryOptions({
    queryKey: [...OUTBOX, 'mail', mailId],
    queryFn: ({ signal }) => api.get<OutboxMailDetail>(`/admin/outbox/${mailId}`, { signal }),
    refetchInterval: (q) => (q.state.data?.status === 'pending' ? REFRESH_MS : false),
  });

export const useOutboxMail = (mailId: number | null) => useQuery({ ...outboxMailQueryOptions(mailId ?? 0), enabled: mailId !== null });

export function useRetryMail() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (mailId: number) => api.post<null>(`/admin/outbox/${mailId}/retry`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: OUTBOX }),
  });
}
