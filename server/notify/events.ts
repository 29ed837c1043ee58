// The events the services cause, one function per fact, each called inside the transaction of
// the change (so a rollback tells nobody). Each key names the fact, so the same fact is one
// event however often it is noticed. The deadline sweeps' events are in event-sweeps.ts.
import type { DisputeSlotStatus } from '#contract/disputes.ts';
import type { Queryable } from '../db/client.ts';
import { findContractsById, type ContractRow } from '../data/contracts.ts';
import type { DisputeRow } from '../data/disputes.ts';
import { findOverCapWeek } from '../data/notifications.ts';
import type { WeekAmounts } from '../domain/money.ts';
import { weekKey, weekStartOf } from '../domain/week.ts';
import { emit } from './emit.ts';
import { contractFacts, eventPaths, money, weekData, when } from './event-data.ts';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** A person's words, short enough for a bell line. */
export const quote = (s: string, max = 160) => {
  const t = s.trim().replace(/\s+/g, ' ');
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
};

/** The names a dispute's messages carry: from the dispute's row, no extra read. */
const disputeFacts = (row: DisputeRow) => ({
  path: eventPaths.dispute(row.id),
  contract: row.contractTitle,
  contractor: row.contractor.name,
  company: row.company.name,
  ...weekData(row.weekStart),
});

/** A client disputed slots: the contractor hears of it, with the answer deadline. */
export function slotsDisputed(tx: Queryable, contract: ContractRow, d: { id: string; weekStart: Date; slots: number; answerDue: Date; comment: string }, now: Date) {
  return emit(tx, {
    kind: 'slots-disputed',
    key: `slots-disputed:${d.id}`,
    at: now,
    contractId: contract.id,
    data: { path: eventPaths.dispute(d.id), ...contractFacts(contract), ...weekData(d.weekStart), count: d.slots, when: when(d.answerDue), ...(d.comment ? { text: quote(d.comment) } : {}) },
  });
}

/** The contractor's answer left no slot open: the client hears what was accepted and contested. */
export async function disputeAnswered(tx: Queryable, row: DisputeRow, statuses: DisputeSlotStatus[], reply: string, escalated: boolean, now: Date) {
  const accepted = statuses.filter((s) => s === 'accepted').length;
  const contested = statuses.filter((s) => s === 'contested').length;
  const parts = [accepted > 0 ? `${plural(accepted, 'slot')} accepted (refunded)` : '', contested > 0 ? `${plural(contested, 'slot')} contested` : ''].filter(Boolean);
  await emit(tx, {
    kind: 'dispute-answered',
    key: `dispute-answered:${row.id}`,
    at: now,
    contractId: row.contractId,
    data: { ...disputeFacts(row), text: `${parts.join(', ')}${reply ? `: “${quote(reply)}”` : ''}` },
  });
  if (escalated) await disputeEscalated(tx, { ...disputeFacts(row), id: row.id, contractId: row.contractId }, now, 'contested slots wait for an admin');
}

/** A dispute went to the admins: the client and every admin hear of it, once. */
export async function disputeEscalated(tx: Queryable, d: ReturnType<typeof disputeFacts> & { id: string; contractId: string }, at: Date, why: string) {
  const { id, contractId, ...data } = d;
  await emit(tx, { kind: 'dispute-escalated', key: `dispute-escalated:${id}`, at, contractId, data: { ...data, when: when(at), text: why } });
  await emit(tx, { kind: 'dispute-escalated-admin', key: `dispute-escalated-admin:${id}`, at, contractId, data: { ...data, text: why } });
}

