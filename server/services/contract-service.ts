// Contracts as the API shows them: the terms in force this week and a change scheduled for the
// next, and this week's hours on the list. Changes to contracts are in contract-admin-service.
import type { Contract, ContractSummary } from '#contract/contracts.ts';
import type { Database, Queryable } from '../db/client.ts';
import { findVisibleContract, findVisibleContracts, type ContractRow } from '../data/contracts.ts';
import { findWeekSlotFacts } from '../data/slots.ts';
import type { User } from '../data/users.ts';
import { findApproval, findTermsChanges } from '../data/weeks.ts';
import { visibleSlotStates } from '../domain/slot-state.ts';
import { weekTerms, type TermsChange } from '../domain/terms.ts';
import { addWeeks, weekKey, weekStartOf } from '../domain/week.ts';
import { notFound } from '../lib/problem.ts';

/** The answer to a contract the user may not see: not found, as one that does not exist. */
export const contractNotFound = () => notFound('The contract');

/** The contract the user may see, or 404 (a contract they may not see is not found either). */
export async function requireVisibleContract(q: Queryable, user: User, contractId: string): Promise<ContractRow> {
  const contract = await findVisibleContract(q, user, contractId);
  if (!contract) throw contractNotFound();
  return contract;
}

/** The contract as the API shows it: the terms in force this week, and a change scheduled for the next. */
export async function contractPayload(q: Queryable, contract: ContractRow, now: Date): Promise<Contract> {
  return { ...contract, ...currentTerms(contract, await findTermsChanges(q, contract.id), now) };
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
      const terms = weekTerms(c, changes, weekStart, approval);
      const states = visibleSlotStates(slots, terms);
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

/** The terms in force this week, and a change scheduled from the next Monday, if any. */
function currentTerms(contract: ContractRow, changes: readonly TermsChange[], now: Date) {
  const thisWeek = weekStartOf(now);
  const terms = weekTerms(contract, changes, thisWeek);
  const next = changes.filter((c) => c.effectiveFrom.getTime() > thisWeek.getTime()).at(-1);
  return {
    ...terms,
    nextTerms: next ? { effectiveFrom: next.effectiveFrom.toISOString(), ...next.terms } : null,
  };
}
