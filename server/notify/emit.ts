// The outbox's one way in. A service calls `emit` inside the transaction of the change that
// caused the event: the event, each recipient's bell item and mail, and each subscribed
// webhook's delivery are written there, so a rollback tells nobody and a crash loses nothing.
// The same fact (its `key`) becomes an event once, however many servers or sweeps notice it.
import { randomBytes } from 'node:crypto';
import { KIND_INFO, type Channel, type NotificationKind } from '#contract/notifications.ts';
import type { Queryable } from '../db/client.ts';
import { renderEvent, type EventData } from './render.ts';

export interface EventInput {
  kind: NotificationKind;
  /** Names the fact, e.g. `week-in-review:<contract>:<week>`. */
  key: string;
  at: Date;
  contractId: string | null;
  /** The company whose people and webhooks hear of it (defaults to the contract's). */
  companyId?: string | null;
  data: EventData;
}

/**
 * Runs after the rows are written, in the same transaction: graphile-worker's job on PostgreSQL.
 * `eventId` is null for mails queued without an event (an invitation, a reset, a retry).
 */
export type AfterEmit = (tx: Queryable, eventId: number | null) => Promise<void>;
let afterEmit: AfterEmit | null = null;
/** The delivery side (server/notify/delivery) hooks the queue in here at start. */
export function onEmit(hook: AfterEmit | null): void {
  afterEmit = hook;
}

/** Tells the delivery side, in `tx`, that something is due: for rows written outside `emit`. */
export async function pokeDelivery(tx: Queryable): Promise<void> {
  if (afterEmit) await afterEmit(tx, null);
}

interface Recipient {
  id: string;
  email: string;
  name: string;
  channel: Channel | null;
}

const DEFAULT_BASE = 'http://localhost:3000';
export const PUBLIC_URL_SETTING = 'public_url';

/** A mail's Message-ID: random, so it also serves as the unguessable unsubscribe handle. */
export const newMessageId = () => `${randomBytes(24).toString('base64url')}@workdiary`;

// Two statements, whatever the audience: the event with its recipients, then its fan-out
// (bell items, mails, webhook deliveries) at once. The routes that emit (dispute, approve) pay
// for round trips, not rows.
const EVENT_AND_RECIPIENTS = `
  with e as (
    insert into notification_events (kind, key, company_id, contract_id, data, at)
    values ($1, $2, coalesce($3::uuid, (select company_id from contracts where id = $4::uuid)), $4::uuid, $5, $6)
    on conflict (key) do nothing
    returning id, company_id
  )
  select e.id, e.company_id as "companyId",
         (select value from settings where key = '${PUBLIC_URL_SETTING}') as base,
         coalesce((
           select json_agg(json_build_object('id', u.id, 'email', u.email, 'name', u.name, 'channel', p.channel))
             from users u
             left join notification_prefs p on p.user_id = u.id and p.kind = $1
            where u.disabled_at is null
              and case $7::text
                    when 'client' then u.role = 'client' and u.company_id = e.company_id
                                       and (select c.deactivated_at from companies c where c.id = e.company_id) is null
                    when 'contractor' then u.id = (select contractor_id from contracts where id = $4::uuid)
                    else u.role = 'admin'
                  end), '[]'::json) as recipients
    from e`;

const MAILS_INSERT = (eventId: string, kind: string, at: string, rows: string) => `
  insert into mails (event_id, user_id, kind, to_address, subject, text, html, message_id, status, next_attempt_at, created_at)
  select ${eventId}, x.user_id, ${kind}, x.to_address, x.subject, x.text, x.html, x.message_id, 'pending', ${at}, ${at}
    from jsonb_to_recordset(${rows}::jsonb) as x(user_id uuid, to_address text, subject text, text text, html text, message_id text)
  on conflict do nothing`;

