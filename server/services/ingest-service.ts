// One slot from the tracker, all or nothing. The upload is judged against what is stored at
// its instant before any work (a replay answers at once, a conflict costs no thumbnail); then
// the image and its thumbnail are written to the blob store; then one transaction, under the
// week's lock, judges again and inserts the screenshot row and the slot. A crash before the
// commit leaves only blobs no row references, which the orphan sweep removes later.
import type { SlotUploaded, SlotUploadMeta } from '../../contract/trackers.ts';
import type { Database, Queryable } from '../db/client.ts';
import type { ContractRow as Contract } from '../data/contracts.ts';
import type { TrackerIdentity } from '../data/trackers.ts';
import { lockWeek } from '../data/weeks.ts';
import { activeMinutes, capturedInside, judgeUpload, type SlotPayload, type StoredSlot } from '../domain/ingest.ts';
import { weekActions } from '../domain/lifecycle.ts';
import { weekKey, weekStartOf } from '../domain/week.ts';
import { HttpProblem } from '../lib/problem.ts';
import { BlobStoreUnavailableError, sha256Hex, type BlobStore } from '../storage/blob-store.ts';
import {
  ImageRefusedError,
  inspectImage,
  storeScreenshot,
  UndecodableImageError,
  UnsupportedImageError,
  type ImageInfo,
  type StoredImage,
} from '../storage/screenshots.ts';

export interface Upload {
  meta: SlotUploadMeta;
  screenshot: Buffer | null;
}

/** Seconds a tracker waits before sending again an upload the blob store could not take. */
const BLOB_RETRY_AFTER_S = 60;

/** The image's own checks: its format by content (415) and its size, frames and scans (422), before anything is stored. */
async function checkImage(bytes: Buffer): Promise<ImageInfo> {
  try {
    return await inspectImage(bytes);
  } catch (err) {
    if (err instanceof ImageRefusedError) throw new HttpProblem(422, err.message, [{ field: 'screenshot', message: err.rule }]);
    if (err instanceof UnsupportedImageError) {
      throw new HttpProblem(415, `${err.message} Send the screenshot as PNG, JPEG or WebP.`, [{ field: 'screenshot', message: 'must be a PNG, JPEG or WebP image' }]);
    }
    throw err;
  }
}

/**
 * Stores the image and its thumbnail. Pixels that cannot be decoded are the image's fault
 * (422: the tracker must not send it again); a store that cannot be written is ours (503: it
 * will, later). Either way no row is written, so none names a blob that is not whole.
 */
async function keepScreenshot(blobs: BlobStore, namespace: string, bytes: Buffer, info: ImageInfo & { sha256: string }): Promise<StoredImage> {
  try {
    return await storeScreenshot(blobs, namespace, bytes, info);
  } catch (err) {
    if (err instanceof UndecodableImageError) {
      throw new HttpProblem(422, `${err.message} Capture the screen again and send the new image.`, [{ field: 'screenshot', message: 'must be a complete, undamaged image' }]);
    }
    if (err instanceof BlobStoreUnavailableError) {
      throw new HttpProblem(503, `${err.message} The upload was not kept; send it again in a minute.`, undefined, { 'Retry-After': String(BLOB_RETRY_AFTER_S) });
    }
    throw err;
  }
}

function checkCapture(start: Date, meta: SlotUploadMeta, hasScreenshot: boolean): Date | null {
  const field = 'meta.capturedAt';
  if (!hasScreenshot) {
    if (meta.capturedAt) {
      throw new HttpProblem(400, 'The upload has a capture instant but no screenshot: leave capturedAt out when no screenshot is sent.', [
        { field, message: 'must be left out (or null) without a screenshot' },
      ]);
    }
    return null;
  }
  if (!meta.capturedAt) {
    throw new HttpProblem(400, 'A screenshot needs the instant it was captured: set meta.capturedAt.', [{ field, message: 'is required with a screenshot' }]);
  }
  const capturedAt = new Date(meta.capturedAt);
  if (!capturedInside(start, capturedAt)) {
    const end = new Date(start.getTime() + 600_000).toISOString();
    throw new HttpProblem(400, `The screenshot must be captured inside its slot, from ${start.toISOString()} to before ${end}; it says ${capturedAt.toISOString()}.`, [
      { field, message: `must be at or after ${start.toISOString()} and before ${end}` },
    ]);
  }
  return capturedAt;
}

type Verdict = { kind: 'new' } | { kind: 'unchanged'; duplicate: boolean };

