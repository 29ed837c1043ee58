// Changes a webhook's URL or kinds, or enables or disables it.
import type { UpdateWebhook, Webhook } from '#contract/webhooks.ts';
import { request } from '#src/lib/api-client.ts';
import { webhookPath } from './get-webhooks.ts';
import { useWebhookMutation } from './webhook-mutation.ts';

export const updateWebhook = (companyId: string, webhookId: string, body: UpdateWebhook) =>
  request<Webhook>(webhookPath(companyId, webhookId), { method: 'PATCH', body });

export const useUpdateWebhook = (companyId: string, webhookId: string) =>
  useWebhookMutation(companyId, (body: UpdateWebhook) => updateWebhook(companyId, webhookId, body));
