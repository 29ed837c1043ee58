// A company's webhooks: its clients manage their own company's, an admin any company's.
// The URL is checked when it is saved (http(s), https when the installation is served over
// https, never an internal address) and again at each delivery. Every change is audited with
// the company as its subject, never with the secret.
import { randomBytes } from 'node:crypto';
import { DELIVERY_PAGE, type CreateWebhook, type DeliveryPage, type UpdateWebhook, type Webhook, type WebhookDelivery } from '#contract/webhooks.ts';
import type { Database, Queryable } from '../db/client.ts';
import { appendAudit } from '../data/audit.ts';
import type { User } from '../data/users.ts';
import {
  deleteWebhook,
  findCompanyName,
  findCompanyWebhook,
  findCompanyWebhooks,
  findDeliveries,
  findDeliveryPayload,
  insertDelivery,
  insertWebhook,
  updateWebhook,
} from '../data/webhooks.ts';
import { HttpProblem, notFound } from '../lib/problem.ts';
import { pokeDelivery } from '../notify/emit.ts';
import { RefusedTarget, resolveTarget } from '../lib/private-address.ts';

/** Production mode: the installation is served over https (WORKDIARY_PUBLIC_URL), so webhooks must be too. */
export interface WebhookPolicy {
  requireHttps: boolean;
}
export const webhookPolicy = (publicUrl: string | undefined): WebhookPolicy => ({ requireHttps: Boolean(publicUrl?.startsWith('https:')) });

/** `whsec_` + base64 of 24 random bytes: the Standard Webhooks form of a signing secret. */
export const newWebhookSecret = () => `whsec_${randomBytes(24).toString('base64')}`;

/** Who may manage the company's webhooks: its clients and the admins. Another company's client gets 404. */
async function companyOf(q: Queryable, user: User, companyId: string): Promise<string> {
  if (user.role === 'contractor') throw new HttpProblem(403, 'Only a company’s clients and the admins manage its webhooks.');
  if (user.role === 'client' && user.companyId !== companyId) throw notFound('The company');
  const name = await findCompanyName(q, companyId);
  if (name === null) throw notFound('The company');
  return name;
}

const urlProblem = (message: string) => new HttpProblem(400, `The webhook URL ${message}.`, [{ field: 'body.url', message }]);

/** Refuses a URL the server must not post to; names the field. */
export async function checkWebhookUrl(url: string, policy: WebhookPolicy): Promise<void> {
  const parsed = new URL(url);
  if (policy.requireHttps && parsed.protocol !== 'https:') {
    throw urlProblem('must start with https://: this installation is served over https (WORKDIARY_PUBLIC_URL), so events are only sent encrypted');
  }
  try {
    await resolveTarget(parsed);
  } catch (err) {
    if (err instanceof RefusedTarget) throw urlProblem(`is refused: its ${err.message}`);
    throw err;
  }
}

async function webhookOf(q: Queryable, companyId: string, webhookId: string): Promise<Webhook> {
  const hook = await findCompanyWebhook(q, companyId, webhookId);
  if (!hook) throw notFound('The webhook');
  return hook;
}

/** What the audit trail keeps of a webhook: never its secret. */
const audited = (w: Pick<Webhook, 'id' | 'url' | 'kinds' | 'enabled'>) => ({ webhookId: w.id, url: w.url, kinds: w.kinds, enabled: w.enabled });

export async function listWebhooks(database: Database, user: User, companyId: string): Promise<Webhook[]> {
  await companyOf(database, user, companyId);
  return findCompanyWebhooks(database, companyId);
}

export async function createWebhook(database: Database, user: User, companyId: string, body: CreateWebhook, policy: WebhookPolicy, now: Date): Promise<Webhook> {
  await companyOf(database, user, companyId);
  await checkWebhookUrl(body.url, policy);
  return database.transaction(async (tx) => {
    const hook = await insertWebhook(tx, { companyId, url: body.url, secret: newWebhookSecret(), kinds: body.kinds, createdBy: user.id, now });
    await appendAudit(tx, { at: now, actorId: user.id, action: 'webhook.created', subject: companyId, before: null, after: audited(hook) });
    return hook;
  });
}

