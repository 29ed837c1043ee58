// A dispute as its viewer reads it: the summary, the slots with their states, the thread, the
// audit trail and what the viewer may do now. A read writes nothing: a dispute past its answer
// deadline reads as escalated before the sweep records it.
import { SLOT_MS } from '#contract/common.ts';
import type { Dispute, DisputeActions, DisputeList, DisputeSlotStatus, DisputeStatus, DisputeSummary } from '#contract/disputes.ts';
import type { SlotState } from '#contract/week.ts';
import type { Database, Queryable } from '../db/client.ts';
import { findDisputeAudit } from '../data/audit.ts';
import { findContractsById } from '../data/contracts.ts';
import { findDisputeComments, findDisputeSlots } from '../data/dispute-slots.ts';
import { findVisibleDispute, listVisibleDisputes, type DisputeRow } from '../data/disputes.ts';
import type { User } from '../data/users.ts';
import { applyDisputeEvent, disputeAt, disputeEffect, type DisputeEvent, type DisputeState } from '../domain/disputes.ts';
import { slotsAmount } from '../domain/money.ts';
import { parseWeekKey, weekKey } from '../domain/week.ts';
import { notFound } from '../lib/problem.ts';
import { loadWeekState } from './week-state.ts';

export type Party = 'client' | 'contractor' | 'admin';

/** Who the viewer is to this dispute (visibility has been checked: a client is of the company). */
export function partyOf(user: User, row: Pick<DisputeRow, 'company' | 'contractor'>): Party | null {
  if (user.role === 'admin') return 'admin';
  if (user.role === 'client' && user.companyId === row.company.id) return 'client';
  if (user.role === 'contractor' && user.id === row.contractor.id) return 'contractor';
  return null;
}

export const disputeNotFound = () => notFound('The dispute');

export function stateOf(row: { status: DisputeStatus; answerDue: Date }, slots: { start: Date; status: DisputeSlotStatus }[]): DisputeState {
  return { status: row.status, answerDue: row.answerDue, slots: slots.map((s) => ({ start: s.start.toISOString(), status: s.status })) };
}

const pendingOf = (row: Pick<DisputeRow, 'status' | 'openCount' | 'undecidedCount'>) =>
  row.status === 'open' ? row.openCount : row.status === 'escalated' ? row.undecidedCount : 0;

function summaryOf(row: DisputeRow, hourlyRate: number): DisputeSummary {
  return {
    id: row.id,
    contract: { id: row.contractId, title: row.contractTitle },
    company: row.company,
    contractor: row.contractor,
    weekStart: weekKey(row.weekStart),
    status: row.status,
    reason: row.reason,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy,
    answerDue: row.answerDue.toISOString(),
    slotCount: row.slotCount,
    pendingCount: pendingOf(row),
    currency: row.currency,
    heldAmount: slotsAmount(row.undecidedCount, hourlyRate),
  };
}

/** What the viewer may do to the dispute now, with the domain's reason when it is nothing. */
function actionsFor(party: Party, state: DisputeState, now: Date): DisputeActions {
  const firstOpen = state.slots.find((s) => s.status === 'open') ?? state.slots[0];
  const firstUndecided = state.slots.find((s) => s.status === 'open' || s.status === 'contested') ?? state.slots[0];
  const event: DisputeEvent =
    party === 'contractor'
      ? { type: 'answer', start: firstOpen?.start ?? '', answer: 'accept' }
      : party === 'admin'
        ? { type: 'resolve', start: firstUndecided?.start ?? '', for: 'client' }
        : { type: 'withdraw' };
  const t = applyDisputeEvent(state, event, now);
  return {
    answer: party === 'contractor' && t.ok,
    withdraw: party === 'client' && t.ok,
    resolve: party === 'admin' && t.ok,
    comment: true,
    originals: false,
    reason: t.ok ? null : t.reason,
  };
}

/** The dispute as the viewer sees it. `row` must be visible to `user`. */
async function disputePayload(q: Queryable, user: User, row: DisputeRow, now: Date): Promise<Dispute> {
  const [contract] = await findContractsById(q, [row.contractId]);
  const [ws, slots, thread, audit] = await Promise.all([
    loadWeekState(q, contract!, row.weekStart, now),
    findDisputeSlots(q, row.id),
    findDisputeComments(q, row.id),
    findDisputeAudit(q, row.id),
  ]);
  const stateByOffset = new Map<number, SlotState>(ws.rows.map((r, i) => [r.o, ws.states[i]!]));
  let held = 0;
  let refunded = 0;
  for (const s of slots) {
    const effect = disputeEffect(s.status);
    if (effect === 'held') held++;
    else if (effect === 'refunded') refunded++;
  }
  const rate = ws.terms.hourlyRate;
  const party = partyOf(user, row);
  if (!party) throw disputeNotFound();
  return {
    ...summaryOf(row, rate),
    heldAmount: slotsAmount(held, rate),
    comment: row.comment,
    escalatedAt: row.escalatedAt?.toISOString() ?? null,
    closedAt: row.closedAt?.toISOString() ?? null,
    hourlyRate: rate,
    refundedAmount: slotsAmount(refunded, rate),
    slots: slots.map((s) => ({
      start: s.start.toISOString(),
      state: s.deleted
        ? 'deleted'
        : (stateByOffset.get((s.start.getTime() - row.weekStart.getTime()) / SLOT_MS) ?? 'deleted'),
      status: s.status,
      kind: s.kind,
      activeMinutes: s.activeMinutes,
      memo: s.memo,
      windowTitle: s.windowTitle,
      hasScreenshot: s.hasScreenshot,
      duplicate: s.duplicate,
      reply: s.reply,
      answeredAt: s.answeredAt?.toISOString() ?? null,
      resolvedAt: s.resolvedAt?.toISOString() ?? null,
      resolvedBy: s.resolvedBy,
      resolutionNote: s.resolutionNote,
    })),
    thread: thread.map((c) => ({ id: c.id, author: c.author, body: c.body, createdAt: c.createdAt.toISOString() })),
    audit,
    actions: { ...actionsFor(party, stateOf(row, slots), now), originals: party === 'admin' && contract!.privacy.blurAll && row.status === 'escalated' },
  };
}

/** One dispute as it stands at `now` (past its answer deadline it reads as escalated). 404 when the user may not see it. */
export async function getDispute(database: Database, user: User, disputeId: string, now: Date): Promise<Dispute> {
  const row = await findVisibleDispute(database, user, disputeId);
  if (!row) throw disputeNotFound();
  return disputePayload(database, user, disputeAt(row, now), now);
}

/** The disputes the user may see, each as it stands at `now`. */
export async function listDisputes(
  database: Database,
  user: User,
  query: { contractId?: string; week?: string; status?: DisputeStatus[] },
  now: Date,
): Promise<DisputeList> {
  // An open dispute may read as escalated: asked for escalated ones, the open ones are read too.
  const asked = query.status;
  const stored = asked?.includes('escalated') && !asked.includes('open') ? [...asked, 'open' as const] : asked;
  const rows = await listVisibleDisputes(database, user, {
    contractId: query.contractId,
    weekStart: query.week ? parseWeekKey(query.week) : undefined,
    statuses: stored,
    // An admin works the queue oldest first; the parties see their latest first.
    order: user.role === 'admin' ? 'oldest' : 'newest',
  });
  const seen = rows.map((r) => disputeAt(r, now)).filter((r) => !asked || asked.length === 0 || asked.includes(r.status));
  return { disputes: seen.map((r) => summaryOf(r, r.hourlyRate)) };
}
