// Disputes. Visibility follows the contract's: a client sees the disputes of their company's
// contracts, a contractor those on their own contracts, an admin all; a dispute the user may
// not see is not found. Their slots and threads are in dispute-slots.ts.
import type { Queryable } from '../db/client.ts';
import type { DisputeReason, DisputeStatus } from '#contract/disputes.ts';
import { viewerParams, visibleTo } from './contracts.ts';
import type { User } from './users.ts';

export interface DisputeRow {
  id: string;
  contractId: string;
  contractTitle: string;
  currency: string;
  company: { id: string; name: string };
  contractor: { id: string; name: string };
  weekStart: Date;
  status: DisputeStatus;
  reason: DisputeReason;
  comment: string;
  createdAt: Date;
  createdBy: { id: string; name: string };
  answerDue: Date;
  escalatedAt: Date | null;
  closedAt: Date | null;
  slotCount: number;
  /** Slots whose dispute status is open or contested (their money is held while unsettled). */
  undecidedCount: number;
  /** Slots whose dispute status is open. */
  openCount: number;
  /** The hourly rate of the dispute's week: the approval's, else the terms in force at its Monday. */
  hourlyRate: number;
}

// The week's rate, as termsForWeek gives it: the approval's terms, else the latest change at or
// before the week's Monday, else the contract's own.
const SELECT = `
  select d.id, d.contract_id as "contractId", k.title as "contractTitle", k.currency,
         json_build_object('id', c.id, 'name', c.name) as company,
         json_build_object('id', u.id, 'name', u.name) as contractor,
         d.week_start as "weekStart", d.status, d.reason, d.comment, d.created_at as "createdAt",
         json_build_object('id', b.id, 'name', b.name) as "createdBy",
         d.answer_due as "answerDue", d.escalated_at as "escalatedAt", d.closed_at as "closedAt",
         n.slot_count as "slotCount", n.undecided_count as "undecidedCount", n.open_count as "openCount",
         coalesce(a.hourly_rate,
                  (select t.hourly_rate from contract_terms t
                    where t.contract_id = d.contract_id and t.effective_from <= d.week_start
                    order by t.effective_from desc limit 1),
                  k.hourly_rate) as "hourlyRate"
    from disputes d
    join contracts k on k.id = d.contract_id
    join companies c on c.id = k.company_id
    join users u on u.id = k.contractor_id
    join users b on b.id = d.created_by
    left join week_approvals a on a.contract_id = d.contract_id and a.week_start = d.week_start
    cross join lateral (
      select count(*)::int as slot_count,
             (count(*) filter (where x.status in ('open', 'contested')))::int as undecided_count,
             (count(*) filter (where x.status = 'open'))::int as open_count
        from dispute_slots x where x.dispute_id = d.id) n`;

const toRow = (r: DisputeRow): DisputeRow => ({
  ...r,
  weekStart: new Date(r.weekStart),
  createdAt: new Date(r.createdAt),
  answerDue: new Date(r.answerDue),
  escalatedAt: r.escalatedAt ? new Date(r.escalatedAt) : null,
  closedAt: r.closedAt ? new Date(r.closedAt) : null,
});

/** The dispute, or null when it does not exist or the user may not see it (both answer 404). */
export async function findVisibleDispute(q: Queryable, user: User, disputeId: string): Promise<DisputeRow | null> {
  const rows = await q.query<DisputeRow>(`${SELECT} where d.id = $1 and ${visibleTo('k', 2)}`, [disputeId, ...viewerParams(user)]);
  return rows[0] ? toRow(rows[0]) : null;
}

export interface DisputeFilter {
  contractId?: string;
  weekStart?: Date;
  statuses?: DisputeStatus[];
  /** Oldest first (an admin's queue) or newest first. */
  order: 'oldest' | 'newest';
}

// Each filter is off when its parameter is null: one statement text for every combination.
const LIST_WHERE = `where ${visibleTo('k', 1)} and ($4::uuid is null or d.contract_id = $4)
    and ($5::timestamptz is null or d.week_start = $5) and ($6::text[] is null or d.status = any($6::text[]))`;
