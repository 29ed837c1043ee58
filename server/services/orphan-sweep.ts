// The orphan sweep. An upload writes its blobs before its row commits, so a crash (or a
// refusal found only under the week's lock) can leave blobs no screenshot row references.
// They are deleted once they are an hour old: an upload in flight has long committed by then,
// and a blob it stored again was touched when it did (BlobStore.put). The half-written
// temporary files of a write a crash cut short go at the same age.
import type { Queryable } from '../db/client.ts';
import type { BlobStore } from '../storage/blob-store.ts';

export const ORPHAN_AGE_MS = 60 * 60_000;

/**
 * Deletes, under each contract's namespace, the blobs last written before `olderThan` that
 * no screenshot row references as its image or its thumbnail. `olderThan` is a wall-clock
 * instant (the files' clock), not the app's clock, which a demo may set elsewhere in time.
 * Deletes too the unfinished writes begun before `olderThan`. Returns how many files it deleted.
 */
export async function sweepOrphanBlobs(database: Queryable, blobs: BlobStore, olderThan: Date): Promise<number> {
  const contracts = await database.query<{ id: string }>(`select id from contracts order by id`);
  let deleted = 0;
  for (const { id } of contracts) {
    deleted += await blobs.deleteUnfinished(id, olderThan);
    const keys = await blobs.listOlderThan(id, olderThan);
    if (keys.length === 0) continue;
    const used = await database.query<{ key: string }>(
      `select sha256 as key from screenshots where contract_id = $1 and sha256 = any($2::text[])
       union select thumb_sha256 from screenshots where contract_id = $1 and thumb_sha256 = any($2::text[])`,
      [id, keys],
    );
    const keep = new Set(used.map((u) => u.key));
    for (const key of keys) {
      if (keep.has(key)) continue;
      await blobs.delete(id, key);
      deleted++;
    }
  }
  return deleted;
}
