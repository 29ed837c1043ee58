// The one schema, for embedded PGlite and for PostgreSQL alike.
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const companies = pgTable('companies', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull().unique(),
    name: text('name').notNull(),
    role: text('role', { enum: ['client', 'contractor', 'admin'] }).notNull(),
    /** Set for client users only: the company they act for. */
    companyId: uuid('company_id').references(() => companies.id),
    /** scrypt, as `scrypt$N$r$p$salt$hash` (base64). Never plain. */
    passwordHash: text('password_hash').notNull(),
    timeZone: text('time_zone').notNull().default('UTC'),
    createdAt: ts('created_at').notNull().defaultNow(),
    /** Set by an admin: the user cannot sign in, and their sessions and tracker tokens were ended. */
    disabledAt: ts('disabled_at'),
  },
  (t) => [
    check('users_role_check', sql`${t.role} in ('client', 'contractor', 'admin')`),
    check('users_client_company_check', sql`(${t.role} = 'client') = (${t.companyId} is not null)`),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    /** sha256 of the cookie's token: a leaked table does not give sessions away. */
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: ts('created_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/**
 * Sign-in attempts counted in a fixed window, per account (`account:<email>`) and per client
 * address (`address:<ip>`). In the database, so every server of an installation counts the
 * same attempts. A row whose window has ended is dead: the next attempt starts it again.
 */
export const loginFailures = pgTable(
  'login_failures',
  {
    key: text('key').primaryKey(),
    failures: integer('failures').notNull(),
    windowEndsAt: ts('window_ends_at').notNull(),
  },
  (t) => [index('login_failures_window_idx').on(t.windowEndsAt)],
);

/**
 * A contractor's tracker, one per device. Only the sha256 of its token is kept: the token is
 * shown once when it is made. A revoked token keeps its row (and its history).
 */
export const trackerTokens = pgTable(
  'tracker_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    deviceName: text('device_name').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: ts('created_at').notNull(),
    lastUsedAt: ts('last_used_at'),
    revokedAt: ts('revoked_at'),
  },
  (t) => [index('tracker_tokens_user_idx').on(t.userId, t.createdAt)],
);

export const contracts = pgTable(
  'contracts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    contractorId: uuid('contractor_id')
      .notNull()
      .references(() => users.id),
    title: text('title').notNull(),
    /** Integer minor units per hour. */
    hourlyRate: integer('hourly_rate').notNull(),
    currency: text('currency').notNull(),
    weeklyLimitHours: integer('weekly_limit_hours'),
    manualTimeAllowed: boolean('manual_time_allowed').notNull().default(false),
    timeZone: text('time_zone').notNull().default('UTC'),
    status: text('status', { enum: ['active', 'paused', 'ended'] }).notNull().default('active'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('contracts_company_idx').on(t.companyId),
    index('contracts_contractor_idx').on(t.contractorId),
    check('contracts_rate_check', sql`${t.hourlyRate} >= 0`),
    check('contracts_limit_check', sql`${t.weeklyLimitHours} is null or ${t.weeklyLimitHours} between 0 and 168`),
    check('contracts_currency_check', sql`${t.currency} ~ '^[A-Z]{3}$'`),
  ],
);

/** One stored image per (contract, sha256): identical screenshots are kept once per contract. */
export const screenshots = pgTable(
  'screenshots',
  {
    contractId: uuid('contract_id')
      .notNull()
      .references(() => contracts.id),
    sha256: text('sha256').notNull(),
    mime: text('mime').notNull(),
    bytes: integer('bytes').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    /** Blob key of the WebP thumbnail (about 320 px wide). */
    thumbSha256: text('thumb_sha256').notNull(),
    thumbBytes: integer('thumb_bytes').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.contractId, t.sha256] })],
);

