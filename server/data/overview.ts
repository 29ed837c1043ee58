// The overview's reads: the slots, approvals, terms changes and disputed slots of many
// contracts over two weeks, each in one statement (a client with 50 contracts is three
// reads, not two hundred), and a contractor's latest tracked slot.
import type { Queryable } from '../db/client.ts';
import type { DisputeSlotStatus } from '#contract/disputes.ts';
import type { SlotKind } from '#contract/week.ts';
import type { ContractTerms, TermsChange } from '../domain/terms.ts';

/** A live slot of one of the contracts: `o` counts 10-minute steps from the range's start. */
export interface OverviewSlotRow {
  contractId: string;
  o: number;
  kind: SlotKind;
  active: number;
}

/** The live slots of the contracts from `from` to `to` (exclusive), by contract and in time order. */
export async function findContractsSlots(q: Queryable, contractIds: string[], from: Date, to: Date): Promise<OverviewSlotRow[]> {
  if (contractIds.length === 0) return [];
  return q.query<OverviewSlotRow>(
    `select contract_id as "contractId", ((extract(epoch from start) - extract(epoch from $2::timestamptz)) / 600)::int as o,
            kind, active_minutes as active
       from slots
      where contract_id = any($1::uuid[]) and start >= $2 and start < $3 and deleted_at is null
      order by contract_id, start`,
    [contractIds, from, to],
  );
}

/** An approval's kind and the terms it locked. */
export interface OverviewApproval extends ContractTerms {
  contractId: string;
  weekStart: Date;
  kind: 'manual' | 'auto';
}

export interface ContractsContext {
  approvals: OverviewApproval[];
  changes: (TermsChange & { contractId: string })[];
  /** Disputed slots from `from` to `to`, offsets as in findContractsSlots. */
  disputed: { contractId: string; o: number; status: DisputeSlotStatus }[];
}

interface ContextRow {
  approvals: (Omit<OverviewApproval, 'weekStart'> & { weekStart: string })[];
  changes: (ContractTerms & { contractId: string; effectiveFrom: string })[];
  disputed: { contractId: string; o: number; status: DisputeSlotStatus }[];
}

/** What the weeks' states depend on besides their slots, for many contracts in one statement. */
export async function findContractsContext(q: Queryable, contractIds: string[], from: Date, to: Date): Promise<ContractsContext> {
  if (contractIds.length === 0) return { approvals: [], changes: [], disputed: [] };
  const rows = await q.query<ContextRow>(
    `select coalesce((select json_agg(json_build_object(
                               'contractId', a.contract_id, 'weekStart', a.week_start, 'kind', a.kind, 'hourlyRate', a.hourly_rate,
                               'weeklyLimitHours', a.weekly_limit_hours, 'manualTimeAllowed', a.manual_time_allowed))
                        from week_approvals a
                       where a.contract_id = any($1::uuid[]) and a.week_start >= $2 and a.week_start < $3), '[]') as approvals,
            coalesce((select json_agg(json_build_object(
                               'contractId', t.contract_id, 'effectiveFrom', t.effective_from, 'hourlyRate', t.hourly_rate,
                               'weeklyLimitHours', t.weekly_limit_hours, 'manualTimeAllowed', t.manual_time_allowed)
                             order by t.effective_from)
                        from contract_terms t where t.contract_id = any($1::uuid[])), '[]') as changes,
            coalesce((select json_agg(json_build_object(
                               'contractId', d.contract_id,
                               'o', ((extract(epoch from d.slot_start) - extract(epoch from $2::timestamptz)) / 600)::int,
                               'status', d.status))
                        from dispute_slots d
                       where d.contract_id = any($1::uuid[]) and d.slot_start >= $2 and d.slot_start < $3), '[]') as disputed`,
    [contractIds, from, to],
  );
  const { approvals, changes, disputed } = rows[0]!;
  return {
    approvals: approvals.map((a) => ({ ...a, weekStart: new Date(a.weekStart) })),
    changes: changes.map((c) => ({
      contractId: c.contractId,
      effectiveFrom: new Date(c.effectiveFrom),
      terms: { hourlyRate: c.hourlyRate, weeklyLimitHours: c.weeklyLimitHours, manualTimeAllowed: c.manualTimeAllowed },
    })),
    disputed,
  };
}

/** The start of the contractor's latest tracked slot on any contract (what their tracker last sent), or null. */
export async function findLatestTrackedSlot(q: Queryable, contractorId: string, before: Date): Promise<Date | null> {
  const rows = await q.query<{ start: Date | string }>(
    `select start from slots where contractor_id = $1 and kind = 'tracked' and start < $2 order by start desc limit 1`,
    [contractorId, before],
  );
  return rows[0] ? new Date(rows[0].start) : null;
}
