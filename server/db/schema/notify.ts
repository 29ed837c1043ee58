// Invitations, single-use links, and notifications: the outbox of events, each person's
// in-app items and mails, their choices per kind, and the companies' webhooks with their
// delivery log. An event and everything it fans out to are written in the transaction of
// the change that caused it, so a rollback sends nothing and a crash loses nothing.
import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, jsonb, pgTable, primaryKey, text, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id, ref, ts } from './columns.ts';
import { companies, users } from './accounts.ts';
import { contracts } from './work.ts';

/**
 * An invitation: a client into a company (contract_id null), or a contractor to a new
 * contract. The invitee's account exists from the start; a new one has no usable password
 * until the link sets it (`new_account`). Until it is accepted the contract is "pending".
 */
export const invitations = pgTable(
  'invitations',
  {
    id: id(),
    companyId: ref('company_id', () => companies.id),
    userId: ref('user_id', () => users.id),
    contractId: uuid('contract_id').references(() => contracts.id),
    email: text('email').notNull(),
    role: text('role', { enum: ['client', 'contractor'] }).notNull(),
    newAccount: boolean('new_account').notNull(),
    invitedBy: uuid('invited_by').references(() => users.id),
    createdAt: ts('created_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
    acceptedAt: ts('accepted_at'),
    revokedAt: ts('revoked_at'),
  },
  (t) => [
    index('invitations_company_idx').on(t.companyId, t.createdAt),
    index('invitations_user_idx').on(t.userId),
    check('invitations_role_check', sql`${t.role} in ('client', 'contractor')`),
    check('invitations_contract_check', sql`(${t.role} = 'contractor') = (${t.contractId} is not null)`),
  ],
);

/**
 * A link's token (32 random bytes), kept as its sha256 only: single-use and expiring. An
 * invitation's link (7 days) or a password reset's (1 hour).
 */
export const linkTokens = pgTable(
  'link_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    purpose: text('purpose', { enum: ['invite', 'reset'] }).notNull(),
    userId: ref('user_id', () => users.id),
    invitationId: uuid('invitation_id').references(() => invitations.id),
    createdAt: ts('created_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
    usedAt: ts('used_at'),
  },
  (t) => [
    index('link_tokens_user_idx').on(t.userId),
    index('link_tokens_expires_idx').on(t.expiresAt),
    check('link_tokens_purpose_check', sql`${t.purpose} in ('invite', 'reset')`),
    check('link_tokens_invite_check', sql`(${t.purpose} = 'invite') = (${t.invitationId} is not null)`),
  ],
);

/**
 * The outbox: one row per fact that people are told of. `key` names the fact (for example
 * `week-in-review:<contract>:<week>`), so the same fact is never an event twice, however many
 * servers or sweeps notice it.
 */
export const notificationEvents = pgTable(
  'notification_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    kind: text('kind').notNull(),
    key: text('key').notNull().unique(),
    companyId: uuid('company_id').references(() => companies.id),
    contractId: uuid('contract_id').references(() => contracts.id),
    /** What the messages are made from: names, amounts, deadlines, the link's path. */
    data: jsonb('data').notNull(),
    at: ts('at').notNull(),
  },
  (t) => [index('notification_events_company_idx').on(t.companyId, t.id)],
);

/** An item in a person's bell. */
export const notifications = pgTable(
  'notifications',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    eventId: bigint('event_id', { mode: 'number' })
      .notNull()
      .references(() => notificationEvents.id),
    userId: ref('user_id', () => users.id),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** The dashboard path where it is acted on. */
    link: text('link').notNull(),
    createdAt: ts('created_at').notNull(),
    readAt: ts('read_at'),
  },
  (t) => [
    unique('notifications_event_user_unique').on(t.eventId, t.userId),
    index('notifications_user_idx').on(t.userId, t.id),
    index('notifications_unread_idx')
      .on(t.userId)
      .where(sql`${t.readAt} is null`),
  ],
);

/**
 * A mail, rendered when it is queued: what the outbox shows is what the recipient gets.
 * Sent to WORKDIARY_SMTP_URL when it is set; otherwise kept here (status `kept`) for the
 * admin's outbox. One per event and person; `message_id` is fixed when queued, so a retry
 * after a crash sends the same message.
 */
export const mails = pgTable(
  'mails',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    eventId: bigint('event_id', { mode: 'number' }).references(() => notificationEvents.id),
    userId: uuid('user_id').references(() => users.id),
    kind: text('kind').notNull(),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html').notNull(),
    messageId: text('message_id').notNull().unique(),
    status: text('status', { enum: ['pending', 'sent', 'kept', 'failed'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: ts('next_attempt_at').notNull(),
    lastError: text('last_error'),
    createdAt: ts('created_at').notNull(),
    sentAt: ts('sent_at'),
  },
  (t) => [
    uniqueIndex('mails_event_user_unique')
      .on(t.eventId, t.userId)
      .where(sql`${t.eventId} is not null`),
    index('mails_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`${t.status} = 'pending'`),
    index('mails_created_idx').on(t.createdAt, t.id),
    check('mails_status_check', sql`${t.status} in ('pending', 'sent', 'kept', 'failed')`),
  ],
);

/** A person's choice for one kind: `app`, `app_mail` or `off`. No row: the kind's default. */
export const notificationPrefs = pgTable(
  'notification_prefs',
  {
    userId: ref('user_id', () => users.id),
    kind: text('kind').notNull(),
    channel: text('channel', { enum: ['app', 'app_mail', 'off'] }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.kind] }),
    check('notification_prefs_channel_check', sql`${t.channel} in ('app', 'app_mail', 'off')`),
  ],
);

/** A company's webhook: where its chosen events are posted, signed (Standard Webhooks). */
export const webhooks = pgTable(
  'webhooks',
  {
    id: id(),
    companyId: ref('company_id', () => companies.id),
    url: text('url').notNull(),
    /** `whsec_…`: shown to the company, used to sign. */
    secret: text('secret').notNull(),
    kinds: text('kinds').array().notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull(),
    disabledAt: ts('disabled_at'),
  },
  (t) => [index('webhooks_company_idx').on(t.companyId)],
);

/** One event posted to one webhook, retried with backoff for 24 h; a test send has no event. */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    webhookId: uuid('webhook_id')
      .notNull()
      .references(() => webhooks.id, { onDelete: 'cascade' }),
    eventId: bigint('event_id', { mode: 'number' }).references(() => notificationEvents.id),
    /** The `webhook-id` header: the same on every retry, so the receiver can drop repeats. */
    messageId: text('message_id').notNull().unique(),
    kind: text('kind').notNull(),
    payload: jsonb('payload').notNull(),
    status: text('status', { enum: ['pending', 'delivered', 'failed'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: ts('next_attempt_at').notNull(),
    lastStatusCode: integer('last_status_code'),
    lastError: text('last_error'),
    createdAt: ts('created_at').notNull(),
    deliveredAt: ts('delivered_at'),
  },
  (t) => [
    uniqueIndex('webhook_deliveries_event_unique')
      .on(t.webhookId, t.eventId)
      .where(sql`${t.eventId} is not null`),
    index('webhook_deliveries_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`${t.status} = 'pending'`),
    index('webhook_deliveries_webhook_idx').on(t.webhookId, t.id),
    check('webhook_deliveries_status_check', sql`${t.status} in ('pending', 'delivered', 'failed')`),
  ],
);