export const slots = pgTable(
  'slots',
  {
    contractId: uuid('contract_id')
      .notNull()
      .references(() => contracts.id),
    contractorId: uuid('contractor_id')
      .notNull()
      .references(() => users.id),
    start: ts('start').notNull(),
    kind: text('kind', { enum: ['tracked', 'manual'] }).notNull(),
    /** Per-minute counts, 10 each; empty for manual slots. */
    keyboard: integer('keyboard').array().notNull(),
    mouse: integer('mouse').array().notNull(),
    activeMinutes: smallint('active_minutes').notNull(),
    memo: text('memo').notNull().default(''),
    windowTitle: text('window_title').notNull().default(''),
    screenshotSha256: text('screenshot_sha256'),
    capturedAt: ts('captured_at'),
    /** Set when the same image is stored for another slot of the contract. */
    duplicate: boolean('duplicate').notNull().default(false),
    deletedAt: ts('deleted_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.contractId, t.start] }),
    unique('slots_contractor_start_unique').on(t.contractorId, t.start),
    // The slots that show an image: duplicates are marked, and an image is erased with its last slot.
    index('slots_screenshot_idx').on(t.contractId, t.screenshotSha256),
    // slots_week_idx, the week read's covering index (contract, start) INCLUDE (…) WHERE not
    // deleted, is made by migration 0004: Drizzle cannot declare INCLUDE.
    foreignKey({
      columns: [t.contractId, t.screenshotSha256],
      foreignColumns: [screenshots.contractId, screenshots.sha256],
      name: 'slots_screenshot_fk',
    }),
    check('slots_kind_check', sql`${t.kind} in ('tracked', 'manual')`),
    check('slots_aligned_check', sql`extract(epoch from ${t.start})::bigint % 600 = 0`),
    check('slots_active_check', sql`${t.activeMinutes} between 0 and 10`),
    check(
      'slots_capture_check',
      sql`${t.capturedAt} is null or (${t.capturedAt} >= ${t.start} and ${t.capturedAt} < ${t.start} + interval '10 minutes')`,
    ),
  ],
);

/**
 * Changes of a contract's terms. The contract row holds the terms it started with; a week
 * uses the latest change whose `effective_from` (a Monday 00:00 UTC) is at or before its start.
 */
export const contractTerms = pgTable(
  'contract_terms',
  {
    contractId: uuid('contract_id')
      .notNull()
      .references(() => contracts.id),
    effectiveFrom: ts('effective_from').notNull(),
    hourlyRate: integer('hourly_rate').notNull(),
    weeklyLimitHours: integer('weekly_limit_hours'),
    manualTimeAllowed: boolean('manual_time_allowed').notNull(),
    changedBy: uuid('changed_by').references(() => users.id),
    changedAt: ts('changed_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.contractId, t.effectiveFrom] }),
    check('contract_terms_rate_check', sql`${t.hourlyRate} >= 0`),
    check('contract_terms_limit_check', sql`${t.weeklyLimitHours} is null or ${t.weeklyLimitHours} between 0 and 168`),
    check('contract_terms_monday_check', sql`extract(isodow from ${t.effectiveFrom} at time zone 'UTC') = 1`),
  ],
);

/** One approval per contract week, by a client or automatically; it keeps the terms and totals it was made with. */
export const weekApprovals = pgTable(
  'week_approvals',
  {
    contractId: uuid('contract_id')
      .notNull()
      .references(() => contracts.id),
    weekStart: ts('week_start').notNull(),
    kind: text('kind', { enum: ['manual', 'auto'] }).notNull(),
    approvedAt: ts('approved_at').notNull(),
    approvedBy: uuid('approved_by').references(() => users.id),
    hourlyRate: integer('hourly_rate').notNull(),
    weeklyLimitHours: integer('weekly_limit_hours'),
    manualTimeAllowed: boolean('manual_time_allowed').notNull(),
    currency: text('currency').notNull(),
    /** StateMinutes of the week when it was approved. */
    minutes: jsonb('minutes').notNull(),
    /** { billable, held, refunded } in minor units when it was approved. */
    amounts: jsonb('amounts').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.contractId, t.weekStart] }),
    check('week_approvals_kind_check', sql`${t.kind} in ('manual', 'auto')`),
    check('week_approvals_by_check', sql`(${t.kind} = 'manual') = (${t.approvedBy} is not null)`),
  ],
);

export const disputes = pgTable(
  'disputes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    contractId: uuid('contract_id')
      .notNull()
      .references(() => contracts.id),
    weekStart: ts('week_start').notNull(),
    status: text('status', { enum: ['open', 'escalated', 'settled', 'withdrawn'] }).notNull(),
    reason: text('reason').notNull(),
    comment: text('comment').notNull().default(''),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull(),
    answerDue: ts('answer_due').notNull(),
    escalatedAt: ts('escalated_at'),
    closedAt: ts('closed_at'),
  },
  (t) => [
    index('disputes_contract_week_idx').on(t.contractId, t.weekStart),
    index('disputes_status_due_idx').on(t.status, t.answerDue),
    check('disputes_status_check', sql`${t.status} in ('open', 'escalated', 'settled', 'withdrawn')`),
  ],
);

/** A disputed slot. The key is the slot's: a slot is in one dispute, ever. */
export const disputeSlots = pgTable(
  'dispute_slots',
  {
    contractId: uuid('contract_id').notNull(),
    slotStart: ts('slot_start').notNull(),
    disputeId: uuid('dispute_id')
      .notNull()
      .references(() => disputes.id),
    status: text('status', {
      enum: ['open', 'accepted', 'contested', 'resolved_client', 'resolved_contractor', 'withdrawn'],
    }).notNull(),
    reply: text('reply'),
    answeredAt: ts('answered_at'),
    resolvedBy: uuid('resolved_by').references(() => users.id),
    resolvedAt: ts('resolved_at'),
    resolutionNote: text('resolution_note'),
  },
  (t) => [
    primaryKey({ columns: [t.contractId, t.slotStart] }),
    foreignKey({ columns: [t.contractId, t.slotStart], foreignColumns: [slots.contractId, slots.start], name: 'dispute_slots_slot_fk' }),
    index('dispute_slots_dispute_idx').on(t.disputeId),
    check(
      'dispute_slots_status_check',
      sql`${t.status} in ('open', 'accepted', 'contested', 'resolved_client', 'resolved_contractor', 'withdrawn')`,
    ),
  ],
);

export const disputeComments = pgTable(
  'dispute_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    disputeId: uuid('dispute_id')
      .notNull()
      .references(() => disputes.id),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    body: text('body').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('dispute_comments_dispute_idx').on(t.disputeId, t.createdAt)],
);

/**
 * The audit trail: every change, who made it (null: the system), before and after. A trigger
 * refuses UPDATE and DELETE, so rows are only ever appended.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: ts('at').notNull(),
    actorId: uuid('actor_id').references(() => users.id),
    action: text('action').notNull(),
    contractId: uuid('contract_id').references(() => contracts.id),
    weekStart: ts('week_start'),
    disputeId: uuid('dispute_id').references(() => disputes.id),
    /** What the action was about, e.g. a slot's start instant. */
    subject: text('subject'),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (t) => [
    index('audit_log_dispute_idx').on(t.disputeId),
    index('audit_log_contract_week_idx').on(t.contractId, t.weekStart),
  ],
);

/** Facts the installation keeps about itself, e.g. how far the demo has been seeded. */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});
