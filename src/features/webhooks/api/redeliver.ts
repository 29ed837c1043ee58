// Sends an earlier delivery's payload again, as a new delivery.
import type { WebhookDelivery } from '#contract/webhooks.ts';
import { api } from '#src/lib/api-client.ts';
import { webhookPath } from './get-webhooks.ts';
import { useWebhookMutation } from './webhook-mutation.ts';

export const redeliver = (companyId: string, webhookId: string, deliveryId: number) =>
  api.post<WebhookDelivery>(`${webhookPath(companyId, webhookId)}/deliveries/${deliveryId}/redeliver`);

export const useRedeliver = (companyId: string, webhookId: string) =>
  useWebhookMutation(companyId, (deliveryId: number) => redeliver(companyId, webhookId, deliveryId));
