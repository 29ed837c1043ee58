// The timesheet of a contract week and its approval: by a client, or automatically when the
// review window ends (the sweep records it; a read shows it before). The CSV export is in
// timesheet-csv.ts.
import { findContractsById, type ContractRow as Contract } from '../data/contracts.ts';
import type { Approval, Timesheet, WeekActions } from '#contract/timesheet.ts';
import type { SlotState } from '#contract/week.ts';
import type { Database, Queryable } from '../db/client.ts';
import { appendAudit } from '../data/audit.ts';
import type { User } from '../data/users.ts';
import { findWeekDisputes } from '../data/disputes.ts';
import { findWeekSeal } from '../data/seals.ts';
import { findApproval, findUnapprovedWeeks, insertApproval, lockWeek, type ApprovalRow } from '../data/weeks.ts';
import { disputeAt } from '../domain/disputes.ts';
import { isPastReview, weekActions, type Allowed } from '../domain/lifecycle.ts';
import { weekAmounts } from '../domain/money.ts';
import { weekDeadlines, weekKey, weekStartOf } from '../domain/week.ts';
import { HttpProblem } from '../lib/problem.ts';
import { tallyDays, weekHeading } from './week-service.ts';
import { loadWeekState, type WeekState } from './week-state.ts';
import { weekApproved } from '../notify/events.ts';
import { sealFingerprint, sealWeek } from './seal-service.ts';

const count = (states: readonly SlotState[], s: SlotState) => states.reduce((n, x) => n + (x === s ? 1 : 0), 0);

export const amountsOf = (ws: WeekState) =>
  weekAmounts({ billable: count(ws.states, 'billable'), held: count(ws.states, 'held'), refunded: count(ws.states, 'refunded') }, ws.terms.hourlyRate);

export function approvalPayload(a: ApprovalRow): Approval {
  return {
    contractId: a.contractId,
    weekStart: weekKey(new Date(a.weekStart)),
    kind: a.kind,
    approvedAt: new Date(a.approvedAt).toISOString(),
    approvedBy: a.approvedBy,
    currency: a.currency,
    terms: { hourlyRate: a.hourlyRate, weeklyLimitHours: a.weeklyLimitHours, manualTimeAllowed: a.manualTimeAllowed },
    minutes: a.minutes,
    amounts: a.amounts,
  };
}

/** The week's approval as it is (or would be) recorded now: its terms and totals as they stand. */
function approvalOf(ws: WeekState, kind: 'manual' | 'auto', by: User | null, now: Date): ApprovalRow {
  const { totals } = tallyDays(ws, 'UTC');
  return {
    contractId: ws.contract.id,
    weekStart: ws.weekStart,
    kind,
    // An automatic approval happens at the end of the review window, whenever it is recorded.
    approvedAt: kind === 'auto' ? weekDeadlines(ws.weekStart).reviewUntil : now,
    approvedBy: by && { id: by.id, name: by.name },
    ...ws.terms,
    currency: ws.contract.currency,
    minutes: totals,
    amounts: amountsOf(ws),
  };
}

/**
 * The approval a week has, or the automatic one it has past its review window (when it has
 * slots) even before the sweep recorded it: a read shows it without writing it.
 */
const approvalAt = (ws: WeekState, now: Date): ApprovalRow | null =>
  ws.approval ?? (isPastReview(ws.weekStart, now) && ws.rows.length > 0 ? approvalOf(ws, 'auto', null, now) : null);

/** Writes the week's approval with its terms and totals as they stand; the caller holds the week's lock. */
async function recordApproval(tx: Queryable, ws: WeekState, kind: 'manual' | 'auto', by: User | null, now: Date) {
  const approval = approvalOf(ws, kind, by, now);
  const inserted = await insertApproval(tx, { ...approval, approvedById: by?.id ?? null });
  if (inserted) {
    await appendAudit(tx, {
      at: now,
      actorId: by?.id ?? null,
      action: kind === 'manual' ? 'week.approved' : 'week.auto_approved',
      contractId: ws.contract.id,
      weekStart: ws.weekStart,
      before: { status: ws.status },
      after: { status: kind === 'manual' ? 'approved' : 'auto_approved', minutes: approval.minutes, amounts: approval.amounts, terms: ws.terms },
    });
    // Nothing held: the approval is final, and the week is sealed with it (seal-service.ts).
    const seal = approval.minutes.held === 0 ? await sealWeek(tx, ws.contract.id, ws.weekStart, { minutes: approval.minutes, amounts: approval.amounts, currency: ws.contract.currency }, now) : null;
    await weekApproved(tx, ws.contract, { weekStart: ws.weekStart, kind, by: by?.name ?? null, amounts: approval.amounts, seal: seal && sealFingerprint(seal.signature) }, now);
  }
  return inserted;
}

/**
 * Seals an approved week whose last held slot was just settled (the caller settled a dispute
 * of it). Takes the week's lock, so an approval committing at the same moment is seen.
 */
