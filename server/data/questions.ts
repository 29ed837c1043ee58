// Questions on slots and their threads. Visibility is the contract's, checked before these run
// (routes/contract-scope.ts); the thread is read with its question in one statement.
import type { Queryable } from '../db/client.ts';
import type { QuestionMessage, QuestionStatus } from '#contract/questions.ts';

interface QuestionHeadRow {
  id: string;
  contractId: string;
  slotStart: Date;
  status: QuestionStatus;
  askedBy: { id: string; name: string };
  askedAt: Date;
}

export interface QuestionRow extends QuestionHeadRow {
  answeredAt: Date | null;
  closedAt: Date | null;
  messages: QuestionMessage[];
}

/** The head of a question from `slot_questions q` joined to its asker `a`. */
const HEAD = `select q.id, q.contract_id as "contractId", q.slot_start as "slotStart", q.status,
         json_build_object('id', a.id, 'name', a.name) as "askedBy", q.asked_at as "askedAt"`;

const iso = (d: Date | string) => new Date(d).toISOString();
const isoOrNull = (d: Date | string | null) => (d === null ? null : new Date(d));

const toRow = (r: QuestionRow): QuestionRow => ({
  ...r,
  slotStart: new Date(r.slotStart),
  askedAt: new Date(r.askedAt),
  answeredAt: isoOrNull(r.answeredAt),
  closedAt: isoOrNull(r.closedAt),
  // json_agg writes instants in the session's offset; the API speaks UTC.
  messages: r.messages.map((m) => ({ ...m, createdAt: iso(m.createdAt) })),
});

/** A slot's questions with their threads, oldest first. */
export async function findSlotQuestions(q: Queryable, contractId: string, start: Date): Promise<QuestionRow[]> {
  const rows = await q.query<QuestionRow>(
    `${HEAD}, q.answered_at as "answeredAt", q.closed_at as "closedAt",
            coalesce((select json_agg(json_build_object(
                        'id', m.id, 'author', json_build_object('id', u.id, 'name', u.name, 'role', u.role),
                        'body', m.body, 'createdAt', m.created_at) order by m.id)
                        from slot_question_messages m join users u on u.id = m.author_id
                       where m.question_id = q.id), '[]'::json) as messages
       from slot_questions q join users a on a.id = q.asked_by
      where q.contract_id = $1 and q.slot_start = $2
      order by q.asked_at, q.id`,
    [contractId, start],
  );
  return rows.map(toRow);
}

export interface QuestionSummaryRow extends QuestionHeadRow {
  question: string;
  lastMessageAt: Date;
  messageCount: number;
}

/** The contracts' questions in these statuses (all when null), oldest first: the longest waiting leads. */
export async function listContractQuestions(q: Queryable, contractIds: string[], statuses: QuestionStatus[] | null): Promise<QuestionSummaryRow[]> {
  if (contractIds.length === 0) return [];
  const rows = await q.query<QuestionSummaryRow>(
    `${HEAD}, f.body as question, l.created_at as "lastMessageAt", l.n as "messageCount"
       from slot_questions q
       join users a on a.id = q.asked_by
       cross join lateral (select m.body from slot_question_messages m where m.question_id = q.id order by m.id limit 1) f
       cross join lateral (select max(m.created_at) as created_at, count(*)::int as n
                             from slot_question_messages m where m.question_id = q.id) l
      where q.contract_id = any($1::uuid[]) and ($2::text[] is null or q.status = any($2::text[]))
      order by q.asked_at, q.id`,
    [contractIds, statuses],
  );
  return rows.map((r) => ({ ...r, slotStart: new Date(r.slotStart), askedAt: new Date(r.askedAt), lastMessageAt: new Date(r.lastMessageAt) }));
}

/** Locks the slot's question until the transaction ends and reads its status; null when it is not this slot's. */
export async function lockQuestion(tx: Queryable, questionId: string, contractId: string, start: Date): Promise<{ status: QuestionStatus } | null> {
  const rows = await tx.query<{ status: QuestionStatus }>(
    `select status from slot_questions where id = $1 and contract_id = $2 and slot_start = $3 for update`,
    [questionId, contractId, start],
  );
  return rows[0] ?? null;
}

/** A new open question with its first message; a second unclosed one on the slot raises a unique violation. */
export async function insertQuestion(
  tx: Queryable,
  n: { contractId: string; slotStart: Date; askedBy: string; askedAt: Date; body: string },
): Promise<string> {
  const [row] = await tx.query<{ id: string }>(
    `insert into slot_questions (contract_id, slot_start, status, asked_by, asked_at) values ($1, $2, 'open', $3, $4) returning id`,
    [n.contractId, n.slotStart, n.askedBy, n.askedAt],
  );
  await insertQuestionMessage(tx, { questionId: row!.id, authorId: n.askedBy, body: n.body, createdAt: n.askedAt });
  return row!.id;
}

export async function insertQuestionMessage(tx: Queryable, m: { questionId: string; authorId: string; body: string; createdAt: Date }): Promise<void> {
  await tx.query(`insert into slot_question_messages (question_id, author_id, body, created_at) values ($1, $2, $3, $4)`, [
    m.questionId,
    m.authorId,
    m.body,
    m.createdAt,
  ]);
}

/** Moves the question to `status`; the contractor's reply stamps answered_at, a close stamps who and when. */
export async function setQuestionStatus(
  tx: Queryable,
  questionId: string,
  change: { status: QuestionStatus; answeredAt?: Date; closedAt?: Date; closedBy?: string },
): Promise<void> {
  await tx.query(
    `update slot_questions set status = $2, answered_at = coalesce($3, answered_at),
            closed_at = coalesce($4, closed_at), closed_by = coalesce($5, closed_by)
      where id = $1`,
    [questionId, change.status, change.answeredAt ?? null, change.closedAt ?? null, change.closedBy ?? null],
  );
}
