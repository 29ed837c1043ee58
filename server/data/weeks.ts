// Per contract week: the lock that serializes every change to it, its approval, and the
// terms changes of its contract.
import type { Queryable } from '../db/client.ts';
import type { DisputeSlotStatus } from '#contract/disputes.ts';
import type { ContractTerms, TermsChange } from '../domain/terms.ts';
import type { StateMinutes } from '#contract/week.ts';
import type { WeekAmounts } from '../domain/money.ts';
import { weekKey } from '../domain/week.ts';
import { CONTRACT_COLUMNS, CONTRACT_FROM, viewerParams, visibleTo, type ContractRow } from './contracts.ts';
import type { User } from './users.ts';

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

/** The approval, terms changes and disputed slots of one contract week (findWeekContext). */
export interface WeekContext {
  approval: ApprovalRow | null;
  changes: TermsChange[];
  disputed: { o: number; status: DisputeSlotStatus }[];
}

interface WeekContextRow {
  approval: (Omit<ApprovalRow, 'weekStart' | 'approvedAt'> & { weekStart: string; approvedAt: string }) | null;
  changes: (ContractTerms & { effectiveFrom: string })[];
  disputed: { o: number; status: DisputeSlotStatus }[];
}

/**
 * What one contract week's reads depend on besides the contract and its slots, as columns over
 * `$1` (the contract), `$2` and `$3` (the week's bounds): the week's approval, the contract's
 * terms changes, and the week's disputed slots (as offsets in 10-minute steps from `weekStart`).
 * Each part is a primary-key lookup, so any plan of it is a good one.
 */
const CONTEXT_COLUMNS = `
  (select json_build_object(
            'contractId', a.contract_id, 'weekStart', a.week_start, 'kind', a.kind, 'approvedAt', a.approved_at,
            'approvedBy', case when au.id is null then null else json_build_object('id', au.id, 'name', au.name) end,
            'hourlyRate', a.hourly_rate, 'weeklyLimitHours', a.weekly_limit_hours,
            'manualTimeAllowed', a.manual_time_allowed, 'currency', a.currency, 'minutes', a.minutes, 'amounts', a.amounts)
     from week_approvals a left join users au on au.id = a.approved_by
    where a.contract_id = $1 and a.week_start = $2) as approval,
  coalesce((select json_agg(json_build_object(
                     'effectiveFrom', t.effective_from, 'hourlyRate', t.hourly_rate,
                     'weeklyLimitHours', t.weekly_limit_hours, 'manualTimeAllowed', t.manual_time_allowed)
                   order by t.effective_from)
              from contract_terms t where t.contract_id = $1), '[]') as changes,
  coalesce((select json_agg(json_build_object(
                     'o', ((extract(epoch from d.slot_start) - extract(epoch from $2::timestamptz)) / 600)::int,
                     'status', d.status))
              from dispute_slots d
             where d.contract_id = $1 and d.slot_start >= $2 and d.slot_start < $3), '[]') as disputed`;

function weekContext({ approval, changes, disputed }: WeekContextRow): WeekContext {
  return {
    approval: approval && { ...approval, weekStart: new Date(approval.weekStart), approvedAt: new Date(approval.approvedAt) },
    changes: changes.map((c) => ({
      effectiveFrom: new Date(c.effectiveFrom),
      terms: { hourlyRate: c.hourlyRate, weeklyLimitHours: c.weeklyLimitHours, manualTimeAllowed: c.manualTimeAllowed },
    })),
    disputed,
  };
}

/** The week's context (CONTEXT_COLUMNS) of a contract already in hand, in one statement. */
export async function findWeekContext(q: Queryable, contractId: string, weekStart: Date, weekEnd: Date): Promise<WeekContext> {
  const rows = await q.query<WeekContextRow>(`select ${CONTEXT_COLUMNS}`, [contractId, weekStart, weekEnd]);
  return weekContext(rows[0]!);
}

/**
 * The contract and its week's context in one statement, with the access check in it: null when
 * the contract does not exist or `viewer` may not see it (findVisibleContract's rule). The
 * week's read then needs no lookup of the contract before it.
 */
export async function findVisibleWeekContext(
  q: Queryable,
  viewer: User,
  contractId: string,
  weekStart: Date,
  weekEnd: Date,
): Promise<(WeekContext & { contract: ContractRow }) | null> {
  const rows = await q.query<ContractRow & WeekContextRow>(
    `select ${CONTRACT_COLUMNS}, ${CONTEXT_COLUMNS} from ${CONTRACT_FROM} where k.id = $1 and ${visibleTo('k', 4)}`,
    [contractId, weekStart, weekEnd, ...viewerParams(viewer)],
  );
  const row = rows[0];
  if (!row) return null;
  const { approval, changes, disputed, ...contract } = row;
  return { contract, ...weekContext({ approval, changes, disputed }) };
}

/**
 * The weeks (contract and Monday) whose review window had closed by `lastDue`'s week, that
 * have live slots and no approval yet: what the automatic approval still has to record.
 */
export async function findUnapprovedWeeks(q: Queryable, lastDue: Date): Promise<{ contractId: string; weekStart: Date }[]> {
  const rows = await q.query<{ contractId: string; weekStart: Date | string }>(
    `select k.id as "contractId", w.week_start as "weekStart"
       from contracts k
       cross join lateral (
         select generate_series(
                  date_trunc('week', (select min(s.start) from slots s where s.contract_id = k.id) at time zone 'UTC') at time zone 'UTC',
                  $1::timestamptz, interval '7 days') as week_start
       ) w
      where not exists (select 1 from week_approvals a where a.contract_id = k.id and a.week_start = w.week_start)
        and exists (select 1 from slots s where s.contract_id = k.id and s.start >= w.week_start
                                          and s.start < w.week_start + interval '7 days' and s.deleted_at is null)`,
    [lastDue],
  );
  return rows.map((r) => ({ contractId: r.contractId, weekStart: new Date(r.weekStart) }));
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
