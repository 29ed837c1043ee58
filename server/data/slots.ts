import type { Queryable } from '../db/client.ts';
import { SLOTS_PER_WEEK } from '#contract/common.ts';
import type { DisputeSlotStatus, DisputeStatus } from '#contract/disputes.ts';
import type { SlotKind } from '#contract/week.ts';

export interface WeekSlotRow {
  /** 10-minute steps from the week's start. */
  o: number;
  kind: SlotKind;
  active: number;
  memo: string;
  title: string;
  shot: boolean;
  dup: boolean;
  /** The slot's status in its dispute, if it is in one. */
  ds: DisputeSlotStatus | null;
  /** When the contractor deleted it, or null for a live slot. */
  deletedAt: Date | null;
}

/**
 * The slots of one contract's week in time order, the live ones first and then the deleted
 * ones (weekState sets those apart, so nothing bills them; the diary shows them as deleted),
 * with `ds` still null: the week's dispute rows come with its context (findWeekContext) and
 * `withDisputes` merges them. As one left join to dispute_slots, the prepared statement's
 * cached generic plan (planned for any week) looped over dispute_slots once per slot, three
 * times slower than the two reads. Each branch is answered by its own partial index
 * (slots_week_idx, slots_deleted_idx: migrations 0004, 0007), without a heap page per slot.
 * Each branch also says what the planner cannot know, that a week holds at most 1,008
 * slots: the plan cache weighs the generic plan by the default guess for a range between two
 * parameters (0.5 % of the contract's rows), and for a contract with years of slots that
 * guess outgrew the week, so every read was planned anew (docs/scaling.md).
 */
const WEEK_SLOTS_SQL = `
  (select ((extract(epoch from start) - extract(epoch from $2::timestamptz)) / 600)::int as o,
          kind, active_minutes as active, memo, window_title as title,
          screenshot_sha256 is not null as shot, duplicate as dup, null as ds, null::timestamptz as "deletedAt"
     from slots
    where contract_id = $1 and start >= $2 and start < $3 and deleted_at is null
    order by start
    limit ${SLOTS_PER_WEEK})
  union all
  (select ((extract(epoch from start) - extract(epoch from $2::timestamptz)) / 600)::int,
          kind, 0, '', '', false, false, null, deleted_at
     from slots
    where contract_id = $1 and start >= $2 and start < $3 and deleted_at is not null
    order by start
    limit ${SLOTS_PER_WEEK})`;

export async function findWeekSlots(q: Queryable, contractId: string, weekStart: Date, weekEnd: Date): Promise<WeekSlotRow[]> {
  return q.query<WeekSlotRow>(WEEK_SLOTS_SQL, [contractId, weekStart, weekEnd]);
}

/** Sets each row's dispute status from the week's disputed offsets; returns the rows. */
export function withDisputes(rows: WeekSlotRow[], disputed: readonly { o: number; status: DisputeSlotStatus }[]): WeekSlotRow[] {
  if (disputed.length === 0) return rows;
  const status = new Map(disputed.map((d) => [d.o, d.status]));
  for (const r of rows) r.ds = status.get(r.o) ?? null;
  return rows;
}

/** Slot facts for several contracts' weeks at once (the contracts page); two reads merged, as in findWeekSlots. */
export async function findWeekSlotFacts(database: Queryable, contractIds: string[], weekStart: Date, weekEnd: Date) {
  if (contractIds.length === 0) return [];
  type Fact = { contractId: string; start: Date; kind: SlotKind; active: number; ds: DisputeSlotStatus | null };
  const [facts, disputed] = await Promise.all([
    database.query<Fact>(
      `select contract_id as "contractId", start, kind, active_minutes as active, null as ds
         from slots
        where contract_id = any($1::uuid[]) and start >= $2 and start < $3 and deleted_at is null
        order by contract_id, start`,
      [contractIds, weekStart, weekEnd],
    ),
    database.query<{ contractId: string; start: Date; status: DisputeSlotStatus }>(
      `select contract_id as "contractId", slot_start as start, status
         from dispute_slots
        where contract_id = any($1::uuid[]) and slot_start >= $2 and slot_start < $3`,
      [contractIds, weekStart, weekEnd],
    ),
  ]);
  if (disputed.length > 0) {
    const key = (contractId: string, start: Date | string) => `${contractId} ${new Date(start).getTime()}`;
    const status = new Map(disputed.map((d) => [key(d.contractId, d.start), d.status]));
    for (const f of facts) f.ds = status.get(key(f.contractId, f.start)) ?? null;
  }
  return facts.map(({ start: _start, ...f }) => f);
}

export interface SlotRow {
  start: Date;
  kind: SlotKind;
  keyboard: number[];
  mouse: number[];
  activeMinutes: number;
  memo: string;
  windowTitle: string;
  capturedAt: Date | null;
  duplicate: boolean;
  screenshot: { sha256: string; mime: string; bytes: number; width: number; height: number; thumbSha256: string; purgedAt?: string | null } | null;
}

