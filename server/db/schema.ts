// The one schema, for embedded PGlite and for PostgreSQL alike.
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  foreignKey,
  index,
  integer,
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

/** Facts the installation keeps about itself, e.g. how far the demo has been seeded. */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});
