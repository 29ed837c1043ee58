// Adds a webhook; the answer carries the generated secret.
import type { CreateWebhook, Webhook } from '#contract/webhooks.ts';
import { api } from '#src/lib/api-client.ts';
import { webhooksPath } from './get-webhooks.ts';
import { useWebhookMutation } from './webhook-mutation.ts';

export const createWebhook = (companyId: string, body: CreateWebhook) => api.post<Webhook>(webhooksPath(companyId), body);

export const useCreateWebhook = (companyId: string) => useWebhookMutation(companyId, (body: CreateWebhook) => createWebhook(companyId, body));
