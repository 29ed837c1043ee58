// Disputes: a client flags billable slots of one contract week; the contractor accepts or
// contests each; an admin resolves what stays contested; the client may withdraw while it is
// unsettled; anyone who may see it comments. Every change runs under the week's lock (the
// slots' states and the week's approval depend on it), checks the transition with the
// domain's state machine, and lands in the audit trail. Reading one is dispute-view.ts.
import { chainReceipts } from './chain-service.ts';
import { sealSettledWeek } from './timesheet-service.ts';
import { SLOT_MS } from '#contract/common.ts';
import type { z } from 'zod';
import type { AnswerSlot, CreateDispute, Dispute, DisputeSlotStatus, ResolveSlot } from '#contract/disputes.ts';
import type { Database, Queryable } from '../db/client.ts';
import { appendAudit } from '../data/audit.ts';
import {
  findDisputedSlots,
  findDisputeSlotStatuses,
  findSlotPresence,
  insertComment,
  setSlotAnswer,
  setSlotResolution,
  withdrawUndecidedSlots,
} from '../data/dispute-slots.ts';
import { findVisibleDispute, insertDispute, lockDispute, setDisputeStatus, type DisputeRow } from '../data/disputes.ts';
import type { User } from '../data/users.ts';
import { lockWeek } from '../data/weeks.ts';
import { ANSWER_WINDOW_MS, applyDisputeEvent, disputableState, type DisputeEvent, type DisputeState } from '../domain/disputes.ts';
import { weekActions } from '../domain/lifecycle.ts';
import { formatUtc, weekStartOf } from '../domain/week.ts';
import { HttpProblem, notFound, type FieldError } from '../lib/problem.ts';
import { requireVisibleContract } from './contract-service.ts';
import { escalateOverdueDisputes } from './dispute-sweep.ts';
import { disputeNotFound, getDispute, partyOf, stateOf, type Party } from './dispute-view.ts';
import { disputeAnswered, disputeResolved, slotsDisputed } from '../notify/events.ts';
import { loadWeekState } from './week-state.ts';

const ONLY = {
  answer: 'Only the contractor of this contract answers a dispute. You may comment on it; a client may withdraw it, and an admin resolves it once it is escalated.',
  resolve: 'Only an admin resolves the slots of an escalated dispute. You may comment on it.',
  withdraw: 'Only a client of the contract’s company may withdraw this dispute. You may comment on it.',
};

// ---------------------------------------------------------------------------------------------
// Opening a dispute

const isUniqueViolation = (err: unknown) => (err as { code?: string } | null)?.code === '23505';

