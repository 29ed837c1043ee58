// Screenshot rows: one per image per contract, with its thumbnail's key. The bytes are in the
// blob store under the same keys; these say which blobs a row still needs.
import type { Queryable } from '../db/client.ts';
import { viewerParams, visibleTo } from './contracts.ts';
import type { User } from './users.ts';

/** A screenshot row let go of: its blob keys, and whether another row still needs its thumbnail (and so its sheet JPEG). */
export interface ErasedScreenshot {
  sha256: string;
  thumbSha256: string;
  sheetSha256: string | null;
  thumbShared: boolean;
}

/**
 * Deletes the contract's screenshot row when no slot shows it any more; answers its keys and
 * whether another screenshot of the contract shares the thumbnail, or null when it stays.
 */
export async function deleteUnusedScreenshot(tx: Queryable, contractId: string, sha256: string) {
  const rows = await tx.query<ErasedScreenshot>(
    `delete from screenshots i
      where i.contract_id = $1 and i.sha256 = $2
        and not exists (select 1 from slots s where s.contract_id = $1 and s.screenshot_sha256 = $2)
      returning i.sha256, i.thumb_sha256 as "thumbSha256", i.sheet_sha256 as "sheetSha256",
                exists (select 1 from screenshots j where j.contract_id = $1 and j.thumb_sha256 = i.thumb_sha256
                                                      and j.sha256 <> i.sha256) as "thumbShared"`,
    [contractId, sha256],
  );
  return rows[0] ?? null;
}

/**
 * Which of these blob keys a screenshot row of the contract names, as its image or its
 * thumbnail (unless retention purged it), or a kept encrypted original as its bytes.
 */
export async function findReferencedKeys(q: Queryable, contractId: string, keys: string[]): Promise<Set<string>> {
  const rows = await q.query<{ key: string }>(
    `select sha256 as key from screenshots where contract_id = $1 and sha256 = any($2::text[]) and purged_at is null
     union select thumb_sha256 from screenshots where contract_id = $1 and thumb_sha256 = any($2::text[]) and purged_at is null
     union select sheet_sha256 from screenshots where contract_id = $1 and sheet_sha256 = any($2::text[]) and purged_at is null
     union select blob_sha256 from encrypted_originals where contract_id = $1 and blob_sha256 = any($2::text[])`,
    [contractId, keys],
  );
  return new Set(rows.map((r) => r.key));
}

/**
 * The image keys of a contract's live slot, with the access check in the same statement: null
 * when the contract does not exist or `viewer` may not see it (findVisibleContract's rule);
 * `slot: false` when it has no live slot at `start`, and null keys for a slot without a screenshot.
 */
export async function findVisibleSlotImage(q: Queryable, viewer: User, contractId: string, start: Date) {
  const rows = await q.query<{ slot: boolean; sha256: string | null; mime: string | null; thumbSha256: string | null; purgedAt: Date | null }>(
    `select s.start is not null as slot, i.sha256, i.mime, i.thumb_sha256 as "thumbSha256", i.purged_at as "purgedAt"
       from contracts k
       left join slots s on s.contract_id = k.id and s.start = $2 and s.deleted_at is null
       left join screenshots i on i.contract_id = s.contract_id and i.sha256 = s.screenshot_sha256
      where k.id = $1 and ${visibleTo('k', 3)}`,
    [contractId, start, ...viewerParams(viewer)],
  );
  return rows[0] ?? null;
}
