// The encrypted originals of a blur-all contract's screenshots (schema/work.ts
// encrypted_originals): kept, found for an admin's look on an escalated dispute, and erased with
// their last slot, a redaction or retention.
import type { Queryable } from '../db/client.ts';
import { viewerParams, visibleTo } from './contracts.ts';
import type { User } from './users.ts';

export interface KeptOriginal {
  /** The original's sha256, as its slot receipt names it. */
  sha256: string;
  /** The blob key of its encrypted bytes. */
  blobSha256: string;
  mime: string;
  bytes: number;
  keyId: string;
}

/** Keeps the original unless the contract has it already (the same image uploaded again). */
export async function insertKeptOriginal(tx: Queryable, contractId: string, o: KeptOriginal, now: Date): Promise<void> {
  await tx.query(
    `insert into encrypted_originals (contract_id, sha256, blob_sha256, mime, bytes, key_id, created_at)
     values ($1, $2, $3, $4, $5, $6, $7) on conflict do nothing`,
    [contractId, o.sha256, o.blobSha256, o.mime, o.bytes, o.keyId, now],
  );
}

/**
 * Deletes the kept original when no slot names it any more (the caller has just let go of
 * it); answers the blob key to erase after the commit, or null when it stays.
 */
export async function deleteUnusedOriginal(tx: Queryable, contractId: string, sha256: string): Promise<string | null> {
  const rows = await tx.query<{ key: string }>(
    `delete from encrypted_originals o
      where o.contract_id = $1 and o.sha256 = $2
        and not exists (select 1 from slots s where s.contract_id = $1 and s.original_sha256 = $2)
      returning o.blob_sha256 as key`,
    [contractId, sha256],
  );
  return rows[0]?.key ?? null;
}

/** Retention: deletes the originals behind a blurred screenshot it purges; answers their blob keys. */
export async function deleteOriginalsShownAs(tx: Queryable, contractId: string, shownSha256: string): Promise<string[]> {
  const rows = await tx.query<{ key: string }>(
    `delete from encrypted_originals o
      where o.contract_id = $1
        and o.sha256 in (select s.original_sha256 from slots s where s.contract_id = $1 and s.screenshot_sha256 = $2)
      returning o.blob_sha256 as key`,
    [contractId, shownSha256],
  );
  return rows.map((r) => r.key);
}

export interface SlotOriginal {
  /** The contract exists and the viewer may see it. */
  slot: boolean;
  blurAll: boolean;
  originalSha256: string | null;
  redactedAt: Date | null;
  /** The status of the dispute holding the slot, if any. */
  disputeStatus: string | null;
  kept: KeptOriginal | null;
}

/**
 * What an admin's look at a blurred slot's original needs, with the access check in the same
 * statement: null when the contract does not exist or `viewer` may not see it.
 */
export async function findSlotOriginal(q: Queryable, viewer: User, contractId: string, start: Date): Promise<SlotOriginal | null> {
  const rows = await q.query<SlotOriginal>(
    `select s.start is not null as slot, k.blur_all as "blurAll", s.original_sha256 as "originalSha256", s.redacted_at as "redactedAt",
            d.status as "disputeStatus",
            case when o.sha256 is null then null else json_build_object(
              'sha256', o.sha256, 'blobSha256', o.blob_sha256, 'mime', o.mime, 'bytes', o.bytes, 'keyId', o.key_id) end as kept
       from contracts k
       left join slots s on s.contract_id = k.id and s.start = $2 and s.deleted_at is null
       left join dispute_slots ds on ds.contract_id = s.contract_id and ds.slot_start = s.start
       left join disputes d on d.id = ds.dispute_id
       left join encrypted_originals o on o.contract_id = s.contract_id and o.sha256 = s.original_sha256
      where k.id = $1 and ${visibleTo('k', 3)}`,
    [contractId, start, ...viewerParams(viewer)],
  );
  return rows[0] ?? null;
}
