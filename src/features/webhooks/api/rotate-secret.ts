// A new signing secret: the old one stops at once.
import type { Webhook } from '#contract/webhooks.ts';
import { api } from '#src/lib/api-client.ts';
import { webhookPath } from './get-webhooks.ts';
import { useWebhookMutation } from './webhook-mutation.ts';

export const rotateSecret = (companyId: string, webhookId: string) => api.post<Webhook>(`${webhookPath(companyId, webhookId)}/secret`);

export const useRotateSecret = (companyId: string, webhookId: string) => useWebhookMutation(companyId, () => rotateSecret(companyId, webhookId));
