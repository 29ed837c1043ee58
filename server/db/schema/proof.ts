// The proof: every accepted slot and every later change to it gets a receipt, a canonical
// JSON (RFC 8785) of its facts, chained per contract: hash = sha256(previous hash ‖ receipt).
// Receipts are append-only (a trigger refuses UPDATE, DELETE and TRUNCATE), and chain_heads
// holds each contract's last link, whose row lock keeps the chain in one order.
import { sql } from 'drizzle-orm';
import { check, customType, index, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns.ts';
import { contracts } from './work.ts';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

export const receipts = pgTable(
  'receipts',
  {
    contractId: uuid('contract_id')
      .notNull()
      .references(() => contracts.id),
    /** 1, 2, 3… in the order the server accepted them. */
    seq: integer('seq').notNull(),
    /** What it records: 'slot', 'memo', 'delete', 'dispute', 'resolution'. */
    type: text('type').notNull(),
    /** The slot it is about; null for a receipt about several (a dispute names its slots inside). */
    slotStart: ts('slot_start'),
    /** The receipt itself, exactly as hashed: canonical JSON. */
    body: text('body').notNull(),
    /** sha256(previous hash ‖ body); the first link's previous hash is 32 zero bytes. */
    hash: bytea('hash').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.contractId, t.seq] }),
    check('receipts_seq_check', sql`${t.seq} > 0`),
    // A slot's receipts, and a week's.
    index('receipts_slot_idx').on(t.contractId, t.slotStart),
    // A week's disputes (a dispute's receipt names its slots, all in one week, inside its body):
    // by the first start as ISO text, which sorts as time does.
    index('receipts_dispute_week_idx')
      .on(t.contractId, sql`((${t.body}::jsonb -> 'starts') ->> 0)`)
      .where(sql`${t.type} = 'dispute'`),
  ],
);

export const chainHeads = pgTable('chain_heads', {
  contractId: uuid('contract_id')
    .primaryKey()
    .references(() => contracts.id),
  /** The last receipt's seq; 0 before the first. */
  seq: integer('seq').notNull(),
  hash: bytea('hash').notNull(),
});

/**
 * A sealed week: once its approval is final, a Merkle root over the week's receipts and audit
 * events, with its totals, signed with the installation's Ed25519 key. Never changed after.
 */
export const weekSeals = pgTable(
  'week_seals',
  {
    contractId: uuid('contract_id')
      .notNull()
      .references(() => contracts.id),
    weekStart: ts('week_start').notNull(),
    /** hex sha256 Merkle root */
    root: text('root').notNull(),
    /** The signed statement, canonical JSON: root, totals, contract, week, sealedAt. */
    statement: text('statement').notNull(),
    /** base64 Ed25519 signature of `statement` */
    signature: text('signature').notNull(),
    /** base64 SPKI DER of the key that signed */
    publicKey: text('public_key').notNull(),
    sealedAt: ts('sealed_at').notNull(),
    totals: jsonb('totals').notNull(),
  },
  (t) => [primaryKey({ columns: [t.contractId, t.weekStart] })],
);
