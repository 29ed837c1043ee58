// The slots of disputes and their threads: each slot's answer or resolution, and the comments.
import type { Queryable } from '../db/client.ts';
import type { DisputeSlotStatus } from '#contract/disputes.ts';
import type { SlotKind } from '#contract/week.ts';

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
