// The tracker's upload of a slot: what is stored at its instant, and the one statement that
// writes the slot and its screenshot row when nothing is there yet.
import type { Queryable } from '../db/client.ts';
import type { StoredSlot } from '../domain/ingest.ts';
import type { SlotRow } from './slots.ts';

/** What is stored at the upload's instant (on any of the contractor's contracts) and the week's approval kind. */
export type AtInstant = Omit<StoredSlot, 'capturedAt' | 'contractId'> & {
  contractId: string | null;
  capturedAt: Date | string | null;
  duplicate: boolean;
  approval: 'manual' | 'auto' | null;
};

/**
 * `AtInstant` in SQL: one row, whatever is stored. The arguments are the placeholders of the
 * contractor, the start, the contract and the week's Monday.
 */
const atInstant = (contractor: string, start: string, contract: string, weekStart: string) => `
  select s.contract_id as "contractId", s.kind, s.keyboard, s.mouse, s.memo, s.window_title as "windowTitle",
         coalesce(s.original_sha256, s.screenshot_sha256) as "screenshotSha256", s.captured_at as "capturedAt", s.deleted_at is not null as deleted,
         s.duplicate, a.kind as approval
    from (select 1) as one
    left join slots s on s.contractor_id = ${contractor} and s.start = ${start}
    left join week_approvals a on a.contract_id = ${contract} and a.week_start = ${weekStart}`;

const AT_INSTANT = atInstant('$1', '$2', '$3', '$4');

export interface UploadTarget {
  contractId: string;
  contractorId: string;
  start: Date;
  weekStart: Date;
}

export async function findAtInstant(q: Queryable, t: UploadTarget): Promise<AtInstant> {
  const rows = await q.query<AtInstant>(AT_INSTANT, [t.contractorId, t.start, t.contractId, t.weekStart]);
  return rows[0]!;
}

/** A tracked slot as uploaded, with its stored screenshot's facts. */
export type UploadedSlot = Omit<SlotRow, 'start' | 'kind' | 'duplicate' | 'screenshot'> & {
  screenshot: (NonNullable<SlotRow['screenshot']> & { thumbBytes: number; sheetSha256?: string | null }) | null;
  /** The device key's signature (base64), or null when the tracker has no key. */
  deviceSignature: string | null;
  /** On a blur-all contract: the original's sha256 (`screenshot` is then the blurred copy). */
  originalSha256: string | null;
  createdAt: Date;
};

/**
 * In one statement (the caller holds the week's lock): reads what is stored at the instant and
 * the week's approval, and only when there is neither (the edit deadline was judged before, at
 * the same clock) inserts the screenshot row (once per contract), flags the contract's other
 * slots showing the same image (only when the image row was there already: a new row means no
 * slot shows it yet), and inserts the slot, flagged when others were. `created` is the new
 * slot's duplicate flag, or null when nothing was inserted.
 */
const WRITE_SLOT = `
  with cur as (${atInstant('$2::uuid', '$3::timestamptz', '$1::uuid', '$4::timestamptz')}),
  ok as (select 1 from cur where cur."contractId" is null and cur.approval is null),
  shot as (
    insert into screenshots (contract_id, sha256, mime, bytes, width, height, thumb_sha256, thumb_bytes, created_at, sheet_sha256)
    select $1::uuid, $11::text, $13::text, $14::int, $15::int, $16::int, $17::text, $18::int, $12::timestamptz, $21::text
      from ok where $11::text is not null
    on conflict (contract_id, sha256) do nothing returning 1
  ),
  dup as (
    update slots set duplicate = true
     where contract_id = $1::uuid and screenshot_sha256 = $11::text and start <> $3::timestamptz
       and exists (select 1 from ok) and not exists (select 1 from shot)
    returning 1
  ),
  ins as (
    insert into slots (contract_id, contractor_id, start, kind, keyboard, mouse, active_minutes, memo, window_title,
                       screenshot_sha256, captured_at, duplicate, created_at, device_signature, original_sha256)
    select $1::uuid, $2::uuid, $3::timestamptz, 'tracked', $5::int[], $6::int[], $7::int, $8::text, $9::text,
           $11::text, $10::timestamptz, exists (select 1 from dup), $12::timestamptz, $19::text, $20::text
      from ok
    on conflict do nothing returning duplicate
  )
  select cur.*, (select duplicate from ins) as created from cur`;

export async function insertUploadedSlot(tx: Queryable, t: UploadTarget, slot: UploadedSlot): Promise<AtInstant & { created: boolean | null }> {
  const shot = slot.screenshot;
  const rows = await tx.query<AtInstant & { created: boolean | null }>(WRITE_SLOT, [
    t.contractId,
    t.contractorId,
    t.start,
    t.weekStart,
    slot.keyboard,
    slot.mouse,
    slot.activeMinutes,
    slot.memo,
    slot.windowTitle,
    slot.capturedAt,
    shot?.sha256 ?? null,
    slot.createdAt,
    shot?.mime ?? null,
    shot?.bytes ?? null,
    shot?.width ?? null,
    shot?.height ?? null,
    shot?.thumbSha256 ?? null,
    shot?.thumbBytes ?? null,
    slot.deviceSignature,
    slot.originalSha256,
    shot?.sheetSha256 ?? null,
  ]);
  return rows[0]!;
}
