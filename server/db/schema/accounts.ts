// Who uses the product: companies, people, their sessions and sign-in failures, tracker tokens,
// and the settings.
import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id, ref, ts } from './columns.ts';

export const companies = pgTable(
  'companies',
  {
    id: id(),
    name: text('name').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    /** Set by an admin: its clients cannot sign in, and nobody can be invited into it. */
    deactivatedAt: ts('deactivated_at'),
  },
  // Names are unique whatever their case: "Acme" and "acme" would be one company to a reader.
  (t) => [uniqueIndex('companies_name_unique').on(sql`lower(${t.name})`)],
);

export const users = pgTable(
  'users',
  {
    id: id(),
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
    /** Base32 TOTP secret (RFC 6238); set while enabling, on once totpEnabledAt is set. */
    totpSecret: text('totp_secret'),
    totpEnabledAt: ts('totp_enabled_at'),
    /** The last time step a code was accepted for: a code is never taken twice. */
    totpLastCounter: integer('totp_last_counter'),
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
    /** What the settings page names a session by: never the token. */
    id: uuid('id').notNull().unique().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: ts('created_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
    userAgent: text('user_agent'),
    /** Sign-in, or the session's last write (a GET never writes), at most every few minutes. */
    lastSeenAt: ts('last_seen_at'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** A right password of a user with TOTP: the code step's short-lived token, hashed. */
export const pendingLogins = pgTable(
  'pending_logins',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: ref('user_id', () => users.id),
    expiresAt: ts('expires_at').notNull(),
  },
  (t) => [index('pending_logins_user_idx').on(t.userId)],
);

/** Ten single-use codes for when the authenticator is lost: sha256 only, used ones are kept. */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    codeHash: text('code_hash').primaryKey(),
    userId: ref('user_id', () => users.id),
    usedAt: ts('used_at'),
  },
  (t) => [index('recovery_codes_user_idx').on(t.userId)],
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
    id: id(),
    userId: ref('user_id', () => users.id),
    deviceName: text('device_name').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: ts('created_at').notNull(),
    lastUsedAt: ts('last_used_at'),
    revokedAt: ts('revoked_at'),
    /** The device's Ed25519 public key (base64 SPKI DER), registered once per token; it signs each slot. */
    publicKey: text('public_key'),
  },
  (t) => [index('tracker_tokens_user_idx').on(t.userId, t.createdAt)],
);


export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});
