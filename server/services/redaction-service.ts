// Redact, but prove: within the edit window the contractor replaces a slot's screenshot with a
// blurred copy. The original's bytes are deleted for good; its sha256 stays on the contract's
// chain (the slot's receipt, and a redaction receipt naming both hashes), so the week's seal
// and evidence pack still prove that a screenshot existed, and when. A contract keeps a few
// redacted slots a week billable (3 by default); past that, or when its terms say so, a
// redaction costs the slot's time, as a deletion does. On a blur-all contract the blurred copy
// is there already: a redaction deletes the original kept encrypted.
import type { SlotDetail } from '#contract/week.ts';
import type { ContractRow as Contract } from '../data/contracts.ts';
import type { Database } from '../db/client.ts';
import { appendAudit } from '../data/audit.ts';
import { clearIntent, recordIntent } from '../data/blob-intents.ts';
import { countWeekRedactions, findRedactionTerms, insertScreenshotRow, markSlotRedacted } from '../data/redactions.ts';
import { deleteUnusedOriginal } from '../data/originals.ts';
import { deleteUnusedScreenshot } from '../data/screenshots.ts';
import { findSlot, lockSlot, markSlotDeleted } from '../data/slots.ts';
import type { User } from '../data/users.ts';
import { addWeeks, weekStartOf } from '../domain/week.ts';
import { HttpProblem, unavailable } from '../lib/problem.ts';
import { BlobStoreUnavailableError, type BlobStore } from '../storage/blob-store.ts';
import { blurredCopy, storeScreenshot } from '../storage/screenshots.ts';
import { chainReceipts } from './chain-service.ts';
import { eraseScreenshot, heldProblem, openWeekForEdit, requireContractor, slotDetail, slotNotFound } from './slot-service.ts';

/** The blurred copy of the slot's stored screenshot, written with its intent recorded. */
async function storeBlurredCopy(database: Database, blobs: BlobStore, contractId: string, start: Date, sha256: string) {
  let intent: number | null = null;
  try {
    const bytes = await blobs.get(contractId, sha256);
    if (!bytes) throw new HttpProblem(409, `The screenshot of the slot starting ${start.toISOString()} is no longer stored.`);
    const image = await storeScreenshot(blobs, contractId, await blurredCopy(bytes), undefined, async (keys) => {
      intent = await recordIntent(database, contractId, keys);
    });
    return { image, intent: intent as number | null };
  } catch (err) {
    if (err instanceof BlobStoreUnavailableError) throw unavailable(`${err.message} Nothing was redacted; try again in a minute.`, 60);
    throw err;
  }
}

export async function redactSlot(database: Database, blobs: BlobStore, user: User, contract: Contract, start: Date, now: Date): Promise<SlotDetail> {
  requireContractor(user, contract, 'redact its screenshots');
  // Judged first outside the lock (no image work for a refusal), and again under it.
  const before = await findSlot(database, contract.id, start);
  if (!before || before.deletedAt) throw slotNotFound(start);
  if (!before.screenshot) throw new HttpProblem(409, `The slot starting ${start.toISOString()} has no screenshot to redact.`);
  if (before.redactedAt) throw new HttpProblem(409, `The screenshot of the slot starting ${start.toISOString()} is redacted already.`);
  const shown = before.screenshot;
  // On a blur-all contract everyone sees a blurred copy already: the redaction deletes the original kept encrypted.
  const blurred = contract.privacy.blurAll ? null : await storeBlurredCopy(database, blobs, contract.id, start, shown.sha256);
  const weekStart = weekStartOf(start);
  const outcome = await database.transaction(async (tx) => {
    await openWeekForEdit(tx, contract, start, now);
    const slot = await lockSlot(tx, contract.id, start);
    if (!slot) throw slotNotFound(start);
    if (slot.held) throw heldProblem(start);
    if (slot.sha !== shown.sha256) throw new HttpProblem(409, `The slot starting ${start.toISOString()} changed meanwhile; look at it again.`);
    if (blurred?.intent != null) await clearIntent(tx, blurred.intent);
    const originalSha256 = slot.original ?? shown.sha256;
    const blurredSha256 = blurred?.image.sha256 ?? shown.sha256;
    const [terms, used] = await Promise.all([findRedactionTerms(tx, contract.id), countWeekRedactions(tx, contract.id, weekStart, addWeeks(weekStart, 1))]);
    const billable = terms.redactedBillable && used < terms.redactionsPerWeek;
    if (blurred) await insertScreenshotRow(tx, contract.id, blurred.image, now);
    await markSlotRedacted(tx, contract.id, start, blurredSha256, now);
    await chainReceipts(tx, contract.id, [
      { type: 'redaction', contract: contract.id, start: start.toISOString(), originalSha256, blurredSha256, at: now.toISOString() },
    ]);
    // Over the week's allowance the redaction costs the slot's time, as a deletion does.
    if (!billable) {
      await markSlotDeleted(tx, contract.id, start, now);
      await chainReceipts(tx, contract.id, [{ type: 'delete', contract: contract.id, start: start.toISOString(), at: now.toISOString() }]);
    }
    await appendAudit(tx, {
      at: now,
      actorId: user.id,
      action: 'slot.redacted',
      contractId: contract.id,
      weekStart,
      subject: start.toISOString(),
      before: { screenshotSha256: originalSha256 },
      after: { screenshotSha256: billable ? blurredSha256 : null, billable, redactionsThisWeek: used + 1, allowance: terms.redactedBillable ? terms.redactionsPerWeek : 0 },
    });
    // The original's bytes go for good: the plain image (unless another slot shows it), or the encrypted one.
    const erased = blurred ? await deleteUnusedScreenshot(tx, contract.id, shown.sha256) : null;
    const originalKey = slot.original ? await deleteUnusedOriginal(tx, contract.id, slot.original) : null;
    return { erased, originalKey, billable };
  });
  await eraseScreenshot(blobs, contract.id, outcome.erased, [outcome.originalKey]);
  return slotDetail(database, contract, start, now);
}
