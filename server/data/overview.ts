// The overview's reads: the slots, approvals, terms changes and disputed slots of many
// contracts over two weeks, each in one statement (a client with 50 contracts is three
// reads, not two hundred), and a contractor's latest tracked slot.
import type { Queryable } from '../db/client.ts';
import type { DisputeSlotStatus } from '#contract/disputes.ts';
import type { ContractTerms, TermsChange } from '../domain/terms.ts';

/**
 * A contract's live slots over the range, in time order, as two columns: `o` counts 10-minute
 * steps from the range's start, and `k` has a letter a slot: `m` manual, `i` tracked with no
 * input (inactive), `t` tracked and active. That is all the states and the cap depend on, and
 * one row per contract instead of one per slot keeps 50 contracts' weeks a few milliseconds of
 * parsing instead of tens. (date_part is double precision: exact for these whole seconds, and
 * far cheaper over thousands of rows than extract's numeric.)
 */
export interface ContractSlots {
  contractId: string;
  o: number[];
  k: string;
}

/** The live slots of the contracts from `from` to `to` (exclusive), a row per contract with any. */
export async function findContractsSlots(q: Queryable, contractIds: string[], from: Date, to: Date): Promise<ContractSlots[]> {
  if (contractIds.length === 0) return [];
  return q.query<ContractSlots>(
    `select contract_id as "contractId",
            array_agg(((date_part('epoch', start) - date_part('epoch', $2::timestamptz)) / 600)::int order by start) as o,
            string_agg(case when kind = 'manual' then 'm' when active_minutes = 0 then 'i' else 't' end, '' order by start) as k
       from slots
      where contract_id = any($1::uuid[]) and start >= $2 and start < $3 and deleted_at is null
      group by contract_id`,
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
