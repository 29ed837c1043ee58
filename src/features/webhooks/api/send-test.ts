// Queues a test event; the delivery log shows its outcome.
import type { WebhookDelivery } from '#contract/webhooks.ts';
import { api } from '#src/lib/api-client.ts';
import { webhookPath } from './get-webhooks.ts';
import { useWebhookMutation } from './webhook-mutation.ts';

export const sendTest = (companyId: string, webhookId: string) => api.post<WebhookDelivery>(`${webhookPath(companyId, webhookId)}/test`);

export const useSendTest = (companyId: string, webhookId: string) => useWebhookMutation(companyId, () => sendTest(companyId, webhookId));
