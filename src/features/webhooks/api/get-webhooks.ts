// The company's webhooks, each with its secret and newest delivery.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { WebhookList } from '#contract/webhooks.ts';
import { api } from '#src/lib/api-client.ts';

export const webhooksPath = (companyId: string) => `/companies/${encodeURIComponent(companyId)}/webhooks`;
export const webhookPath = (companyId: string, webhookId: string) => `${webhooksPath(companyId)}/${encodeURIComponent(webhookId)}`;

export const getWebhooks = (companyId: string, { signal }: { signal?: AbortSignal } = {}) => api.get<WebhookList>(webhooksPath(companyId), { signal });

/** Every query of the company's webhooks (the list and each delivery log) starts with this key. */
export const webhooksKey = (companyId: string) => ['webhooks', companyId] as const;

export const getWebhooksQueryOptions = (companyId: string) =>
  queryOptions({
    queryKey: webhooksKey(companyId),
    queryFn: ({ signal }) => getWebhooks(companyId, { signal }),
    // While a delivery waits, its outcome arrives within seconds: look again until it is in.
    refetchInterval: (query) => (query.state.data?.webhooks.some((w) => w.lastDelivery?.status === 'pending') ? 3000 : false),
  });

export const useWebhooks = (companyId: string) => useQuery(getWebhooksQueryOptions(companyId));
