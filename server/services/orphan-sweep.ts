// The orphan sweep. An upload writes its blobs before its row commits, so a crash (or a
// refusal found only under the week's lock) can leave blobs no screenshot row references.
// They are deleted once they are an hour old: an upload in flight has long committed by then,
// and a blob it stored again was touched when it did (BlobStore.put). The half-written
// temporary files of a write a crash cut short go at the same age.
import type { Queryable } from '../db/client.ts';
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
  for (const id of await findContractIds(database)) {
    deleted += await blobs.deleteUnfinished(id, olderThan);
    const keys = await blobs.listOlderThan(id, olderThan);
    if (keys.length === 0) continue;
    const keep = await findReferencedKeys(database, id, keys);
    for (const key of keys) {
      if (keep.has(key)) continue;
      await blobs.delete(id, key);
      deleted++;
    }
  }
  return deleted;
}