/** The sweep escalated disputes nobody answered: one read of their contracts, then their events. */
export async function overdueEscalated(tx: Queryable, escalated: { id: string; contractId: string; weekStart: Date; answerDue: Date }[]) {
  if (escalated.length === 0) return;
  const contracts = new Map((await findContractsById(tx, [...new Set(escalated.map((d) => d.contractId))])).map((c) => [c.id, c]));
  for (const d of escalated) {
    const c = contracts.get(d.contractId)!;
    const facts = { path: eventPaths.dispute(d.id), ...contractFacts(c), ...weekData(d.weekStart) };
    await disputeEscalated(tx, { ...facts, id: d.id, contractId: d.contractId }, d.answerDue, 'the contractor did not answer within 3 days');
  }
}

/** An admin's last decision settled the dispute, or the client withdrew it: both sides hear the outcome. */
export async function disputeResolved(tx: Queryable, row: DisputeRow, outcome: { statuses: DisputeSlotStatus[] } | 'withdrawn', now: Date) {
  let text: string;
  if (outcome === 'withdrawn') {
    text = 'the client withdrew it; its slots are billable again';
  } else {
    const refunded = outcome.statuses.filter((s) => s === 'accepted' || s === 'resolved_client').length;
    const paid = outcome.statuses.filter((s) => s === 'resolved_contractor').length;
    text = [refunded > 0 ? `${plural(refunded, 'slot')} refunded to the client` : '', paid > 0 ? `${plural(paid, 'slot')} paid to the contractor` : ''].filter(Boolean).join(', ');
  }
  const data = { ...disputeFacts(row), text };
  await emit(tx, { kind: 'dispute-resolved', key: `dispute-resolved:${row.id}`, at: now, contractId: row.contractId, data });
  if (outcome !== 'withdrawn') await emit(tx, { kind: 'dispute-resolved-client', key: `dispute-resolved-client:${row.id}`, at: now, contractId: row.contractId, data });
}

/** A week's approval was recorded, by a client or automatically: the contractor hears the amount. */
export function weekApproved(
  tx: Queryable,
  contract: ContractRow,
  a: { weekStart: Date; kind: 'manual' | 'auto'; by: string | null; amounts: WeekAmounts; seal: string | null },
  now: Date,
) {
  return emit(tx, {
    kind: 'week-approved',
    key: `week-approved:${contract.id}:${weekKey(a.weekStart)}`,
    at: now,
    contractId: contract.id,
    data: {
      path: eventPaths.timesheet(contract.id, a.weekStart),
      ...contractFacts(contract),
      ...weekData(a.weekStart),
      amount: money(a.amounts.billable, contract.currency),
      text: a.kind === 'auto' ? 'automatically, as the review window closed' : `by ${a.by ?? 'the client'}`,
      ...(a.seal ? { fingerprint: a.seal } : {}),
    },
  });
}

/** A question on a slot was asked (or followed up), or answered: the other side hears of it. */
export function questionEvent(tx: Queryable, contract: ContractRow, q: { id: string; slotStart: Date; body: string; answer: boolean; first: boolean }, now: Date) {
  const kind = q.answer ? 'question-answered' : 'question-asked';
  return emit(tx, {
    kind,
    key: q.first ? `${kind}:${q.id}` : `${kind}:${q.id}:${now.getTime()}`,
    at: now,
    contractId: contract.id,
    data: { path: eventPaths.slot(contract.id, q.slotStart), ...contractFacts(contract), ...weekData(weekStartOf(q.slotStart)), text: quote(q.body) },
  });
}

/**
 * After slots were added to a week (an upload, manual time): when the week's countable slots now
 * pass its cap, the client hears of it once per contract week. One cheap read, none once told.
 */
export async function overCapCheck(tx: Queryable, contract: ContractRow, weekStart: Date, now: Date) {
  const key = `over-cap:${contract.id}:${weekKey(weekStart)}`;
  const over = await findOverCapWeek(tx, contract.id, weekStart, key);
  if (!over) return;
  await emit(tx, {
    kind: 'over-cap',
    key,
    at: now,
    contractId: contract.id,
    data: { path: eventPaths.timesheet(contract.id, weekStart), ...contractFacts(contract), ...weekData(weekStart), text: `cap ${over.capHours} h; the time past it is not billed` },
  });
}
