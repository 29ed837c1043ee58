// The audit log: who did what to which contract or dispute, kept for good.
import { bigint, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns.ts';
import { users } from './accounts.ts';
import { contracts } from './work.ts';
import { disputes } from './disputes.ts';

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