export async function sealSettledWeek(tx: Queryable, contractId: string, weekStart: Date, now: Date): Promise<void> {
  const [contract] = await findContractsById(tx, [contractId]);
  if (!contract) return;
  await lockWeek(tx, contractId, weekStart);
  const ws = await loadWeekState(tx, contract, weekStart, now);
  if (!ws.approval) return;
  const { totals } = tallyDays(ws, 'UTC');
  if (totals.held > 0) return;
  await sealWeek(tx, contractId, weekStart, { minutes: totals, amounts: amountsOf(ws), currency: contract.currency }, now);
}

/**
 * Records the automatic approval of a week whose review window has ended (every slot not
 * held is approved). Safe to call from several places at once: the week's lock and the
 * approval's key make it happen once.
 */
async function autoApproveWeek(database: Database, contract: Contract, weekStart: Date, now: Date): Promise<boolean> {
  if (!isPastReview(weekStart, now)) return false;
  return database.transaction(async (tx) => {
    await lockWeek(tx, contract.id, weekStart);
    const ws = await loadWeekState(tx, contract, weekStart, now);
    if (ws.approval || ws.rows.length === 0) return false;
    return recordApproval(tx, ws, 'auto', null, now);
  });
}

export const clientOf = (user: User, contract: Contract) => user.role === 'client' && user.companyId === contract.company.id;
const contractorOf = (user: User, contract: Contract) => user.role === 'contractor' && user.id === contract.contractor.id;

/** What this viewer may do to the week now; another role gets the reason it is not theirs. */
function viewerActions(user: User, contract: Contract, weekStart: Date, now: Date, approval: ApprovalRow | null): WeekActions {
  const a = weekActions(weekStart, now, approval);
  const as = (allowed: Allowed, mine: boolean, whose: string) =>
    !mine ? { allowed: false, reason: whose } : allowed.ok ? { allowed: true, reason: null } : { allowed: false, reason: allowed.reason };
  const client = clientOf(user, contract);
  const contractor = contractorOf(user, contract);
  return {
    approve: as(a.approve, client, `Only a client of ${contract.company.name} approves this timesheet.`),
    dispute: as(a.dispute, client, `Only a client of ${contract.company.name} disputes slots.`),
    edit: as(a.edit, contractor, `Only ${contract.contractor.name}, the contractor, edits these slots.`),
  };
}

/** The timesheet as it stands at `now`: past the review window it shows the automatic approval, recorded or not. */
export async function buildTimesheet(database: Database, user: User, contract: Contract, weekStart: Date, tz: string, now: Date): Promise<Timesheet> {
  const [ws, weekDisputes, seal] = await Promise.all([
    loadWeekState(database, contract, weekStart, now),
    findWeekDisputes(database, contract.id, weekStart),
    findWeekSeal(database, contract.id, weekStart),
  ]);
  const disputes = { open: 0, escalated: 0, settled: 0, withdrawn: 0 };
  for (const d of weekDisputes) disputes[disputeAt(d, now).status]++;
  const d = weekDeadlines(weekStart);
  const approval = approvalAt(ws, now);
  return {
    ...weekHeading(ws, tz, now),
    deadlines: { editUntil: d.editUntil.toISOString(), reviewFrom: d.reviewFrom.toISOString(), reviewUntil: d.reviewUntil.toISOString() },
    currency: contract.currency,
    terms: ws.terms,
    amounts: amountsOf(ws),
    approval: approval && approvalPayload(approval),
    disputes,
    seal: seal && { fingerprint: sealFingerprint(seal.signature), sealedAt: seal.sealedAt.toISOString() },
    actions: viewerActions(user, contract, weekStart, now, approval),
  };
}

/**
 * A client approves the week: only in the review window; every slot not held is approved,
 * and the week is locked with its terms and totals. Approving again gives the same approval.
 */
export async function approveWeek(database: Database, user: User, contract: Contract, weekStart: Date, now: Date): Promise<Approval> {
  if (!clientOf(user, contract)) {
    throw new HttpProblem(403, `Only a client of ${contract.company.name} may approve this timesheet.`);
  }
  return database.transaction(async (tx) => {
    await lockWeek(tx, contract.id, weekStart);
    const existing = await findApproval(tx, contract.id, weekStart);
    if (existing?.kind === 'manual') return approvalPayload(existing);
    const ws = await loadWeekState(tx, contract, weekStart, now);
    const approve = weekActions(weekStart, now, ws.approval).approve;
    if (!approve.ok) throw new HttpProblem(409, approve.reason);
    await recordApproval(tx, ws, 'manual', user, now);
    return approvalPayload((await findApproval(tx, contract.id, weekStart))!);
  });
}

/** Every week of every contract whose review window has ended and that has no approval yet. */
export async function autoApproveDueWeeks(database: Database, now: Date): Promise<number> {
  // The latest week whose review window has closed: its Saturday 00:00 (Monday + 12 days) ≤ now.
  const due = await findUnapprovedWeeks(database, weekStartOf(new Date(now.getTime() - 12 * 86_400_000)));
  if (due.length === 0) return 0;
  const contracts = new Map((await findContractsById(database, [...new Set(due.map((d) => d.contractId))])).map((c) => [c.id, c]));
  let n = 0;
  for (const d of due) {
    const contract = contracts.get(d.contractId);
    if (contract && (await autoApproveWeek(database, contract, d.weekStart, now))) n++;
  }
  return n;
}
