// Retention (WORKDIARY_RETENTION_DAYS): screenshot rows whose bytes are due for deletion, and
// the mark that they were deleted. Hashes, rows and receipts stay.
import type { Queryable } from '../db/client.ts';

export interface ExpiredScreenshot {
  contractId: string;
  sha256: string;
  thumbSha256: string;
  sheetSha256: string | null;
  /** Another screenshot row still needs the thumbnail (same bytes). */
  thumbShared: boolean;
}

/**
 * Screenshots not yet purged that no slot starting at or after `before` shows, and that no slot
 * of a week with a dispute still open or escalated shows; at most `limit`.
 */
export async function findExpiredScreenshots(q: Queryable, before: Date, limit: number): Promise<ExpiredScreenshot[]> {
  return q.query<ExpiredScreenshot>(
    `select i.contract_id as "contractId", i.sha256, i.thumb_sha256 as "thumbSha256", i.sheet_sha256 as "sheetSha256",
            exists (select 1 from screenshots j where j.contract_id = i.contract_id and j.thumb_sha256 = i.thumb_sha256
                                                 and j.sha256 <> i.sha256 and j.purged_at is null) as "thumbShared"
       from screenshots i
      where i.purged_at is null
        and exists (select 1 from slots s where s.contract_id = i.contract_id and s.screenshot_sha256 = i.sha256)
        and not exists (select 1 from slots s where s.contract_id = i.contract_id and s.screenshot_sha256 = i.sha256 and s.start >= $1)
        and not exists (
          select 1 from slots s join disputes d
              on d.contract_id = s.contract_id and d.status in ('open', 'escalated')
             and d.week_start = date_trunc('week', s.start at time zone 'UTC') at time zone 'UTC'
           where s.contract_id = i.contract_id and s.screenshot_sha256 = i.sha256)
      order by i.contract_id, i.sha256
      limit $2`,
    [before, limit],
  );
}

export async function markScreenshotPurged(q: Queryable, contractId: string, sha256: string, at: Date): Promise<void> {
  await q.query(`update screenshots set purged_at = $3 where contract_id = $1 and sha256 = $2 and purged_at is null`, [contractId, sha256, at]);
}
