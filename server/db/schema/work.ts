// The work: contracts, their terms, the slots and their screenshots, and the approved weeks.
import { sql } from 'drizzle-orm';
import { boolean, check, foreignKey, index, integer, jsonb, pgTable, primaryKey, smallint, text, unique, uuid } from 'drizzle-orm/pg-core';
import { id, ref, ts } from './columns.ts';
import { companies, users } from './accounts.ts';

export const contracts = pgTable(
  'contracts',
  {
    id: id(),
    companyId: ref('company_id', () => companies.id),
    contractorId: ref('contractor_id', () => users.id),
    title: text('title').notNull(),
    /** Integer minor units per hour. */
    hourlyRate: integer('hourly_rate').notNull(),
    currency: text('currency').notNull(),
    weeklyLimitHours: integer('weekly_limit_hours'),
    manualTimeAllowed: boolean('manual_time_allowed').notNull().default(false),
    timeZone: text('time_zone').notNull().default('UTC'),
    /** `pending` until the contractor accepts the invitation to it. */
    status: text('status', { enum: ['pending', 'active', 'paused', 'ended'] }).notNull().default('active'),
    /** Whether a slot whose screenshot the contractor redacted stays billable (up to `redactionsPerWeek` a week). */
    redactedBillable: boolean('redacted_billable').notNull().default(true),
    redactionsPerWeek: smallint('redactions_per_week').notNull().default(3),
    /** Agreed when the contract is made: the client sees every screenshot blurred; originals are kept encrypted. */
    blurAll: boolean('blur_all').notNull().default(false),
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
    contractId: ref('contract_id', () => contracts.id),
    sha256: text('sha256').notNull(),
    mime: text('mime').notNull(),
    bytes: integer('bytes').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    /** Blob key of the WebP thumbnail (about 320 px wide). */
    thumbSha256: text('thumb_sha256').notNull(),
    thumbBytes: integer('thumb_bytes').notNull(),
    /** Blob key of the evidence PDF's contact-sheet JPEG (200 px wide); null for rows made before it. */
    sheetSha256: text('sheet_sha256'),
    /** When retention deleted the bytes; the hash, and the receipts, stay. */
    purgedAt: ts('purged_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.contractId, t.sha256] })],
);

export const slots = pgTable(
  'slots',
  {
    contractId: ref('contract_id', () => contracts.id),
    contractorId: ref('contractor_id', () => users.id),
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
    /** base64 Ed25519 signature by the tracker's device key over the slot's receipt fields; null: unsigned. */
    deviceSignature: text('device_signature'),
    /** When the contractor redacted the screenshot: `screenshotSha256` is then the blurred copy. */
    redactedAt: ts('redacted_at'),
    /**
     * On a blur-all contract, the uploaded original's sha256 (its receipt's), kept encrypted in
     * encrypted_originals while `screenshotSha256` is the blurred copy; null once redacted or deleted.
     */
    originalSha256: text('original_sha256'),
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
 * The originals of a blur-all contract's screenshots, encrypted (lib/originals-vault.ts): the
 * client sees only the blurred copy; an admin may see the original while a dispute on its slot
 * is escalated. One per (contract, original sha256); erased with its last slot, by a redaction
 * or by retention.
 */
export const encryptedOriginals = pgTable(
  'encrypted_originals',
  {
    contractId: ref('contract_id', () => contracts.id),
    /** The original's sha256, as its slot receipt names it. */
    sha256: text('sha256').notNull(),
    /** Blob key (sha256) of the encrypted bytes. */
    blobSha256: text('blob_sha256').notNull(),
    mime: text('mime').notNull(),
    bytes: integer('bytes').notNull(),
    /** Which installation key encrypted it: the first 16 hex digits of sha256 of the seal key's public half. */
    keyId: text('key_id').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.contractId, t.sha256] })],
);

/**
 * Changes of a contract's terms. The contract row holds the terms it started with; a week
 * uses the latest change whose `effective_from` (a Monday 00:00 UTC) is at or before its start.
 */
export const contractTerms = pgTable(
  'contract_terms',
  {
    contractId: ref('contract_id', () => contracts.id),
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
    contractId: ref('contract_id', () => contracts.id),
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
