// One slot from the tracker, all or nothing. The upload is judged against what is stored at
// its instant before any work (a replay answers at once, a conflict costs no thumbnail); then
// the image and its thumbnail are written to the blob store; then one transaction, under the
// week's lock, judges again, inserts the screenshot row and the slot, and appends the audit
// entry. A crash before the
// commit leaves only blobs no row references, which the orphan sweep removes later.
import type { Receipt } from '#contract/receipts.ts';
import type { SlotUploaded, SlotUploadMeta } from '#contract/trackers.ts';
import type { Database } from '../db/client.ts';
import { appendAudit } from '../data/audit.ts';
import { chainReceipts, signedSlotFields, slotReceipt } from './chain-service.ts';
import { deviceSignature } from './device-key-service.ts';
import { clearIntent, recordIntent } from '../data/blob-intents.ts';
import type { ContractRow as Contract } from '../data/contracts.ts';
import { insertKeptOriginal, type KeptOriginal } from '../data/originals.ts';
import type { TrackerIdentity } from '../data/trackers.ts';
import { findAtInstant, insertUploadedSlot, type AtInstant } from '../data/uploads.ts';
import { lockWeek } from '../data/weeks.ts';
import { activeMinutes, capturedInside, judgeUpload, type SlotPayload, type StoredSlot } from '../domain/ingest.ts';
import { weekActions } from '../domain/lifecycle.ts';
import { weekKey, weekStartOf } from '../domain/week.ts';
import { encryptOriginal } from '../lib/originals-vault.ts';
import { HttpProblem, unavailable } from '../lib/problem.ts';
import { sealKey } from '../lib/seal-key.ts';
import { overCapCheck } from '../notify/events.ts';
import { BlobStoreUnavailableError, sha256Hex, type BlobStore } from '../storage/blob-store.ts';
import {
  blurredCopy,
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
 * Stores the image and its thumbnail (`store`). Pixels that cannot be decoded are the image's
 * fault (422: the tracker must not send it again); a store that cannot be written is ours (503:
 * it will, later). Either way no row is written, so none names a blob that is not whole.
 */
async function keepScreenshot<T>(store: () => Promise<T>): Promise<T> {
  try {
    return await store();
  } catch (err) {
    if (err instanceof UndecodableImageError) {
      throw new HttpProblem(422, `${err.message} Capture the screen again and send the new image.`, [{ field: 'screenshot', message: 'must be a complete, undamaged image' }]);
    }
    if (err instanceof BlobStoreUnavailableError) {
      throw unavailable(`${err.message} The upload was not kept; send it again in a minute.`, BLOB_RETRY_AFTER_S);
    }
    throw err;
  }
}

/**
 * On a blur-all contract: the blurred copy is what is stored and shown, and the original is
 * kept encrypted (lib/originals-vault.ts) for an admin's look on an escalated dispute.
 */
async function storeBlurred(blobs: BlobStore, contractId: string, bytes: Buffer, sha256: string, mime: string, beforeWrite: (keys: string[]) => Promise<void>) {
  const key = sealKey();
  const sealed = encryptOriginal(key, contractId, sha256, bytes);
  const sealedSha = sha256Hex(sealed);
  // The encrypted original is written beside the shown copy's blobs, named by the same intent.
  const image = await storeScreenshot(blobs, contractId, await blurredCopy(bytes), undefined, beforeWrite, [{ bytes: sealed, sha256: sealedSha }]);
  const original: KeptOriginal = { sha256, blobSha256: sealedSha, mime, bytes: bytes.length, keyId: key.id };
  return { image, original };
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
  const accepted = { start, kind: 'tracked', capturedAt, screenshotSha256: sha256, keyboard: meta.keyboard, mouse: meta.mouse, memo: meta.memo, windowTitle: meta.windowTitle } as const;
  const device = deviceSignature(tracker, signedSlotFields(contract.id, accepted), meta.signature);
  const active = activeMinutes(meta.keyboard, meta.mouse);
  const answer = (status: 'created' | 'unchanged', duplicate: boolean) => ({
    contractId: contract.id,
    start: start.toISOString(),
    status,
    duplicate,
    activeMinutes: active,
    httpStatus: status === 'created' ? (201 as const) : (200 as const),
  });

  const target = { contractId: contract.id, contractorId: contract.contractor.id, start, weekStart: weekStartOf(start) };
  // Before any work: a replay is answered at once, a conflict or a closed week costs nothing.
  const early = verdictOn(await findAtInstant(database, target), contract, start, payload, now);
  if (early.kind === 'unchanged') return answer('unchanged', early.duplicate);

  // The blobs' intent is recorded before they are written and cleared with the slot's row, so
  // the orphan sweep never takes the blobs of an upload in flight (services/orphan-sweep.ts).
  const intent: { id: number | null } = { id: null };
  const recordKeys = async (keys: string[]) => {
    intent.id = await recordIntent(database, contract.id, keys);
  };
  let stored: StoredImage | null = null;
  let original: KeptOriginal | null = null;
  if (screenshot && info && sha256) {
    if (contract.privacy.blurAll) ({ image: stored, original } = await keepScreenshot(() => storeBlurred(blobs, contract.id, screenshot, sha256, info.mime, recordKeys)));
    else stored = await keepScreenshot(() => storeScreenshot(blobs, contract.id, screenshot, { ...info, sha256 }, recordKeys));
  }
  return database.transaction(async (tx) => {
    await lockWeek(tx, contract.id, target.weekStart);
    if (intent.id !== null) await clearIntent(tx, intent.id);
    const row = await insertUploadedSlot(tx, target, {
      keyboard: meta.keyboard,
      mouse: meta.mouse,
      activeMinutes: active,
      memo: meta.memo,
      windowTitle: meta.windowTitle,
      capturedAt,
      screenshot: stored,
      deviceSignature: device?.signature ?? null,
      originalSha256: original?.sha256 ?? null,
      createdAt: now,
    });
    if (row.created !== null) {
      const receipts: Receipt[] = [slotReceipt(contract.id, { ...accepted, device }, now)];
      if (original && stored) {
        await insertKeptOriginal(tx, contract.id, original, now);
        receipts.push({ type: 'blur', contract: contract.id, start: start.toISOString(), originalSha256: original.sha256, blurredSha256: stored.sha256, at: now.toISOString() });
      }
      await chainReceipts(tx, contract.id, receipts);
      await appendAudit(tx, {
        at: now,
        actorId: tracker.user.id,
        action: 'slot.uploaded',
        contractId: contract.id,
        weekStart: target.weekStart,
        subject: start.toISOString(),
        before: null,
        after: {
          device: tracker.device,
          activeMinutes: active,
          screenshotSha256: sha256,
          ...(original ? { blurredSha256: stored?.sha256 ?? null } : {}),
          duplicate: row.created,
        },
      });
      if (active > 0) await overCapCheck(tx, contract, target.weekStart, now);
      return answer('created', row.created);
    }
    const verdict = verdictOn(row, contract, start, payload, now);
    if (verdict.kind === 'unchanged') return answer('unchanged', verdict.duplicate);
    // Nothing stored and no approval, yet not inserted: another contract's upload for the same
    // instant committed meanwhile (its week's lock is not ours).
    verdictOn(await findAtInstant(tx, target), contract, start, payload, now);
    throw new HttpProblem(409, `You already have a slot at ${start.toISOString()}: the same 10 minutes cannot be billed twice.`);
  });
}
