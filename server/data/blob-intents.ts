// Blob intents (schema/blobs.ts): written before an upload's blobs, removed in its slot's
// transaction, and read by the orphan sweep.
import type { Queryable } from '../db/client.ts';

/** Records that `keys` are about to be written under `namespace`; answers the intent's id. */
export async function recordIntent(q: Queryable, namespace: string, keys: string[]): Promise<number> {
  const [row] = await q.query<{ id: number }>(`insert into blob_intents (namespace, keys) values ($1, $2) returning id`, [namespace, keys]);
  return Number(row!.id);
}

/** The upload's row now names its blobs (or it gave up): its intent is done. */
export async function clearIntent(q: Queryable, id: number): Promise<void> {
  await q.query(`delete from blob_intents where id = $1`, [id]);
}

/** The keys of the namespace that an intent newer than `since` is about to write. */
export async function intendedKeys(q: Queryable, namespace: string, since: Date): Promise<Set<string>> {
  const rows = await q.query<{ key: string }>(
    `select distinct unnest(keys) as key from blob_intents where namespace = $1 and created_at >= $2`,
    [namespace, since],
  );
  return new Set(rows.map((r) => r.key));
}

/** Deletes the intents of uploads that never finished (a crash, a refusal), once they are old. */
export async function deleteOldIntents(q: Queryable, before: Date): Promise<number> {
  const rows = await q.query(`delete from blob_intents where created_at < $1 returning 1`, [before]);
  return rows.length;
}