/** A client of the contract's company disputes billable slots of one week of it. */
export async function createDispute(database: Database, user: User, body: z.output<typeof CreateDispute>, now: Date): Promise<Dispute> {
  const first = body.slots[0];
  if (!first) throw new HttpProblem(400, 'Name at least one slot to dispute.', [{ field: 'body.slots', message: 'must name at least one slot to dispute' }]);
  const contract = await requireVisibleContract(database, user, first.contractId);
  if (user.role !== 'client' || user.companyId !== contract.company.id) {
    throw new HttpProblem(
      403,
      user.role === 'contractor'
        ? 'Only a client of the contract’s company may dispute its slots. As the contractor, you answer the disputes on your slots instead.'
        : 'Only a client of the contract’s company may dispute its slots. An admin resolves disputes once they are escalated.',
    );
  }
  const starts = body.slots.map((s) => new Date(s.start));
  const weekStart = weekStartOf(starts[0]!);
  const comment = (body.comment ?? '').trim();

  let disputeId: string;
  try {
    disputeId = await database.transaction(async (tx) => {
      await lockWeek(tx, contract.id, weekStart);
      const ws = await loadWeekState(tx, contract, weekStart, now);
      const may = weekActions(weekStart, now, ws.approval).dispute;
      if (!may.ok) throw new HttpProblem(409, may.reason);

      // Every slot must be one of the contract's, and not deleted.
      const byOffset = new Map(ws.rows.map((r, i) => [r.o, i]));
      const index = starts.map((s) => byOffset.get((s.getTime() - weekStart.getTime()) / SLOT_MS));
      const missing = starts.filter((_, i) => index[i] === undefined);
      if (missing.length > 0) {
        const present = await findSlotPresence(tx, contract.id, missing);
        const errors: FieldError[] = [];
        starts.forEach((s, i) => {
          if (index[i] !== undefined) return;
          errors.push({
            field: `body.slots.${i}.start`,
            message: present.get(s.getTime())?.deleted
              ? `the slot starting ${s.toISOString()} was deleted by the contractor; it is not billed`
              : `no slot of this contract starts at ${s.toISOString()}`,
          });
        });
        throw new HttpProblem(
          400,
          `${errors.length === 1 ? 'A slot' : `${errors.length} slots`} of the dispute ${errors.length === 1 ? 'is' : 'are'} not in the contract’s diary: ${errors[0]!.message}.`,
          errors,
        );
      }

      // Every slot must be billable now, and never disputed before.
      const earlier = await findDisputedSlots(tx, contract.id, starts);
      const refusals: FieldError[] = [];
      starts.forEach((s, i) => {
        const state = ws.states[index[i]!]!;
        const before = earlier.get(s.getTime());
        const allowed = disputableState(state);
        let reason: string | null = allowed.ok ? null : allowed.reason;
        if (!reason && before) {
          reason =
            before === 'withdrawn'
              ? 'This slot was in a dispute the client withdrew; a slot can be disputed once.'
              : 'This slot was in a dispute that is settled; a slot can be disputed once.';
        }
        if (reason) refusals.push({ field: `body.slots.${i}.start`, message: `${s.toISOString()}: ${reason}` });
      });
      if (refusals.length > 0) {
        const firstBad = starts[Number(refusals[0]!.field.split('.')[2])]!;
        const firstReason = refusals[0]!.message.slice(refusals[0]!.message.indexOf(': ') + 2);
        throw new HttpProblem(
          409,
          `The slot starting ${formatUtc(firstBad)} cannot be disputed. ${firstReason}` +
            (refusals.length > 1 ? ` ${refusals.length - 1} more of the slots cannot be disputed either; see errors.` : ''),
          refusals,
        );
      }

      const id = await insertDispute(tx, {
        contractId: contract.id,
        weekStart,
        reason: body.reason,
        comment,
        createdBy: user.id,
        createdAt: now,
        answerDue: new Date(now.getTime() + ANSWER_WINDOW_MS),
        slots: starts,
      });
      await chainReceipts(tx, contract.id, [
        { type: 'dispute', contract: contract.id, dispute: id, starts: starts.map((t) => t.toISOString()), reason: body.reason, at: now.toISOString() },
      ]);
      await slotsDisputed(tx, contract, { id, weekStart, slots: starts.length, answerDue: new Date(now.getTime() + ANSWER_WINDOW_MS), comment }, now);
      await appendAudit(tx, {
        at: now,
        actorId: user.id,
        action: 'dispute.opened',
        contractId: contract.id,
        weekStart,
        disputeId: id,
        before: null,
        after: { reason: body.reason, comment, slots: starts.map((s) => s.toISOString()) },
      });
      return id;
    });
  } catch (err) {
    // The week's lock makes this unreachable from the API; a writer that skips it still gets a 409.
    if (isUniqueViolation(err)) {
      throw new HttpProblem(409, 'One of these slots is in another dispute already; a slot can be disputed once.');
    }
    throw err;
  }
  return getDispute(database, user, disputeId, now);
}

// ---------------------------------------------------------------------------------------------
// Changing a dispute

interface Locked {
  tx: Queryable;
  row: DisputeRow;
  state: DisputeState;
  slots: { start: Date; status: DisputeSlotStatus }[];
}

/**
 * Applies the deadline, checks the viewer's party, then runs `fn` in one transaction holding
 * the week's lock and the dispute's row, with the dispute's state as it stands now.
 */
async function changeDispute(
  database: Database,
  user: User,
  disputeId: string,
  now: Date,
  allowed: Party[],
  refusal: string,
  fn: (locked: Locked) => Promise<void>,
): Promise<Dispute> {
  // A change is judged on the dispute as recorded: its deadline is recorded first, for good.
  await escalateOverdueDisputes(database, now, disputeId);
  const row = await findVisibleDispute(database, user, disputeId);
  if (!row) throw disputeNotFound();
  const party = partyOf(user, row);
  if (!party) throw disputeNotFound();
  if (!allowed.includes(party)) throw new HttpProblem(403, refusal);
  await database.transaction(async (tx) => {
    await lockWeek(tx, row.contractId, row.weekStart);
    const d = await lockDispute(tx, disputeId);
    if (!d) throw disputeNotFound();
    const slots = await findDisputeSlotStatuses(tx, disputeId);
    await fn({ tx, row, state: stateOf(d, slots), slots });
  });
  return getDispute(database, user, disputeId, now);
}

function slotIn(slots: { start: Date }[], start: string): Date {
  const t = Date.parse(start);
  const s = slots.find((x) => x.start.getTime() === t);
  if (!s) throw notFound(`A slot starting ${new Date(t).toISOString()} in this dispute`);
  return s.start;
}

function apply(state: DisputeState, event: DisputeEvent, now: Date): DisputeState {
  const t = applyDisputeEvent(state, event, now);
  if (!t.ok) throw new HttpProblem(409, t.reason);
  return t.state;
}

const audit = (row: DisputeRow, now: Date, actorId: string) => (action: string, rest: { subject?: string; before?: unknown; after?: unknown }) => ({
  at: now,
  actorId,
  action,
  contractId: row.contractId,
  weekStart: row.weekStart,
  disputeId: row.id,
  ...rest,
});