export async function changeWebhook(
  database: Database,
  user: User,
  companyId: string,
  webhookId: string,
  body: UpdateWebhook,
  policy: WebhookPolicy,
  now: Date,
): Promise<Webhook> {
  await companyOf(database, user, companyId);
  if (body.url !== undefined) await checkWebhookUrl(body.url, policy);
  return database.transaction(async (tx) => {
    const before = await webhookOf(tx, companyId, webhookId);
    await updateWebhook(tx, companyId, webhookId, body, now);
    const after = await webhookOf(tx, companyId, webhookId);
    await appendAudit(tx, { at: now, actorId: user.id, action: 'webhook.updated', subject: companyId, before: audited(before), after: audited(after) });
    return after;
  });
}

export async function removeWebhook(database: Database, user: User, companyId: string, webhookId: string, now: Date): Promise<void> {
  await companyOf(database, user, companyId);
  await database.transaction(async (tx) => {
    const before = await webhookOf(tx, companyId, webhookId);
    await deleteWebhook(tx, companyId, webhookId);
    await appendAudit(tx, { at: now, actorId: user.id, action: 'webhook.deleted', subject: companyId, before: audited(before), after: null });
  });
}

/** A new secret: the old one stops signing at once (pending retries are signed with the new one). */
export async function rotateSecret(database: Database, user: User, companyId: string, webhookId: string, now: Date): Promise<Webhook> {
  await companyOf(database, user, companyId);
  return database.transaction(async (tx) => {
    const before = await webhookOf(tx, companyId, webhookId);
    await updateWebhook(tx, companyId, webhookId, { secret: newWebhookSecret() }, now);
    await appendAudit(tx, { at: now, actorId: user.id, action: 'webhook.secret-rotated', subject: companyId, before: audited(before), after: audited(before) });
    return webhookOf(tx, companyId, webhookId);
  });
}

async function enabledWebhook(tx: Queryable, companyId: string, webhookId: string): Promise<Webhook> {
  const hook = await webhookOf(tx, companyId, webhookId);
  if (!hook.enabled) throw new HttpProblem(409, 'The webhook is disabled: enable it first, then send.');
  return hook;
}

/** Queues a `test` delivery, sent by the delivery loop like any other; the log shows its outcome. */
export async function sendTest(database: Database, user: User, companyId: string, webhookId: string, now: Date): Promise<WebhookDelivery> {
  const company = await companyOf(database, user, companyId);
  return database.transaction(async (tx) => {
    const hook = await enabledWebhook(tx, companyId, webhookId);
    const payload = { type: 'test', timestamp: now.toISOString(), data: { company, text: `A test event from workdiary, sent by ${user.name}.` } };
    const delivery = await insertDelivery(tx, hook.id, 'test', payload, now);
    await pokeDelivery(tx);
    await appendAudit(tx, { at: now, actorId: user.id, action: 'webhook.test-sent', subject: companyId, after: { webhookId, messageId: delivery.messageId } });
    return delivery;
  });
}

/** Sends an earlier delivery's payload again, as a new delivery (a new `webhook-id`). */
export async function redeliver(database: Database, user: User, companyId: string, webhookId: string, deliveryId: number, now: Date): Promise<WebhookDelivery> {
  await companyOf(database, user, companyId);
  return database.transaction(async (tx) => {
    const hook = await enabledWebhook(tx, companyId, webhookId);
    const old = await findDeliveryPayload(tx, hook.id, deliveryId);
    if (!old) throw notFound('The delivery');
    const delivery = await insertDelivery(tx, hook.id, old.kind, old.payload, now);
    await pokeDelivery(tx);
    await appendAudit(tx, { at: now, actorId: user.id, action: 'webhook.redelivered', subject: companyId, after: { webhookId, deliveryId, messageId: delivery.messageId } });
    return delivery;
  });
}

export async function deliveryLog(database: Database, user: User, companyId: string, webhookId: string, before: number | undefined): Promise<DeliveryPage> {
  await companyOf(database, user, companyId);
  await webhookOf(database, companyId, webhookId);
  const rows = await findDeliveries(database, webhookId, before, DELIVERY_PAGE);
  const page = rows.slice(0, DELIVERY_PAGE);
  return { deliveries: page, next: rows.length > DELIVERY_PAGE ? page[page.length - 1]!.id : null };
}