const LIST = {
  oldest: `${SELECT} ${LIST_WHERE} order by d.created_at asc, d.id asc`,
  newest: `${SELECT} ${LIST_WHERE} order by d.created_at desc, d.id desc`,
};

export async function listVisibleDisputes(q: Queryable, user: User, filter: DisputeFilter): Promise<DisputeRow[]> {
  const statuses = filter.statuses && filter.statuses.length > 0 ? filter.statuses : null;
  const rows = await q.query<DisputeRow>(LIST[filter.order], [
    ...viewerParams(user),
    filter.contractId ?? null,
    filter.weekStart ?? null,
    statuses,
  ]);
  return rows.map(toRow);
}

/** Locks the dispute's row for the rest of the transaction and reads its status. */
export async function lockDispute(tx: Queryable, disputeId: string): Promise<{ status: DisputeStatus; answerDue: Date } | null> {
  const rows = await tx.query<{ status: DisputeStatus; answerDue: Date }>(
    `select status, answer_due as "answerDue" from disputes where id = $1 for update`,
    [disputeId],
  );
  const r = rows[0];
  return r ? { status: r.status, answerDue: new Date(r.answerDue) } : null;
}

export interface NewDispute {
  contractId: string;
  weekStart: Date;
  reason: DisputeReason;
  comment: string;
  createdBy: string;
  createdAt: Date;
  answerDue: Date;
  slots: Date[];
}

/** Inserts the dispute (open) and its slots (open); a slot in another dispute raises a unique violation. */
export async function insertDispute(tx: Queryable, d: NewDispute): Promise<string> {
  const [row] = await tx.query<{ id: string }>(
    `insert into disputes (contract_id, week_start, status, reason, comment, created_by, created_at, answer_due)
     values ($1, $2, 'open', $3, $4, $5, $6, $7) returning id`,
    [d.contractId, d.weekStart, d.reason, d.comment, d.createdBy, d.createdAt, d.answerDue],
  );
  await tx.query(
    `insert into dispute_slots (contract_id, slot_start, dispute_id, status)
     select $1, s, $2, 'open' from unnest($3::timestamptz[]) as s`,
    [d.contractId, row!.id, d.slots],
  );
  return row!.id;
}

export async function setDisputeStatus(
  tx: Queryable,
  disputeId: string,
  change: { status: DisputeStatus; escalatedAt?: Date; closedAt?: Date },
): Promise<void> {
  await tx.query(
    `update disputes set status = $2, escalated_at = coalesce($3, escalated_at), closed_at = coalesce($4, closed_at) where id = $1`,
    [disputeId, change.status, change.escalatedAt ?? null, change.closedAt ?? null],
  );
}

/**
 * Escalates the open disputes (all, or one) whose answer window closed at or before `now`. Safe when several
 * sweeps run it at once: a dispute another transaction escalated first no longer matches
 * `status = 'open'`. Returns what the audit trail records of each.
 */
export async function escalateOverdue(
  tx: Queryable,
  now: Date,
  disputeId?: string,
): Promise<{ id: string; contractId: string; weekStart: Date; answerDue: Date }[]> {
  const rows = await tx.query<{ id: string; contractId: string; weekStart: Date | string; answerDue: Date | string }>(
    `update disputes set status = 'escalated', escalated_at = answer_due
      where status = 'open' and answer_due <= $1 and ($2::uuid is null or id = $2)
      returning id, contract_id as "contractId", week_start as "weekStart", answer_due as "answerDue"`,
    [now, disputeId ?? null],
  );
  return rows.map((r) => ({ ...r, weekStart: new Date(r.weekStart), answerDue: new Date(r.answerDue) }));
}

/** The status and answer deadline of each dispute of a contract week. */
export async function findWeekDisputes(q: Queryable, contractId: string, weekStart: Date): Promise<{ status: DisputeStatus; answerDue: Date }[]> {
  const rows = await q.query<{ status: DisputeStatus; answerDue: Date | string }>(
    `select status, answer_due as "answerDue" from disputes where contract_id = $1 and week_start = $2`,
    [contractId, weekStart],
  );
  return rows.map((r) => ({ status: r.status, answerDue: new Date(r.answerDue) }));
}
