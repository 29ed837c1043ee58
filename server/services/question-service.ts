// Questions on slots: a client of the contract's company asks, the contractor answers, either
// adds to the thread until the client closes it; the admin reads along. A question never takes
// the week's lock: it holds no money and changes no slot's state. Every write is audited.
import type { QuestionDue } from '#contract/overview.ts';
import type { Question, QuestionStatus, QuestionSummary, SlotQuestions } from '#contract/questions.ts';
import type { Database, Queryable } from '../db/client.ts';
import { appendAudit } from '../data/audit.ts';
import type { ContractRow } from '../data/contracts.ts';
import { findSlotPresence } from '../data/dispute-slots.ts';
import {
  findSlotQuestions,
  insertQuestion,
  insertQuestionMessage,
  listContractQuestions,
  lockQuestion,
  setQuestionStatus,
  type QuestionRow,
  type QuestionSummaryRow,
} from '../data/questions.ts';
import type { User } from '../data/users.ts';
import { weekKey, weekStartOf } from '../domain/week.ts';
import { HttpProblem, notFound } from '../lib/problem.ts';
import { partyOf } from './dispute-view.ts';
import { questionEvent } from '../notify/events.ts';

const isUniqueViolation = (err: unknown) => (err as { code?: string } | null)?.code === '23505';
const slotNotFound = (start: Date) => notFound(`The slot starting ${start.toISOString()}`);

function toQuestion(row: QuestionRow, party: ReturnType<typeof partyOf>): Question {
  const live = row.status !== 'closed';
  return {
    id: row.id,
    contractId: row.contractId,
    slotStart: row.slotStart.toISOString(),
    status: row.status,
    askedBy: row.askedBy,
    askedAt: row.askedAt.toISOString(),
    answeredAt: row.answeredAt?.toISOString() ?? null,
    closedAt: row.closedAt?.toISOString() ?? null,
    messages: row.messages,
    actions: { reply: live && (party === 'client' || party === 'contractor'), close: live && party === 'client' },
  };
}

/** The slot's questions as the viewer sees them; a slot that never existed is not found. */
export async function slotQuestions(q: Queryable, user: User, contract: ContractRow, start: Date): Promise<SlotQuestions> {
  const [presence, rows] = await Promise.all([findSlotPresence(q, contract.id, [start]), findSlotQuestions(q, contract.id, start)]);
  const slot = presence.get(start.getTime());
  if (!slot) throw slotNotFound(start);
  const party = partyOf(user, contract);
  return {
    questions: rows.map((r) => toQuestion(r, party)),
    ask: party === 'client' && !slot.deleted && rows.every((r) => r.status === 'closed'),
  };
}

const toSummary = (r: QuestionSummaryRow): QuestionSummary => ({
  ...r,
  slotStart: r.slotStart.toISOString(),
  askedAt: r.askedAt.toISOString(),
  lastMessageAt: r.lastMessageAt.toISOString(),
});

/** The contract's questions in these statuses (all when none are named). */
export async function contractQuestions(q: Queryable, contract: ContractRow, statuses: QuestionStatus[] | undefined) {
  const rows = await listContractQuestions(q, [contract.id], statuses && statuses.length > 0 ? statuses : null);
  return { questions: rows.map(toSummary) };
}

/**
 * The overview's questions waiting on the contractor, across the contracts the viewer sees: the
 * client's unanswered ones, the contractor's to answer. The admin only reads threads.
 */
export async function questionsDue(q: Queryable, user: User, contracts: ContractRow[]): Promise<QuestionDue[]> {
  if (user.role === 'admin') return [];
  const byId = new Map(contracts.map((c) => [c.id, c]));
  const rows = await listContractQuestions(q, [...byId.keys()], ['open']);
  return rows.map((r) => {
    const c = byId.get(r.contractId)!;
    return {
      ...toSummary(r),
      contractTitle: c.title,
      counterpart: user.role === 'client' ? c.contractor.name : c.company.name,
      weekStart: weekKey(weekStartOf(r.slotStart)),
    };
  });
}

