// Retention (WORKDIARY_RETENTION_DAYS): the bytes of screenshots older than N days are deleted,
// their thumbnails with them; the rows, the hashes and the receipts stay, so the chain, the seals
// and the evidence packs still prove what was there ("screenshot deleted by retention on …").
// A screenshot of a week with a dispute still open or escalated is kept until it settles. The
// encrypted originals behind a blur-all contract's blurred copies go with them.
import type { Database } from '../db/client.ts';
import { deleteOriginalsShownAs } from '../data/originals.ts';
import { findExpiredScreenshots, markScreenshotPurged } from '../data/retention.ts';
import type { BlobStore } from '../storage/blob-store.ts';
import { eraseScreenshot } from './slot-service.ts';

const DAY_MS = 86_400_000;
const BATCH = 200;

/** Purges what is due at `now` (the app's clock: slots are dated by it); returns how many screenshots. */
export async function purgeExpiredScreenshots(database: Database, blobs: BlobStore, now: Date, days: number): Promise<number> {
  const before = new Date(now.getTime() - days * DAY_MS);
  let purged = 0;
  for (;;) {
    const batch = await findExpiredScreenshots(database, before, BATCH);
    for (const s of batch) {
      // The row says so first: a store that is down leaves files the orphan sweep removes later.
      // A blurred copy takes the encrypted originals behind it along.
      const originals = await database.transaction(async (tx) => {
        await markScreenshotPurged(tx, s.contractId, s.sha256, now);
        return deleteOriginalsShownAs(tx, s.contractId, s.sha256);
      });
      await eraseScreenshot(blobs, s.contractId, s, originals);
    }
    purged += batch.length;
    if (batch.length < BATCH) return purged;
  }
}
