// One slot from the tracker, all or nothing. The upload is judged against what is stored at
// its instant before any work (a replay answers at once, a conflict costs no thumbnail); then
// the image and its thumbnail are written to the blob store; then one transaction, under the
// week's lock, judges again and inserts the screenshot row and the slot. A crash before the
// commit leaves only blobs no row references, which the orphan sweep removes later.
import type { SlotUploaded, SlotUploadMeta } from '../../contract/trackers.ts';
import type { Database, Queryable } from '../db/client.ts';
import { appendAudit } from '../data/audit.ts';
import type { ContractRow as Contract } from '../data/contracts.ts';
import type { TrackerIdentity } from '../data/trackers.ts';
import { lockWeek } from '../data/weeks.ts';
import { activeMinutes, capturedInside, judgeUpload, type SlotPayload, type StoredSlot } from '../domain/ingest.ts';
import { weekActions } from '../domain/lifecycle.ts';
import { weekKey, weekStartOf } from '../domain/week.ts';
import { HttpProblem } from '../lib/problem.ts';
import { sha256Hex, type BlobStore } from '../storage/blob-store.ts';
import { ImageTooLargeError, inspectImage, storeScreenshot, UnsupportedImageError, type ImageInfo } from '../storage/screenshots.ts';

export interface Upload {
  meta: SlotUploadMeta;
  screenshot: Buffer | null;
}

/** The image's own checks: its format by content (415) and its pixels (422), before anything is stored. */
async function checkImage(bytes: Buffer): Promise<ImageInfo> {
  try {
    return await inspectImage(bytes);
  } catch (err) {
    if (err instanceof ImageTooLargeError) throw new HttpProblem(422, err.message, [{ field: 'screenshot', message: 'must be at most 40 megapixels' }]);
    if (err instanceof UnsupportedImageError) {
      throw new HttpProblem(415, `${err.message} Send the screenshot as PNG, JPEG or WebP.`, [{ field: 'screenshot', message: 'must be a PNG, JPEG or WebP image' }]);
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

/**
 * Judges the upload, in one query: against whatever the contractor has at this instant on any
 * of their contracts (a conflict throws; a replay answers with the stored facts), then, for a
 * new slot, against the week's approval and edit deadline.
 */
async function judge(q: Queryable, contract: Contract, start: Date, payload: SlotPayload, now: Date): Promise<Verdict> {
  const weekStart = weekStartOf(start);
  const rows = await q.query<
    Omit<StoredSlot, 'capturedAt' | 'contractId'> & { contractId: string | null; capturedAt: Date | string | null; duplicate: boolean; approval: 'manual' | 'auto' | null }
  >(
    `select s.contract_id as "contractId", s.kind, s.keyboard, s.mouse, s.memo, s.window_title as "windowTitle",
            s.screenshot_sha256 as "screenshotSha256", s.captured_at as "capturedAt", s.deleted_at is not null as deleted,
            s.duplicate, a.kind as approval
       from (select 1) as one
       left join slots s on s.contractor_id = $1 and s.start = $2
       left join week_approvals a on a.contract_id = $3 and a.week_start = $4`,
    [contract.contractor.id, start, contract.id, weekStart],
  );
  const r = rows[0]!;
  const stored: StoredSlot | null = r.contractId ? { ...r, contractId: r.contractId, capturedAt: r.capturedAt ? new Date(r.capturedAt) : null } : null;
  const verdict = judgeUpload(contract.id, start, payload, stored);
  if (verdict.kind === 'conflict') throw new HttpProblem(verdict.status, verdict.reason);
  if (verdict.kind === 'unchanged') return { kind: 'unchanged', duplicate: r.duplicate };
  const edit = weekActions(weekStart, now, r.approval ? { kind: r.approval } : null).edit;
  if (!edit.ok) throw new HttpProblem(409, `Slots can no longer be uploaded to the week of ${weekKey(weekStart)}: ${edit.reason}`);
  return verdict;
}

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
  const payload: SlotPayload = {
    keyboard: meta.keyboard,
    mouse: meta.mouse,
    memo: meta.memo,
    windowTitle: meta.windowTitle,
    screenshotSha256: screenshot ? sha256Hex(screenshot) : null,
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

  const stored = screenshot && info ? await storeScreenshot(blobs, contract.id, screenshot, info) : null;
  const weekStart = weekStartOf(start);
  return database.transaction(async (tx) => {
    await lockWeek(tx, contract.id, weekStart);
    const verdict = await judge(tx, contract, start, payload, now);
    if (verdict.kind === 'unchanged') return answer('unchanged', verdict.duplicate);
    let duplicate = false;
    if (stored) {
      const fresh = await tx.query(
        `insert into screenshots (contract_id, sha256, mime, bytes, width, height, thumb_sha256, thumb_bytes, created_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9) on conflict (contract_id, sha256) do nothing returning 1`,
        [contract.id, stored.sha256, stored.mime, stored.bytes, stored.width, stored.height, stored.thumbSha256, stored.thumbBytes, now],
      );
      // The same image on another slot of the contract: stored once, and both flagged. A new
      // image row means no slot shows the image yet (slots reference the row): nothing to flag.
      if (fresh.length === 0) {
        const others = await tx.query(
          `update slots set duplicate = true where contract_id = $1 and screenshot_sha256 = $2 and start <> $3 returning 1`,
          [contract.id, stored.sha256, start],
        );
        duplicate = others.length > 0;
      }
    }
    const inserted = await tx.query(
      `insert into slots (contract_id, contractor_id, start, kind, keyboard, mouse, active_minutes, memo, window_title,
                          screenshot_sha256, captured_at, duplicate, created_at)
       values ($1, $2, $3, 'tracked', $4, $5, $6, $7, $8, $9, $10, $11, $12)
       on conflict do nothing returning 1`,
      [contract.id, contract.contractor.id, start, meta.keyboard, meta.mouse, active, meta.memo, meta.windowTitle, stored?.sha256 ?? null, capturedAt, duplicate, now],
    );
    if (inserted.length === 0) {
      // Another contract's upload for the same instant committed meanwhile (its week's lock is not ours).
      await judge(tx, contract, start, payload, now);
      throw new HttpProblem(409, `You already have a slot at ${start.toISOString()}: the same 10 minutes cannot be billed twice.`);
    }
    await appendAudit(tx, {
      at: now,
      actorId: tracker.user.id,
      action: 'slot.uploaded',
      contractId: contract.id,
      weekStart,
      subject: start.toISOString(),
      before: null,
      after: { device: tracker.device, activeMinutes: active, screenshotSha256: stored?.sha256 ?? null, duplicate },
    });
    return answer('created', duplicate);
  });
}
