// Per contract week: the lock that serializes every change to it, its approval, and the
// terms changes of its contract.
import type { Queryable } from '../db/client.ts';
import type { ContractTerms, TermsChange } from '../domain/terms.ts';
import type { StateMinutes } from '../../contract/week.ts';
import type { WeekAmounts } from '../domain/money.ts';
import { weekKey } from '../domain/week.ts';

/**
 * Serializes the changes to one contract week (approve, dispute, delete, edit, manual time,
 * sweeps) across every API instance: a transaction-scoped advisory lock. Call it first in
 * the transaction, then read what the decision depends on.
 */
export async function lockWeek(tx: Queryable, contractId: string, weekStart: Date): Promise<void> {
  await tx.query(`select pg_advisory_xact_lock(hashtextextended($1, 0))`, [`week:${contractId}:${weekKey(weekStart)}`]);
}

export interface ApprovalRow {
  contractId: string;
  weekStart: Date;
  kind: 'manual' | 'auto';
  approvedAt: Date;
  approvedBy: { id: string; name: string } | null;
  hourlyRate: number;
  weeklyLimitHours: number | null;
  manualTimeAllowed: boolean;
  currency: string;
  minutes: StateMinutes;
  amounts: WeekAmounts;
}

const APPROVAL_SELECT = `
  select a.contract_id as "contractId", a.week_start as "weekStart", a.kind, a.approved_at as "approvedAt",
         case when u.id is null then null else json_build_object('id', u.id, 'name', u.name) end as "approvedBy",
         a.hourly_rate as "hourlyRate", a.weekly_limit_hours as "weeklyLimitHours",
         a.manual_time_allowed as "manualTimeAllowed", a.currency, a.minutes, a.amounts
    from week_approvals a left join users u on u.id = a.approved_by`;

export async function findApproval(q: Queryable, contractId: string, weekStart: Date): Promise<ApprovalRow | null> {
  const rows = await q.query<ApprovalRow>(`${APPROVAL_SELECT} where a.contract_id = $1 and a.week_start = $2`, [contractId, weekStart]);
  return rows[0] ?? null;
}

/** Inserts the approval unless the week has one; true when this call inserted it. */
export async function insertApproval(
  q: Queryable,
  a: Omit<ApprovalRow, 'approvedBy'> & { approvedById: string | null },
): Promise<boolean> {
  const rows = await q.query(
    `insert into week_approvals (contract_id, week_start, kind, approved_at, approved_by, hourly_rate, weekly_limit_hours,
                                 manual_time_allowed, currency, minutes, amounts)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
     on conflict (contract_id, week_start) do nothing
     returning 1`,
    [
      a.contractId,
      a.weekStart,
      a.kind,
      a.approvedAt,
      a.approvedById,
      a.hourlyRate,
      a.weeklyLimitHours,
      a.manualTimeAllowed,
      a.currency,
      JSON.stringify(a.minutes),
      JSON.stringify(a.amounts),
    ],
  );
  return rows.length === 1;
}

export async function findTermsChanges(q: Queryable, contractId: string): Promise<TermsChange[]> {
  const rows = await q.query<ContractTerms & { effectiveFrom: Date }>(
    `select effective_from as "effectiveFrom", hourly_rate as "hourlyRate", weekly_limit_hours as "weeklyLimitHours",
            manual_time_allowed as "manualTimeAllowed"
       from contract_terms where contract_id = $1 order by effective_from`,
    [contractId],
  );
  return rows.map((r) => ({
    effectiveFrom: new Date(r.effectiveFrom),
    terms: { hourlyRate: r.hourlyRate, weeklyLimitHours: r.weeklyLimitHours, manualTimeAllowed: r.manualTimeAllowed },
  }));
}

/** Sets the terms from `effectiveFrom` on (a later change the same week replaces the earlier one). */
export async function upsertTermsChange(
  q: Queryable,
  contractId: string,
  change: TermsChange,
  changedBy: string | null,
  changedAt: Date,
): Promise<void> {
  await q.query(
    `insert into contract_terms (contract_id, effective_from, hourly_rate, weekly_limit_hours, manual_time_allowed, changed_by, changed_at)
     values ($1, $2, $3, $4, $5, $6, $7)
     on conflict (contract_id, effective_from) do update
        set hourly_rate = excluded.hourly_rate, weekly_limit_hours = excluded.weekly_limit_hours,
            manual_time_allowed = excluded.manual_time_allowed, changed_by = excluded.changed_by, changed_at = excluded.changed_at`,
    [
      contractId,
      change.effectiveFrom,
      change.terms.hourlyRate,
      change.terms.weeklyLimitHours,
      change.terms.manualTimeAllowed,
      changedBy,
      changedAt,
    ],
  );
}
