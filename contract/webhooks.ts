// A company's webhooks: where its chosen events are posted, signed per the Standard Webhooks
// spec, and the log of each delivery. The kinds are the notification kinds, plus `test` for
// the "Send test" button.
import { z } from 'zod';
import { NOTIFICATION_KINDS } from './notifications.ts';
import { Id, Text } from './common.ts';

export const MAX_WEBHOOK_URL = 2000;

export const WebhookUrl = Text.trim()
  .min(1, { error: 'is required: the https address that receives the events' })
  .max(MAX_WEBHOOK_URL, { error: `must be at most ${MAX_WEBHOOK_URL} characters` })
  .refine((s) => URL.canParse(s), { error: 'must be a full URL, like https://hooks.example.com/workdiary' })
  .refine((s) => !URL.canParse(s) || /^https?:$/.test(new URL(s).protocol), { error: 'must start with https:// (or http://)' })
  .refine((s) => !URL.canParse(s) || (!new URL(s).username && !new URL(s).password), {
    error: 'must not carry a user name or password: the signature proves the sender',
  });

export const WebhookKinds = z
  .array(z.enum(NOTIFICATION_KINDS, { error: `must be one of ${NOTIFICATION_KINDS.join(', ')}` }), { error: 'must be a list of event kinds' })
  .min(1, { error: 'must name at least one kind of event' })
  .refine((k) => new Set(k).size === k.length, { error: 'must not name a kind twice' });

export const CreateWebhook = z.object({ url: WebhookUrl, kinds: WebhookKinds });
export type CreateWebhook = z.infer<typeof CreateWebhook>;

export const UpdateWebhook = z
  .object({ url: WebhookUrl.optional(), kinds: WebhookKinds.optional(), enabled: z.boolean({ error: 'must be true or false' }).optional() })
  .refine((b) => b.url !== undefined || b.kinds !== undefined || b.enabled !== undefined, { error: 'must change the url, the kinds or enabled' });
export type UpdateWebhook = z.infer<typeof UpdateWebhook>;

export const DeliveryStatus = z.enum(['pending', 'delivered', 'failed']);
export type DeliveryStatus = z.infer<typeof DeliveryStatus>;

export const WebhookDelivery = z.object({
  id: z.number().int(),
  /** The `webhook-id` header: the same on every retry, so a receiver can drop repeats. */
  messageId: z.string(),
  /** A notification kind, or `test`. */
  kind: z.string(),
  status: DeliveryStatus,
  attempts: z.number().int(),
  /** The receiver's HTTP status on the latest attempt; null: none yet, or no answer. */
  lastStatusCode: z.number().int().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  /** When it is tried next (pending only). */
  nextAttemptAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
});
export type WebhookDelivery = z.infer<typeof WebhookDelivery>;

export const Webhook = z.object({
  id: Id,
  url: z.string(),
  /** `whsec_` + base64 of 24 random bytes: the receiver verifies signatures with it. */
  secret: z.string(),
  kinds: z.array(z.string()),
  enabled: z.boolean(),
  createdAt: z.string(),
  /** The newest delivery, for the list's glance. */
  lastDelivery: WebhookDelivery.nullable(),
});
export type Webhook = z.infer<typeof Webhook>;

export const WebhookList = z.object({ webhooks: z.array(Webhook) });
export type WebhookList = z.infer<typeof WebhookList>;

export const CompanyWebhooksParams = z.object({ companyId: Id });
export const WebhookParams = z.object({ companyId: Id, webhookId: Id });
export const DeliveryParams = z.object({
  companyId: Id,
  webhookId: Id,
  deliveryId: z.coerce.number({ error: 'must be a whole number' }).int({ error: 'must be a whole number' }).positive({ error: 'must be positive' }),
});

export const DELIVERY_PAGE = 25;
export const DeliveryQuery = z.object({
  /** The last id of the page before: the next page holds older deliveries. */
  before: z.coerce.number({ error: 'must be a whole number' }).int({ error: 'must be a whole number' }).positive({ error: 'must be positive' }).optional(),
});

export const DeliveryPage = z.object({
  deliveries: z.array(WebhookDelivery),
  /** `before` for the next, older page; null on the last. */
  next: z.number().int().nullable(),
});
export type DeliveryPage = z.infer<typeof DeliveryPage>;
