import type { Contract, ContractSummary } from '../../contract/contracts.ts';
import type { Database, Queryable } from '../db/client.ts';
import { findVisibleContract, findVisibleContracts, type ContractRow } from '../data/contracts.ts';
import { findWeekSlotFacts } from '../data/slots.ts';
import type { User } from '../data/users.ts';
import { findApproval, findTermsChanges } from '../data/weeks.ts';
import { addWeeks, weekKey, weekStartOf } from '../domain/week.ts';
import { currentTerms } from './timesheet-service.ts';
import { statesOf, weekTerms } from './week-state.ts';

/** The contract as the API shows it: the terms in force this week, and a change scheduled for the next. */
export async function contractPayload(q: Queryable, contract: ContractRow, now: Date): Promise<Contract> {
  return { ...contract, ...currentTerms(contract, await findTermsChanges(q, contract.id), now) };
}

export async function getContract(database: Database, user: User, contractId: string, now: Date): Promise<Contract | null> {
  const contract = await findVisibleContract(database, user, contractId);
  return contract ? contractPayload(database, contract, now) : null;
}

/** The contracts a user may see, each with this week's tracked and billable hours and activity. */
export async function listContracts(database: Database, user: User, now: Date): Promise<ContractSummary[]> {
  const contracts = await findVisibleContracts(database, user);
  const weekStart = weekStartOf(now);
  const facts = await findWeekSlotFacts(
    database,
    contracts.map((c) => c.id),
    weekStart,
    addWeeks(weekStart, 1),
  );
  const byContract = new Map<string, typeof facts>();
  for (const f of facts) {
    const list = byContract.get(f.contractId) ?? [];
    list.push(f);
    byContract.set(f.contractId, list);
  }
  return Promise.all(
    contracts.map(async (c) => {
      const slots = byContract.get(c.id) ?? [];
      const [approval, changes] = await Promise.all([findApproval(database, c.id, weekStart), findTermsChanges(database, c.id)]);
      const states = statesOf(slots, weekTerms(c, changes, weekStart, approval));
      const tracked = slots.filter((s) => s.kind === 'tracked');
      const activeSum = tracked.reduce((sum, s) => sum + s.active, 0);
      return {
        ...c,
        ...currentTerms(c, changes, now),
        thisWeek: {
          weekStart: weekKey(weekStart),
          trackedMinutes: slots.length * 10,
          billableMinutes: states.filter((s) => s === 'billable').length * 10,
          activityPercent: tracked.length ? Math.round((activeSum * 10) / tracked.length) : null,
        },
      };
    }),
  );
}