/** What is stored at the upload's instant (on any of the contractor's contracts) and the week's approval kind. */
type AtInstant = Omit<StoredSlot, 'capturedAt' | 'contractId'> & {
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
         s.screenshot_sha256 as "screenshotSha256", s.captured_at as "capturedAt", s.deleted_at is not null as deleted,
         s.duplicate, a.kind as approval
    from (select 1) as one
    left join slots s on s.contractor_id = ${contractor} and s.start = ${start}
    left join week_approvals a on a.contract_id = ${contract} and a.week_start = ${weekStart}`;

/**
 * The verdict on the upload against what is stored at its instant: a conflict throws; a replay
 * answers with the stored facts; a new slot is then judged against the week's approval and
 * edit deadline.
 */
function verdictOn(r: AtInstant, contract: Contract, start: Date, payload: SlotPayload, now: Date): Verdict {
  const stored: StoredSlot | null = r.contractId ? { ...r, contractId: r.contractId, capturedAt: r.capturedAt ? new Date(r.capturedAt) : null } : null;
  const verdict = judgeUpload(contract.id, start, payload, stored);
  if (verdict.kind === 'conflict') throw new HttpProblem(verdict.status, verdict.reason);
  if (verdict.kind === 'unchanged') return { kind: 'unchanged', duplicate: r.duplicate };
  const weekStart = weekStartOf(start);
  const edit = weekActions(weekStart, now, r.approval ? { kind: r.approval } : null).edit;
  if (!edit.ok) throw new HttpProblem(409, `Slots can no longer be uploaded to the week of ${weekKey(weekStart)}: ${edit.reason}`);
  return verdict;
}

/** Judges the upload in one query (see `verdictOn`). */
async function judge(q: Queryable, contract: Contract, start: Date, payload: SlotPayload, now: Date): Promise<Verdict> {
  const rows = await q.query<AtInstant>(atInstant('$1', '$2', '$3', '$4'), [contract.contractor.id, start, contract.id, weekStartOf(start)]);
  return verdictOn(rows[0]!, contract, start, payload, now);
}

/**
 * Under the week's lock, in one statement: reads what is stored at the instant and the week's
 * approval, and only when there is neither (the edit deadline was judged before, at the same
 * clock) inserts the screenshot row (once per contract), flags the contract's other slots
 * showing the same image (only when the image row was there already: a new row means no slot
 * shows it yet), inserts the slot, flagged when others were, and appends the audit entry.
 * `created` is the new slot's duplicate flag, or null when nothing was inserted.
 * The audit row is the one appendAudit writes (`before` is JSON null, as JSON.stringify(null)).
 */
const WRITE_SLOT = `
  with cur as (${atInstant('$2::uuid', '$3::timestamptz', '$1::uuid', '$4::timestamptz')}),
  ok as (select 1 from cur where cur."contractId" is null and cur.approval is null),
  shot as (
    insert into screenshots (contract_id, sha256, mime, bytes, width, height, thumb_sha256, thumb_bytes, created_at)
    select $1::uuid, $11::text, $13::text, $14::int, $15::int, $16::int, $17::text, $18::int, $12::timestamptz
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
                       screenshot_sha256, captured_at, duplicate, created_at)
    select $1::uuid, $2::uuid, $3::timestamptz, 'tracked', $5::int[], $6::int[], $7::int, $8::text, $9::text,
           $11::text, $10::timestamptz, exists (select 1 from dup), $12::timestamptz
      from ok
    on conflict do nothing returning duplicate
  ),
  audit as (
    insert into audit_log (at, actor_id, action, contract_id, week_start, subject, before, after)
    select $12::timestamptz, $19::uuid, 'slot.uploaded', $1::uuid, $4::timestamptz, $20::text, 'null'::jsonb,
           jsonb_build_object('device', $21::jsonb, 'activeMinutes', $7::int, 'screenshotSha256', $11::text, 'duplicate', ins.duplicate)
      from ins
  )
  select cur.*, (select duplicate from ins) as created from cur`;

export async function ingestSlot(
  database: Database,
  blobs: BlobStore,
  tracker: TrackerIdentity,
  contract: Contract,
  start: Date,
  upload: Upload,
  now: Date,
): Promise<SlotUploaded & { httpStatus: 200 | 201 }> {
  const { meta, screenshot } = upload;
  const capturedAt = checkCapture(start, meta, screenshot !== null);
  const info = screenshot ? await checkImage(screenshot) : null;
  const sha256 = screenshot ? sha256Hex(screenshot) : null;
  const payload: SlotPayload = {
    keyboard: meta.keyboard,
    mouse: meta.mouse,
    memo: meta.memo,
    windowTitle: meta.windowTitle,
    screenshotSha256: sha256,
    capturedAt,
  };
  const active = activeMinutes(meta.keyboard, meta.mouse);
  const answer = (status: 'created' | 'unchanged', duplicate: boolean) => ({
    contractId: contract.id,
    start: start.toISOString(),
    status,
    duplicate,
    activeMinutes: active,
    httpStatus: status === 'created' ? (201 as const) : (200 as const),
  });

  // Before any work: a replay is answered at once, a conflict or a closed week costs nothing.
  const early = await judge(database, contract, start, payload, now);
  if (early.kind === 'unchanged') return answer('unchanged', early.duplicate);

  const stored = screenshot && info && sha256 ? await keepScreenshot(blobs, contract.id, screenshot, { ...info, sha256 }) : null;
  const weekStart = weekStartOf(start);
  return database.transaction(async (tx) => {
    await lockWeek(tx, contract.id, weekStart);
    const [row] = await tx.query<AtInstant & { created: boolean | null }>(WRITE_SLOT, [
      contract.id,
      contract.contractor.id,
      start,
      weekStart,
      meta.keyboard,
      meta.mouse,
      active,
      meta.memo,
      meta.windowTitle,
      capturedAt,
      stored?.sha256 ?? null,
      now,
      stored?.mime ?? null,
      stored?.bytes ?? null,
      stored?.width ?? null,
      stored?.height ?? null,
      stored?.thumbSha256 ?? null,
      stored?.thumbBytes ?? null,
      tracker.user.id,
      start.toISOString(),
      JSON.stringify(tracker.device),
    ]);
    if (row!.created !== null) return answer('created', row!.created);
    const verdict = verdictOn(row!, contract, start, payload, now);
    if (verdict.kind === 'unchanged') return answer('unchanged', verdict.duplicate);
    // Nothing stored and no approval, yet not inserted: another contract's upload for the same
    // instant committed meanwhile (its week's lock is not ours).
    await judge(tx, contract, start, payload, now);
    throw new HttpProblem(409, `You already have a slot at ${start.toISOString()}: the same 10 minutes cannot be billed twice.`);
  });
}
