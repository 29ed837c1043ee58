// Deletes a webhook and its delivery log.
import { request } from '#src/lib/api-client.ts';
import { webhookPath } from './get-webhooks.ts';
import { useWebhookMutation } from './webhook-mutation.ts';

export const deleteWebhook = (companyId: string, webhookId: string) => request<void>(webhookPath(companyId, webhookId), { method: 'DELETE' });

export const useDeleteWebhook = (companyId: string, webhookId: string) => useWebhookMutation(companyId, () => deleteWebhook(companyId, webhookId));
