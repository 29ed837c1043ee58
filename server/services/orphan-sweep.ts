// The orphan sweep. An upload writes its blobs before its row commits, so a crash (or a
// refusal found only under the week's lock) can leave blobs no screenshot row references.
// They are deleted once they are an hour old and no recent intent names them: an upload
// records its intent before it writes (data/blob-intents.ts), and its slot's transaction
// clears it. The half-written temporary files of a write a crash cut short, and the intents of
// uploads that never finished, go at the same age.
import type { Queryable } from '../db/client.ts';
import { deleteOldIntents, intendedKeys } from '../data/blob-intents.ts';
import { findContractIds } from '../data/contracts.ts';
import { findReferencedKeys } from '../data/screenshots.ts';
import type { BlobStore } from '../storage/blob-store.ts';

export const ORPHAN_AGE_MS = 60 * 60_000;

/**
 * Deletes, under each contract's namespace, the blobs last written before `olderThan` that
 * no screenshot row references as its image or its thumbnail. `olderThan` is a wall-clock
 * instant (the files' clock), not the app's clock, which a demo may set elsewhere in time.
 * Deletes too the unfinished writes begun before `olderThan`. Returns how many files it deleted.
 */
export async function sweepOrphanBlobs(database: Queryable, blobs: BlobStore, olderThan: Date): Promise<number> {
  let deleted = 0;
  await deleteOldIntents(database, olderThan);
  for (const id of await findContractIds(database)) {
    deleted += await blobs.deleteUnfinished(id, olderThan);
    const keys = await blobs.listOlderThan(id, olderThan);
    if (keys.length === 0) continue;
    const [keep, intended] = await Promise.all([findReferencedKeys(database, id, keys), intendedKeys(database, id, olderThan)]);
    for (const key of keys) {
      if (keep.has(key) || intended.has(key)) continue;
      await blobs.delete(id, key);
      deleted++;
    }
  }
  return deleted;
}
