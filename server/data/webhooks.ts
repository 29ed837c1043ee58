// A company's webhooks and their delivery log. The delivery side claims due rows with a
// lease (next_attempt_at moved ahead) under `for update skip locked`, so two servers never
// post the same delivery at once and a crash mid-post only delays it by the lease.
import type { Queryable } from '../db/client.ts';
import type { Webhook, WebhookDelivery } from '#contract/webhooks.ts';

interface DeliveryRow {
  id: number | string;
  messageId: string;
  kind: string;
  status: WebhookDelivery['status'];
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: Date | string;
  nextAttemptAt: Date | string;
  deliveredAt: Date | string | null;
}

const DELIVERY_COLUMNS = `d.id, d.message_id as "messageId", d.kind, d.status, d.attempts, d.last_status_code as "lastStatusCode",
  d.last_error as "lastError", d.created_at as "createdAt", d.next_attempt_at as "nextAttemptAt", d.delivered_at as "deliveredAt"`;

const iso = (d: Date | string) => new Date(d).toISOString();
export const toDelivery = (r: DeliveryRow): WebhookDelivery => ({
  id: Number(r.id),
  messageId: r.messageId,
  kind: r.kind,
  status: r.status,
  attempts: r.attempts,
  lastStatusCode: r.lastStatusCode,
  lastError: r.lastError,
  createdAt: iso(r.createdAt),
  nextAttemptAt: r.status === 'pending' ? iso(r.nextAttemptAt) : null,
  deliveredAt: r.deliveredAt === null ? null : iso(r.deliveredAt),
});

interface WebhookRow {
  id: string;
  url: string;
  secret: string;
  kinds: string[];
  createdAt: Date | string;
  disabledAt: Date | string | null;
  last: DeliveryRow | null;
}

const toWebhook = (r: WebhookRow): Webhook => ({
  id: r.id,
  url: r.url,
  secret: r.secret,
  kinds: r.kinds,
  enabled: r.disabledAt === null,
  createdAt: iso(r.createdAt),
  lastDelivery: r.last ? toDelivery(r.last) : null,
});

const WEBHOOK_SELECT = `
  select w.id, w.url, w.secret, w.kinds, w.created_at as "createdAt", w.disabled_at as "disabledAt",
         (select row_to_json(x) from (select ${DELIVERY_COLUMNS} from webhook_deliveries d where d.webhook_id = w.id order by d.id desc limit 1) x) as last
    from webhooks w`;

/** The company's webhooks, oldest first, each with its newest delivery. */
export async function findCompanyWebhooks(q: Queryable, companyId: string): Promise<Webhook[]> {
  const rows = await q.query<WebhookRow>(`${WEBHOOK_SELECT} where w.company_id = $1 order by w.created_at, w.id`, [companyId]);
  return rows.map(toWebhook);
}

/** One of the company's webhooks, or null (another company's counts as missing). */
export async function findCompanyWebhook(q: Queryable, companyId: string, webhookId: string): Promise<Webhook | null> {
  const rows = await q.query<WebhookRow>(`${WEBHOOK_SELECT} where w.company_id = $1 and w.id = $2`, [companyId, webhookId]);
  return rows[0] ? toWebhook(rows[0]) : null;
}

export async function insertWebhook(
  q: Queryable,
  w: { companyId: string; url: string; secret: string; kinds: string[]; createdBy: string; now: Date },
): Promise<Webhook> {
  const rows = await q.query<{ id: string }>(
    `insert into webhooks (company_id, url, secret, kinds, created_by, created_at) values ($1, $2, $3, $4::text[], $5, $6) returning id`,
    [w.companyId, w.url, w.secret, w.kinds, w.createdBy, w.now],
  );
  return (await findCompanyWebhook(q, w.companyId, rows[0]!.id))!;
}

/** Changes what is given; `enabled` false disables it (once: the first time is kept). */
export async function updateWebhook(
  q: Queryable,
  companyId: string,
  webhookId: string,
  change: { url?: string; kinds?: string[]; enabled?: boolean; secret?: string },
  now: Date,
): Promise<void> {
  await q.query(
    `update webhooks
        set url = coalesce($3, url),
            kinds = coalesce($4::text[], kinds),
            secret = coalesce($5, secret),
            disabled_at = case when $6::boolean is null then disabled_at when $6 then null else coalesce(disabled_at, $7) end
      where company_id = $1 and id = $2`,
    [companyId, webhookId, change.url ?? null, change.kinds ?? null, change.secret ?? null, change.enabled ?? null, now],
  );
}

