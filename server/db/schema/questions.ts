// Questions on slots: a client asks about a slot without disputing it, and the contractor
// answers in a short thread. A question never holds money and never changes a slot's state.
import { sql } from 'drizzle-orm';
import { check, foreignKey, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id, ref, ts } from './columns.ts';
import { users } from './accounts.ts';
import { contracts, slots } from './work.ts';

export const slotQuestions = pgTable(
  'slot_questions',
  {
    id: id(),
    contractId: ref('contract_id', () => contracts.id),
    slotStart: ts('slot_start').notNull(),
    /** open: waiting on the contractor; answered: the contractor wrote last; closed: by the client. */
    status: text('status', { enum: ['open', 'answered', 'closed'] }).notNull(),
    askedBy: ref('asked_by', () => users.id),
    askedAt: ts('asked_at').notNull(),
    /** The contractor's latest reply. */
    answeredAt: ts('answered_at'),
    closedBy: uuid('closed_by').references(() => users.id),
    closedAt: ts('closed_at'),
  },
  (t) => [
    foreignKey({ columns: [t.contractId, t.slotStart], foreignColumns: [slots.contractId, slots.start], name: 'slot_questions_slot_fk' }),
    index('slot_questions_slot_idx').on(t.contractId, t.slotStart),
    index('slot_questions_contract_status_idx').on(t.contractId, t.status, t.askedAt),
    // One question at a time per slot: a second one would split the same conversation.
    uniqueIndex('slot_questions_one_unclosed_idx')
      .on(t.contractId, t.slotStart)
      .where(sql`${t.status} <> 'closed'`),
    check('slot_questions_status_check', sql`${t.status} in ('open', 'answered', 'closed')`),
  ],
);

export const slotQuestionMessages = pgTable(
  'slot_question_messages',
  {
    // In the order written: a question and its answer may carry the same instant.
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    questionId: ref('question_id', () => slotQuestions.id),
    authorId: ref('author_id', () => users.id),
    body: text('body').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    index('slot_question_messages_question_idx').on(t.questionId, t.id),
    check('slot_question_messages_body_check', sql`char_length(${t.body}) between 1 and 1000`),
  ],
);