/** The contractor accepts (refunded) or contests (for an admin) one open slot. */
export function answerSlot(database: Database, user: User, disputeId: string, start: string, body: z.output<typeof AnswerSlot>, now: Date) {
  return changeDispute(database, user, disputeId, now, ['contractor'], ONLY.answer, async ({ tx, row, state, slots }) => {
    const at = slotIn(slots, start);
    const next = apply(state, { type: 'answer', start: at.toISOString(), answer: body.answer }, now);
    const status = body.answer === 'accept' ? 'accepted' : 'contested';
    const reply = (body.reply ?? '').trim();
    await setSlotAnswer(tx, disputeId, at, { status, reply, answeredAt: now });
    const rec = audit(row, now, user.id);
    const records = [
      rec(`dispute.slot_${status}`, { subject: at.toISOString(), before: { status: 'open' }, after: { status, reply } }),
    ];
    if (next.status !== state.status) {
      const statuses = slots.map((s) => (s.start.getTime() === at.getTime() ? status : s.status));
      await disputeAnswered(tx, row, statuses, reply, next.status === 'escalated', now);
      if (next.status === 'settled') {
        await setDisputeStatus(tx, disputeId, { status: 'settled', closedAt: now });
        records.push(rec('dispute.settled', { before: { status: state.status }, after: { status: 'settled', reason: 'every slot accepted' } }));
      } else {
        await setDisputeStatus(tx, disputeId, { status: 'escalated', escalatedAt: now });
        records.push(
          rec('dispute.escalated', { before: { status: state.status }, after: { status: 'escalated', reason: 'contested slots go to an admin' } }),
        );
      }
    }
    await appendAudit(tx, records);
    // Only a settled dispute can make the week final; the week is not read for anything else.
    if (next.status === 'settled') await sealSettledWeek(tx, row.contractId, row.weekStart, now);
  });
}

/** An admin decides one open or contested slot of an escalated dispute. */
export function resolveSlot(database: Database, user: User, disputeId: string, start: string, body: z.output<typeof ResolveSlot>, now: Date) {
  return changeDispute(database, user, disputeId, now, ['admin'], ONLY.resolve, async ({ tx, row, state, slots }) => {
    const at = slotIn(slots, start);
    const before = slots.find((s) => s.start.getTime() === at.getTime())!.status;
    const next = apply(state, { type: 'resolve', start: at.toISOString(), for: body.for }, now);
    const status = body.for === 'client' ? 'resolved_client' : 'resolved_contractor';
    const note = (body.note ?? '').trim();
    await setSlotResolution(tx, disputeId, at, { status, note, resolvedBy: user.id, resolvedAt: now });
    await chainReceipts(tx, row.contractId, [{ type: 'resolution', contract: row.contractId, dispute: disputeId, start: at.toISOString(), status, at: now.toISOString() }]);
    const rec = audit(row, now, user.id);
    const records = [rec('dispute.slot_resolved', { subject: at.toISOString(), before: { status: before }, after: { status, for: body.for, note } })];
    if (next.status === 'settled') {
      await setDisputeStatus(tx, disputeId, { status: 'settled', closedAt: now });
      records.push(rec('dispute.settled', { before: { status: state.status }, after: { status: 'settled', reason: 'every slot resolved' } }));
      await disputeResolved(tx, row, { statuses: slots.map((s) => (s.start.getTime() === at.getTime() ? status : s.status)) }, now);
    }
    await appendAudit(tx, records);
    // Only a settled dispute can make the week final; the week is not read for anything else.
    if (next.status === 'settled') await sealSettledWeek(tx, row.contractId, row.weekStart, now);
  });
}

/** The client withdraws an open or escalated dispute: its undecided slots become billable again. */
export function withdrawDispute(database: Database, user: User, disputeId: string, now: Date) {
  return changeDispute(database, user, disputeId, now, ['client'], ONLY.withdraw, async ({ tx, row, state }) => {
    apply(state, { type: 'withdraw' }, now);
    const released = await withdrawUndecidedSlots(tx, disputeId);
    await setDisputeStatus(tx, disputeId, { status: 'withdrawn', closedAt: now });
    await disputeResolved(tx, row, 'withdrawn', now);
    await appendAudit(
      tx,
      audit(row, now, user.id)('dispute.withdrawn', {
        before: { status: state.status },
        after: { status: 'withdrawn', releasedSlots: released.map((s) => s.toISOString()) },
      }),
    );
    await sealSettledWeek(tx, row.contractId, row.weekStart, now);
  });
}

/** Any party who may see the dispute adds to its thread, whatever its status. */
export function commentOnDispute(database: Database, user: User, disputeId: string, body: string, now: Date) {
  return changeDispute(database, user, disputeId, now, ['client', 'contractor', 'admin'], '', async ({ tx, row }) => {
    const text = body.trim();
    const id = await insertComment(tx, { disputeId, authorId: user.id, body: text, createdAt: now });
    await appendAudit(tx, audit(row, now, user.id)('dispute.commented', { subject: id, before: null, after: { body: text } }));
  });
}