/** A slot of the contract, deleted or not (`deletedAt`). */
export async function findSlot(
  database: Queryable,
  contractId: string,
  start: Date,
): Promise<(SlotRow & { deletedAt: Date | null; redactedAt: Date | null; blurred: boolean }) | null> {
  const rows = await database.query<SlotRow & { deletedAt: Date | null; redactedAt: Date | null; blurred: boolean }>(
    `select s.start, s.kind, s.keyboard, s.mouse, s.active_minutes as "activeMinutes", s.memo,
            s.window_title as "windowTitle", s.captured_at as "capturedAt", s.deleted_at as "deletedAt", s.duplicate,
            s.redacted_at as "redactedAt", s.original_sha256 is not null as blurred,
            case when i.sha256 is null then null else json_build_object(
              'sha256', i.sha256, 'mime', i.mime, 'bytes', i.bytes, 'width', i.width, 'height', i.height,
              'thumbSha256', i.thumb_sha256, 'purgedAt', i.purged_at) end as screenshot
       from slots s left join screenshots i on i.contract_id = s.contract_id and i.sha256 = s.screenshot_sha256
      where s.contract_id = $1 and s.start = $2`,
    [contractId, start],
  );
  const row = rows[0];
  if (!row) return null;
  // PGlite and pg both return timestamptz as Date; keep that explicit for callers.
  const at = (d: Date | null) => (d ? new Date(d) : null);
  return { ...row, start: new Date(row.start), capturedAt: at(row.capturedAt), deletedAt: at(row.deletedAt), redactedAt: at(row.redactedAt) };
}

/** The dispute a slot is in, if any. */
export async function findSlotDispute(q: Queryable, contractId: string, start: Date) {
  const rows = await q.query<{ id: string; status: DisputeStatus; answerDue: Date | string }>(
    `select d.id, d.status, d.answer_due as "answerDue" from dispute_slots x join disputes d on d.id = x.dispute_id
      where x.contract_id = $1 and x.slot_start = $2`,
    [contractId, start],
  );
  const r = rows[0];
  return r ? { id: r.id, status: r.status, answerDue: new Date(r.answerDue) } : null;
}

/** A live slot locked for an edit, with whether a dispute holds it (open or contested) or ever had it. */
export async function lockSlot(tx: Queryable, contractId: string, start: Date) {
  const rows = await tx.query<{ memo: string; kind: SlotKind; sha: string | null; original: string | null; held: boolean; disputed: boolean }>(
    `select s.memo, s.kind, s.screenshot_sha256 as sha, s.original_sha256 as original,
            coalesce(d.status in ('open', 'contested'), false) as held, d.status is not null as disputed
       from slots s left join dispute_slots d on d.contract_id = s.contract_id and d.slot_start = s.start
      where s.contract_id = $1 and s.start = $2 and s.deleted_at is null
      for update of s`,
    [contractId, start],
  );
  return rows[0] ?? null;
}

/** Marks the slot deleted: the row stays (the time is never added back) without its screenshot or title. */
export async function markSlotDeleted(tx: Queryable, contractId: string, start: Date, now: Date): Promise<void> {
  await tx.query(
    `update slots set deleted_at = $3, screenshot_sha256 = null, original_sha256 = null, window_title = '', duplicate = false
      where contract_id = $1 and start = $2`,
    [contractId, start, now],
  );
}

export async function setSlotMemo(tx: Queryable, contractId: string, start: Date, memo: string): Promise<void> {
  await tx.query(`update slots set memo = $3 where contract_id = $1 and start = $2`, [contractId, start, memo]);
}

/** The contractor's first slot at any of these instants, on any of their contracts, deleted or not. */
export async function findContractorSlotAt(q: Queryable, contractorId: string, starts: Date[]) {
  const rows = await q.query<{ start: Date | string; contractId: string; deleted: boolean }>(
    `select start, contract_id as "contractId", deleted_at is not null as deleted
       from slots where contractor_id = $1 and start = any($2::timestamptz[]) order by start limit 1`,
    [contractorId, starts],
  );
  const r = rows[0];
  return r ? { ...r, start: new Date(r.start) } : null;
}

export async function insertManualSlots(tx: Queryable, contractId: string, contractorId: string, starts: Date[], memo: string): Promise<void> {
  await tx.query(
    `insert into slots (contract_id, contractor_id, start, kind, keyboard, mouse, active_minutes, memo)
     select $1, $2, s, 'manual', '{}', '{}', 0, $4 from unnest($3::timestamptz[]) as s`,
    [contractId, contractorId, starts, memo],
  );
}

/** What the CSV adds to the week's slots, by offset: the screenshot, the activity per minute, the dispute status. */
export async function findWeekSlotExtras(q: Queryable, contractId: string, weekStart: Date, weekEnd: Date) {
  return q.query<{ o: number; sha: string | null; keyboard: number[]; mouse: number[]; ds: DisputeSlotStatus | null }>(
    `select ((extract(epoch from s.start) - extract(epoch from $2::timestamptz)) / 600)::int as o,
            s.screenshot_sha256 as sha, s.keyboard, s.mouse, d.status as ds
       from slots s left join dispute_slots d on d.contract_id = s.contract_id and d.slot_start = s.start
      where s.contract_id = $1 and s.start >= $2 and s.start < $3 and s.deleted_at is null order by s.start`,
    [contractId, weekStart, weekEnd],
  );
}