const FAN_OUT = `
  with items as (
    insert into notifications (event_id, user_id, kind, title, body, link, created_at)
    select $1, x.user_id, $2, x.title, x.body, x.link, $3
      from jsonb_to_recordset($4::jsonb) as x(user_id uuid, title text, body text, link text)
  ), queued as (${MAILS_INSERT('$1', '$2', '$3', '$5')}
  ), hooks as (
    insert into webhook_deliveries (webhook_id, event_id, message_id, kind, payload, status, next_attempt_at, created_at)
    select w.id, $1, 'msg_' || replace(gen_random_uuid()::text, '-', ''), $2,
           jsonb_build_object('type', $2::text, 'timestamp', $8::text, 'data', $6::jsonb), 'pending', $3, $3
      from webhooks w
     where w.company_id = $7::uuid and w.disabled_at is null and $2 = any (w.kinds)
       and (select c.deactivated_at from companies c where c.id = w.company_id) is null
  )
  select 1`;

const mailRows = (mails: MailInput[]) =>
  JSON.stringify(mails.map((m) => ({ user_id: m.userId, to_address: m.to, subject: m.subject, text: m.text, html: m.html, message_id: m.messageId })));

/** Writes the event and its fan-out; returns the event's id, or null when it was already emitted. */
export async function emit(tx: Queryable, input: EventInput): Promise<number | null> {
  const info = KIND_INFO[input.kind];
  const data = JSON.stringify(input.data);
  const [event] = await tx.query<{ id: number; companyId: string | null; base: string | null; recipients: Recipient[] }>(EVENT_AND_RECIPIENTS, [
    input.kind,
    input.key,
    input.companyId ?? null,
    input.contractId,
    data,
    input.at,
    info.audience,
  ]);
  if (!event) return null;
  const base = event.base ?? DEFAULT_BASE;
  const items = event.recipients
    .map((r) => ({ r, channel: r.channel ?? info.channel }))
    .filter(({ channel }) => channel !== 'off')
    .map(({ r, channel }) => {
      const messageId = newMessageId();
      return { r, channel, messageId, message: renderEvent(input.kind, input.data, { base, recipientName: r.name, messageId }) };
    });
  if (items.length > 0 || event.companyId) {
    const bell = items.map(({ r, message }) => ({ user_id: r.id, title: message.title, body: message.body, link: message.link }));
    const mailed = items.filter(({ channel }) => channel === 'app_mail').map(({ r, messageId, message }) => ({ userId: r.id, to: r.email, messageId, ...message.mail }));
    // The payload's timestamp as ISO-8601 UTC (`…Z`), as receivers and the test sends have it.
    await tx.query(FAN_OUT, [event.id, input.kind, input.at, JSON.stringify(bell), mailRows(mailed), data, event.companyId, input.at.toISOString()]);
  }
  if (afterEmit) await afterEmit(tx, event.id);
  return event.id;
}

export interface MailInput {
  userId: string | null;
  to: string;
  messageId: string;
  subject: string;
  text: string;
  html: string;
}

/** Queues mails in the caller's transaction (the delivery side sends them, or keeps them). */
export async function queueMails(tx: Queryable, eventId: number | null, kind: string, at: Date, mails: MailInput[]): Promise<void> {
  await tx.query(MAILS_INSERT('$1', '$2', '$3', '$4'), [eventId, kind, at, mailRows(mails)]);
  // An event's mails are announced with the event, once, at the end of `emit`.
  if (eventId === null) await pokeDelivery(tx);
}

/** The base of every link in a mail, as `setPublicUrl` stored it (no trailing slash). */
export async function publicBase(q: Queryable): Promise<string> {
  const [row] = await q.query<{ value: string }>(`select value from settings where key = '${PUBLIC_URL_SETTING}'`);
  return row?.value ?? DEFAULT_BASE; // setPublicUrl stored it without a trailing slash
}

/** The base of every link in a mail: WORKDIARY_PUBLIC_URL, or the URL `npm start` printed. */
export async function setPublicUrl(q: Queryable, url: string): Promise<void> {
  await q.query(
    `insert into settings (key, value) values ('${PUBLIC_URL_SETTING}', $1) on conflict (key) do update set value = excluded.value`,
    [url.replace(/\/+$/, '')],
  );
}
