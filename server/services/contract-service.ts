import type { ContractSummary } from '../../contract/contracts.ts';
import type { Database } from '../db/client.ts';
import { findVisibleContracts } from '../data/contracts.ts';
import { findWeekSlotFacts } from '../data/slots.ts';
import type { User } from '../data/users.ts';
import { visibleSlotStates } from '../domain/slot-state.ts';
import { addWeeks, weekKey, weekStartOf } from '../domain/week.ts';

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
  return contracts.map((c) => {
    const slots = byContract.get(c.id) ?? [];
    const states = visibleSlotStates(slots, c);
    const tracked = slots.filter((s) => s.kind === 'tracked');
    const activeSum = tracked.reduce((sum, s) => sum + s.active, 0);
    return {
      ...c,
      thisWeek: {
        weekStart: weekKey(weekStart),
        trackedMinutes: slots.length * 10,
        billableMinutes: states.filter((s) => s === 'billable').length * 10,
        activityPercent: tracked.length ? Math.round((activeSum * 10) / tracked.length) : null,
      },
    };
  });
}
