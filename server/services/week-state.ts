// Everything a decision about one contract week depends on, read together: the terms it uses,
// its approval, its slots with their dispute status, and from those the one state of each
// slot. The week, the timesheet, disputes and the contractor's edits all start here, so they
// agree.
import type { ContractRow as Contract } from '../data/contracts.ts';
import type { SlotState } from '#contract/week.ts';
import type { Queryable } from '../db/client.ts';
import { findWeekSlots, withDisputes, type WeekSlotRow } from '../data/slots.ts';
import { findWeekContext, type ApprovalRow, type WeekContext } from '../data/weeks.ts';
import { weekStatus, type WeekStatus } from '../domain/lifecycle.ts';
import { visibleSlotStates } from '../domain/slot-state.ts';
import { weekTerms, type ContractTerms } from '../domain/terms.ts';
import { addWeeks } from '../domain/week.ts';

export interface WeekState {
  contract: Contract;
  weekStart: Date;
  weekEnd: Date;
  terms: ContractTerms;
  approval: ApprovalRow | null;
  status: WeekStatus;
  /** The live slots, in time order: what every figure counts. */
  rows: WeekSlotRow[];
  states: SlotState[];
  /** The slots the contractor deleted, in time order: shown as such, never billed or counted. */
  deleted: WeekSlotRow[];
}

/** The week of a contract already in hand (its access checked by the caller): its context and slots, read at once. */
export async function loadWeekState(q: Queryable, contract: Contract, weekStart: Date, now: Date): Promise<WeekState> {
  const weekEnd = addWeeks(weekStart, 1);
  const [context, rows] = await Promise.all([findWeekContext(q, contract.id, weekStart, weekEnd), findWeekSlots(q, contract.id, weekStart, weekEnd)]);
  return weekState(contract, context, rows, weekStart, now);
}

/** The week's state from what was read of it (loadWeekState, or a read that also checked access). */
export function weekState(contract: Contract, context: WeekContext, all: WeekSlotRow[], weekStart: Date, now: Date): WeekState {
  const terms = weekTerms(contract, context.changes, weekStart, context.approval);
  // One pass sets the deleted slots apart; with none (the usual week) `rows` is the read itself.
  const deleted = all.filter((r) => r.deletedAt !== null);
  const rows = deleted.length === 0 ? all : all.filter((r) => r.deletedAt === null);
  withDisputes(rows, context.disputed);
  return {
    contract,
    weekStart,
    weekEnd: addWeeks(weekStart, 1),
    terms,
    approval: context.approval,
    status: weekStatus(weekStart, now, context.approval),
    rows,
    states: visibleSlotStates(rows, terms),
    deleted,
  };
}