const audit = (user: User, contract: ContractRow, start: Date, now: Date) => ({
  at: now,
  actorId: user.id,
  contractId: contract.id,
  weekStart: weekStartOf(start),
  subject: start.toISOString(),
});

/** A client of the contract's company asks about a live slot that has no unclosed question. */
export async function askQuestion(database: Database, user: User, contract: ContractRow, start: Date, body: string, now: Date) {
  if (partyOf(user, contract) !== 'client') {
    throw new HttpProblem(
      403,
      user.role === 'contractor'
        ? 'Only a client of the contract’s company asks questions on its slots. As the contractor, you answer them.'
        : 'Only a client of the contract’s company asks questions on its slots. An admin may read them.',
    );
  }
  try {
    await database.transaction(async (tx) => {
      const slot = (await findSlotPresence(tx, contract.id, [start])).get(start.getTime());
      if (!slot) throw slotNotFound(start);
      if (slot.deleted) throw new HttpProblem(409, `The slot starting ${start.toISOString()} was deleted by the contractor; there is nothing left to ask about.`);
      const questionId = await insertQuestion(tx, { contractId: contract.id, slotStart: start, askedBy: user.id, askedAt: now, body });
      await appendAudit(tx, { ...audit(user, contract, start, now), action: 'question.asked', after: { questionId, status: 'open', body } });
      await questionEvent(tx, contract, { id: questionId, slotStart: start, body, answer: false, first: true }, now);
    });
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    throw new HttpProblem(409, 'This slot already has a question that is not closed. Add to that thread instead, or close it first.');
  }
  return slotQuestions(database, user, contract, start);
}

/** Locks the slot's question; a closed one takes no more messages. */
async function openQuestion(tx: Queryable, questionId: string, contract: ContractRow, start: Date) {
  const row = await lockQuestion(tx, questionId, contract.id, start);
  if (!row) throw notFound('The question');
  if (row.status === 'closed') throw new HttpProblem(409, 'This question is closed; the client closed it. Ask a new question on the slot instead.');
  return row;
}

/**
 * The contractor's reply answers the question; the client's follow-up puts it back to waiting on
 * the contractor. The admin reads along and does not write.
 */
export async function replyToQuestion(database: Database, user: User, contract: ContractRow, start: Date, questionId: string, body: string, now: Date) {
  const party = partyOf(user, contract);
  if (party !== 'client' && party !== 'contractor') {
    throw new HttpProblem(403, 'Only the contractor and the contract’s client write in a question’s thread. An admin may read it.');
  }
  await database.transaction(async (tx) => {
    const before = await openQuestion(tx, questionId, contract, start);
    const status: QuestionStatus = party === 'contractor' ? 'answered' : 'open';
    await insertQuestionMessage(tx, { questionId, authorId: user.id, body, createdAt: now });
    await setQuestionStatus(tx, questionId, { status, answeredAt: party === 'contractor' ? now : undefined });
    await questionEvent(tx, contract, { id: questionId, slotStart: start, body, answer: party === 'contractor', first: false }, now);
    await appendAudit(tx, {
      ...audit(user, contract, start, now),
      action: 'question.replied',
      before: { questionId, status: before.status },
      after: { questionId, status, body },
    });
  });
  return slotQuestions(database, user, contract, start);
}

/** The client closes a question that needs nothing more. */
export async function closeQuestion(database: Database, user: User, contract: ContractRow, start: Date, questionId: string, now: Date) {
  if (partyOf(user, contract) !== 'client') {
    throw new HttpProblem(403, 'Only a client of the contract’s company closes a question; the contractor answers it, and an admin may read it.');
  }
  await database.transaction(async (tx) => {
    const before = await openQuestion(tx, questionId, contract, start);
    await setQuestionStatus(tx, questionId, { status: 'closed', closedAt: now, closedBy: user.id });
    await appendAudit(tx, {
      ...audit(user, contract, start, now),
      action: 'question.closed',
      before: { questionId, status: before.status },
      after: { questionId, status: 'closed' },
    });
  });
  return slotQuestions(database, user, contract, start);
}
