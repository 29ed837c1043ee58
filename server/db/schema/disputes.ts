// Disputes of slots: the dispute, each disputed slot and its answer, and the comment thread.
import { sql } from 'drizzle-orm';
import { check, foreignKey, index, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { id, ref, ts } from './columns.ts';
import { users } from './accounts.ts';
import { contracts, slots } from './work.ts';

export const disputes = pgTable(
  'disputes',
  {
    id: id(),
    contractId: ref('contract_id', () => contracts.id),
    weekStart: ts('week_start').notNull(),
    status: text('status', { enum: ['open', 'escalated', 'settled', 'withdrawn'] }).notNull(),
    reason: text('reason').notNull(),
    comment: text('comment').notNull().default(''),
    createdBy: ref('created_by', () => users.id),
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
    disputeId: ref('dispute_id', () => disputes.id),
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
    id: id(),
    disputeId: ref('dispute_id', () => disputes.id),
    authorId: ref('author_id', () => users.id),
    body: text('body').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('dispute_comments_dispute_idx').on(t.disputeId, t.createdAt)],
);

/**
 * The audit trail: every change, who made it (null: the system), before and after. A trigger
 * refuses UPDATE and DELETE, so rows are only ever appended.
 */