/** Deletes the webhook and (by cascade) its delivery log. */
export async function deleteWebhook(q: Queryable, companyId: string, webhookId: string): Promise<boolean> {
  const rows = await q.query(`delete from webhooks where company_id = $1 and id = $2 returning id`, [companyId, webhookId]);
  return rows.length > 0;
}

/** A delivery without an event: the "Send test" button's, or a redelivery of an old payload. */
export async function insertDelivery(q: Queryable, webhookId: string, kind: string, payload: unknown, now: Date): Promise<WebhookDelivery> {
  const rows = await q.query<DeliveryRow>(
    `insert into webhook_deliveries as d (webhook_id, message_id, kind, payload, status, next_attempt_at, created_at)
     values ($1, 'msg_' || replace(gen_random_uuid()::text, '-', ''), $2, $3::jsonb, 'pending', $4, $4)
     returning ${DELIVERY_COLUMNS}`,
    [webhookId, kind, JSON.stringify(payload), now],
  );
  return toDelivery(rows[0]!);
}

/** The webhook's deliveries, newest first; `limit + 1` rows tell whether there is an older page. */
export async function findDeliveries(q: Queryable, webhookId: string, before: number | undefined, limit: number): Promise<WebhookDelivery[]> {
  const rows = await q.query<DeliveryRow>(
    `select ${DELIVERY_COLUMNS} from webhook_deliveries d
      where d.webhook_id = $1 and ($2::bigint is null or d.id < $2)
      order by d.id desc limit $3`,
    [webhookId, before ?? null, limit + 1],
  );
  return rows.map(toDelivery);
}

/** One delivery of the webhook with its payload, or null. */
export async function findDeliveryPayload(q: Queryable, webhookId: string, deliveryId: number): Promise<{ kind: string; payload: unknown } | null> {
  const rows = await q.query<{ kind: string; payload: unknown }>(`select kind, payload from webhook_deliveries where webhook_id = $1 and id = $2`, [webhookId, deliveryId]);
  return rows[0] ?? null;
}

export interface DueDelivery {
  id: number;
  messageId: string;
  payload: unknown;
  attempts: number;
  createdAt: Date;
  url: string;
  secret: string;
}

/**
 * Claims up to `limit` due pending deliveries of enabled webhooks: each is leased until
 * `leaseUntil` (its next_attempt_at), so another server skips it, and a crash mid-post
 * retries it after the lease.
 */
export async function claimDueDeliveries(q: Queryable, now: Date, leaseUntil: Date, limit: number): Promise<DueDelivery[]> {
  const rows = await q.query<DueDelivery & { id: number | string; createdAt: Date | string }>(
    `update webhook_deliveries d set next_attempt_at = $2
       from webhooks w
      where w.id = d.webhook_id
        and d.id in (select x.id from webhook_deliveries x join webhooks y on y.id = x.webhook_id
                      where x.status = 'pending' and x.next_attempt_at <= $1 and y.disabled_at is null
                      order by x.next_attempt_at, x.id
                      limit $3
                      for update of x skip locked)
      returning d.id, d.message_id as "messageId", d.payload, d.attempts, d.created_at as "createdAt", w.url, w.secret`,
    [now, leaseUntil, limit],
  );
  return rows.map((r) => ({ ...r, id: Number(r.id), createdAt: new Date(r.createdAt) }));
}

/** The outcome of one attempt: delivered, retried at `nextAttemptAt`, or failed for good. */
export async function recordAttempt(
  q: Queryable,
  id: number,
  outcome: { status: WebhookDelivery['status']; statusCode: number | null; error: string | null; at: Date; nextAttemptAt: Date },
): Promise<void> {
  await q.query(
    `update webhook_deliveries
        set status = $2, attempts = attempts + 1, last_status_code = $3, last_error = $4, next_attempt_at = $5,
            delivered_at = case when $2 = 'delivered' then $6::timestamptz else delivered_at end
      where id = $1 and status = 'pending'`,
    [id, outcome.status, outcome.statusCode, outcome.error, outcome.nextAttemptAt, outcome.at],
  );
}

/** The company's name, or null when there is no such company. */
export async function findCompanyName(q: Queryable, companyId: string): Promise<string | null> {
  const rows = await q.query<{ name: string }>(`select name from companies where id = $1`, [companyId]);
  return rows[0]?.name ?? null;
}
