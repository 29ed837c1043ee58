// A webhook's delivery log, newest first, a page at a time ("Older" loads the next).
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { DeliveryPage } from '#contract/webhooks.ts';
import { api } from '#src/lib/api-client.ts';
import { webhookPath, webhooksKey } from './get-webhooks.ts';

export const getDeliveries = (companyId: string, webhookId: string, before: number | null, signal?: AbortSignal) =>
  api.get<DeliveryPage>(`${webhookPath(companyId, webhookId)}/deliveries`, { signal, query: { before: before === null ? undefined : String(before) } });

export const getDeliveriesQueryOptions = (companyId: string, webhookId: string) =>
  infiniteQueryOptions({
    queryKey: [...webhooksKey(companyId), webhookId, 'deliveries'],
    queryFn: ({ pageParam, signal }) => getDeliveries(companyId, webhookId, pageParam, signal),
    initialPageParam: null as number | null,
    getNextPageParam: (last) => last.next,
    // A pending delivery is tried within seconds; show its outcome without a reload.
    refetchInterval: (query) => (query.state.data?.pages[0]?.deliveries.some((d) => d.status === 'pending') ? 3000 : false),
  });

export const useDeliveries = (companyId: string, webhookId: string) => useInfiniteQuery(getDeliveriesQueryOptions(companyId, webhookId));
