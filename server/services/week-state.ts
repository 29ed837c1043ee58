// Everything a decision about one contract week depends on, read together: the terms in
// force for it, its approval, its slots with their dispute status, and from those the one
// state of each slot. The week, the timesheet, disputes and the contractor's edits all
// start here, so they agree.
import type { ContractRow as Contract } from '../data/contracts.ts';
import type { DisputeSlotStatus } from '../../contract/disputes.ts';
import type { SlotState } from '../../contract/week.ts';
import type { Queryable } from '../db/client.ts';
import { findWeekSlots, withDisputes, type WeekSlotRow } from '../data/slots.ts';
import type { User } from '../data/users.ts';
import { findTermsChanges, findWeekContext, type ApprovalRow, type WeekContext } from '../data/weeks.ts';
import { disputeEffect } from '../domain/disputes.ts';
import { weekStatus, type WeekStatus } from '../domain/lifecycle.ts';
import { slotStates } from '../domain/slot-state.ts';
import { termsForWeek, type ContractTerms, type TermsChange } from '../domain/terms.ts';
import { addWeeks } from '../domain/week.ts';

export interface WeekState {
  contract: Contract;
  weekStart: Date;
  weekEnd: Date;
  terms: ContractTerms;
  approval: ApprovalRow | null;
  status: WeekStatus;
  rows: WeekSlotRow[];
  states: SlotState[];
}

/** The base terms a contract started with (the contract row). */
export const baseTerms = (c: Pick<Contract, 'hourlyRate' | 'weeklyLimitHours' | 'manualTimeAllowed'>): ContractTerms => ({
  hourlyRate: c.hourlyRate,
  weeklyLimitHours: c.weeklyLimitHours,
  manualTimeAllowed: c.manualTimeAllowed,
});

/** The terms a week uses: those it was approved with, else those in force at its Monday 00:00. */
export function weekTerms(contract: Contract, changes: readonly TermsChange[], weekStart: Date, approval: ApprovalRow | null): ContractTerms {
  if (approval) {
    return { hourlyRate: approval.hourlyRate, weeklyLimitHours: approval.weeklyLimitHours, manualTimeAllowed: approval.manualTimeAllowed };
  }
  const { effectiveFrom: _from, ...terms } = termsForWeek(baseTerms(contract), changes, weekStart);
  return terms;
}

export async function termsOfWeek(q: Queryable, contract: Contract, weekStart: Date, approval: ApprovalRow | null): Promise<ContractTerms> {
  return weekTerms(contract, approval ? [] : await findTermsChanges(q, contract.id), weekStart, approval);
}

/** States of slots in time order, with their dispute outcomes. */
export function statesOf(rows: readonly { kind: 'tracked' | 'manual'; active: number; ds: DisputeSlotStatus | null }[], terms: ContractTerms) {
  return slotStates(
    rows.map((r) => ({ kind: r.kind, activeMinutes: r.active, deleted: false, dispute: r.ds ? disputeEffect(r.ds) : null })),
    terms,
  );
}

function weekState(contract: Contract, weekStart: Date, weekEnd: Date, now: Date, context: WeekContext, rows: WeekSlotRow[]): WeekState {
  const terms = weekTerms(contract, context.approval ? [] : context.changes, weekStart, context.approval);
  withDisputes(rows, context.disputed);
  return {
    contract,
    weekStart,
    weekEnd,
    terms,
    approval: context.approval,
    status: weekStatus(weekStart, now, context.approval),
    rows,
    states: statesOf(rows, terms),
  };
}

/** A week's context (checked against `viewer` when given) and its slots, read at once. */
async function readWeek(q: Queryable, contractId: string, weekStart: Date, viewer?: User) {
  const weekEnd = addWeeks(weekStart, 1);
  const [context, rows] = await Promise.all([
    findWeekContext(q, contractId, weekStart, weekEnd, viewer),
    findWeekSlots(q, contractId, weekStart, weekEnd),
  ]);
  return { weekEnd, context, rows };
}

/** The week of a contract already in hand. */
export async function loadWeekState(q: Queryable, contract: Contract, weekStart: Date, now: Date): Promise<WeekState> {
  const { weekEnd, context, rows } = await readWeek(q, contract.id, weekStart);
  if (!context) throw new Error(`contract ${contract.id} is gone`);
  return weekState(contract, weekStart, weekEnd, now, context, rows);
}

/**
 * The week of a contract `viewer` may see, or null (missing or hidden: both answer 404). The
 * slots are read alongside the access check, not after it, and are dropped when it fails.
 */
export async function loadVisibleWeekState(q: Queryable, viewer: User, contractId: string, weekStart: Date, now: Date): Promise<WeekState | null> {
  const { weekEnd, context, rows } = await readWeek(q, contractId, weekStart, viewer);
  return context && weekState(context.contract, weekStart, weekEnd, now, context, rows);
}
