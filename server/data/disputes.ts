// Disputes, their slots and their threads. Visibility follows the contract's: a client sees
// the disputes of their company's contracts, a contractor those on their own contracts, an
// admin all; a dispute the user may not see is not found.
import type { Queryable } from '../db/client.ts';
import type { DisputeReason, DisputeSlotStatus, DisputeStatus } from '../../contract/disputes.ts';
import type { SlotKind } from '../../contract/week.ts';
import { visibleTo } from './contracts.ts';
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

// The week's rate, as termsOfWeek reads it: the approval's terms, else the latest change at or
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
  const params: unknown[] = [disputeId];
  const rows = await q.query<DisputeRow>(`${SELECT} where d.id = $1 and ${visibleTo(user, params)}`, params);
  return rows[0] ? toRow(rows[0]) : null;
}

export interface DisputeFilter {
  contractId?: string;
  weekStart?: Date;
  statuses?: DisputeStatus[];
  /** Oldest first (an admin's queue) or newest first. */
  order: 'oldest' | 'newest';
}

export async function listVisibleDisputes(q: Queryable, user: User, filter: DisputeFilter): Promise<DisputeRow[]> {
  const params: unknown[] = [];
  const where = [visibleTo(user, params)];
  if (filter.contractId) {
    params.push(filter.contractId);
    where.push(`d.contract_id = $${params.length}`);
  }
  if (filter.weekStart) {
    params.push(filter.weekStart);
    where.push(`d.week_start = $${params.length}`);
  }
  if (filter.statuses && filter.statuses.length > 0) {
    params.push(filter.statuses);
    where.push(`d.status = any($${params.length}::text[])`);
  }
  const dir = filter.order === 'oldest' ? 'asc' : 'desc';
  const rows = await q.query<DisputeRow>(`${SELECT} where ${where.join(' and ')} order by d.created_at ${dir}, d.id ${dir}`, params);
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

export interface DisputeSlotRow {
  start: Date;
  status: DisputeSlotStatus;
  kind: SlotKind;
  activeMinutes: number;
  memo: string;
  windowTitle: string;
  hasScreenshot: boolean;
  duplicate: boolean;
  deleted: boolean;
  reply: string | null;
  answeredAt: Date | null;
  resolvedAt: Date | null;
  resolvedBy: { id: string; name: string } | null;
  resolutionNote: string | null;
}

/** A dispute's slots with their facts, in time order. */
export async function findDisputeSlots(q: Queryable, disputeId: string): Promise<DisputeSlotRow[]> {
  const rows = await q.query<DisputeSlotRow>(
    `select x.slot_start as start, x.status, s.kind, s.active_minutes as "activeMinutes", s.memo,
            s.window_title as "windowTitle", s.screenshot_sha256 is not null as "hasScreenshot", s.duplicate,
            s.deleted_at is not null as deleted, x.reply, x.answered_at as "answeredAt", x.resolved_at as "resolvedAt",
            case when r.id is null then null else json_build_object('id', r.id, 'name', r.name) end as "resolvedBy",
            x.resolution_note as "resolutionNote"
       from dispute_slots x
       join slots s on s.contract_id = x.contract_id and s.start = x.slot_start
       left join users r on r.id = x.resolved_by
      where x.dispute_id = $1
      order by x.slot_start`,
    [disputeId],
  );
  return rows.map((r) => ({
    ...r,
    start: new Date(r.start),
    answeredAt: r.answeredAt ? new Date(r.answeredAt) : null,
    resolvedAt: r.resolvedAt ? new Date(r.resolvedAt) : null,
  }));
}

/** Just the statuses of a dispute's slots, in time order (for the state machine). */
export async function findDisputeSlotStatuses(q: Queryable, disputeId: string): Promise<{ start: Date; status: DisputeSlotStatus }[]> {
  const rows = await q.query<{ start: Date; status: DisputeSlotStatus }>(
    `select slot_start as start, status from dispute_slots where dispute_id = $1 order by slot_start`,
    [disputeId],
  );
  return rows.map((r) => ({ start: new Date(r.start), status: r.status }));
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

export async function setSlotAnswer(
  tx: Queryable,
  disputeId: string,
  start: Date,
  a: { status: 'accepted' | 'contested'; reply: string; answeredAt: Date },
): Promise<void> {
  await tx.query(
    `update dispute_slots set status = $3, reply = $4, answered_at = $5 where dispute_id = $1 and slot_start = $2`,
    [disputeId, start, a.status, a.reply, a.answeredAt],
  );
}

export async function setSlotResolution(
  tx: Queryable,
  disputeId: string,
  start: Date,
  r: { status: 'resolved_client' | 'resolved_contractor'; note: string; resolvedBy: string; resolvedAt: Date },
): Promise<void> {
  await tx.query(
    `update dispute_slots set status = $3, resolution_note = $4, resolved_by = $5, resolved_at = $6
      where dispute_id = $1 and slot_start = $2`,
    [disputeId, start, r.status, r.note, r.resolvedBy, r.resolvedAt],
  );
}

/** Withdraws the undecided (open or contested) slots; returns their starts. */
export async function withdrawUndecidedSlots(tx: Queryable, disputeId: string): Promise<Date[]> {
  const rows = await tx.query<{ start: Date }>(
    `update dispute_slots set status = 'withdrawn'
      where dispute_id = $1 and status in ('open', 'contested')
      returning slot_start as start`,
    [disputeId],
  );
  return rows.map((r) => new Date(r.start)).sort((a, b) => a.getTime() - b.getTime());
}

export async function insertComment(tx: Queryable, c: { disputeId: string; authorId: string; body: string; createdAt: Date }): Promise<string> {
  const [row] = await tx.query<{ id: string }>(
    `insert into dispute_comments (dispute_id, author_id, body, created_at) values ($1, $2, $3, $4) returning id`,
    [c.disputeId, c.authorId, c.body, c.createdAt],
  );
  return row!.id;
}

export interface CommentRow {
  id: string;
  author: { id: string; name: string; role: 'client' | 'contractor' | 'admin' };
  body: string;
  createdAt: Date;
}

/** A dispute's thread, oldest first. */
export async function findDisputeComments(q: Queryable, disputeId: string): Promise<CommentRow[]> {
  const rows = await q.query<CommentRow>(
    `select m.id, json_build_object('id', u.id, 'name', u.name, 'role', u.role) as author, m.body, m.created_at as "createdAt"
       from dispute_comments m join users u on u.id = m.author_id
      where m.dispute_id = $1
      order by m.created_at, m.id`,
    [disputeId],
  );
  return rows.map((r) => ({ ...r, createdAt: new Date(r.createdAt) }));
}

/**
 * Escalates the open disputes whose answer window has closed (all of them, or one), with their
 * audit rows, in one statement: safe when several API instances run it at once (a dispute
 * another statement escalated first no longer matches `status = 'open'`). Returns their ids.
 */
export async function escalateOverdue(q: Queryable, now: Date, disputeId?: string): Promise<string[]> {
  const params: unknown[] = [now];
  let only = '';
  if (disputeId) {
    params.push(disputeId);
    only = `and id = $2`;
  }
  const rows = await q.query<{ id: string }>(
    `with escalated as (
       update disputes set status = 'escalated', escalated_at = answer_due
        where status = 'open' and answer_due <= $1 ${only}
        returning id, contract_id, week_start, answer_due
     ), audited as (
       insert into audit_log (at, actor_id, action, contract_id, week_start, dispute_id, subject, before, after)
       select e.answer_due, null, 'dispute.escalated', e.contract_id, e.week_start, e.id, null,
              '{"status":"open"}'::jsonb, '{"status":"escalated","reason":"no answer within 3 days"}'::jsonb
         from escalated e
     )
     select id from escalated`,
    params,
  );
  return rows.map((r) => r.id);
}

/** Which of these slots of the contract have been in a dispute (any status): a slot is disputed once, ever. */
export async function findDisputedSlots(q: Queryable, contractId: string, starts: Date[]): Promise<Map<number, DisputeSlotStatus>> {
  const rows = await q.query<{ start: Date; status: DisputeSlotStatus }>(
    `select slot_start as start, status from dispute_slots where contract_id = $1 and slot_start = any($2::timestamptz[])`,
    [contractId, starts],
  );
  return new Map(rows.map((r) => [new Date(r.start).getTime(), r.status]));
}

/** Which of these slots of the contract exist, and whether each was deleted. */
export async function findSlotPresence(q: Queryable, contractId: string, starts: Date[]): Promise<Map<number, { deleted: boolean }>> {
  const rows = await q.query<{ start: Date; deleted: boolean }>(
    `select start, deleted_at is not null as deleted from slots where contract_id = $1 and start = any($2::timestamptz[])`,
    [contractId, starts],
  );
  return new Map(rows.map((r) => [new Date(r.start).getTime(), { deleted: r.deleted }]));
}
