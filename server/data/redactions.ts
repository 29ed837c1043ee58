// Redacted slots: the screenshot row of the blurred copy, the slot pointed at it, and the count
// of a week's redactions (a contract allows a few a week to stay billable).
import type { Queryable } from '../db/client.ts';
import type { StoredImage } from '../storage/screenshots.ts';

/** The screenshot row of a stored image (the blurred copy), unless the contract has it already. */
export async function insertScreenshotRow(tx: Queryable, contractId: string, image: StoredImage, now: Date): Promise<void> {
  await tx.query(
    `insert into screenshots (contract_id, sha256, mime, bytes, width, height, thumb_sha256, thumb_bytes, created_at, sheet_sha256)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) on conflict do nothing`,
    [contractId, image.sha256, image.mime, image.bytes, image.width, image.height, image.thumbSha256, image.thumbBytes, now, image.sheetSha256 ?? null],
  );
}

/** The slot shows the blurred copy from now on, and keeps no original; the original's hash stays on its chain. */
export async function markSlotRedacted(tx: Queryable, contractId: string, start: Date, blurredSha256: string, now: Date): Promise<void> {
  await tx.query(`update slots set screenshot_sha256 = $3, original_sha256 = null, redacted_at = $4, duplicate = false where contract_id = $1 and start = $2`, [
    contractId,
    start,
    blurredSha256,
    now,
  ]);
}

/** The week's live redacted slots. */
export async function countWeekRedactions(q: Queryable, contractId: string, weekStart: Date, weekEnd: Date): Promise<number> {
  const [row] = await q.query<{ n: number }>(
    `select count(*)::int as n from slots where contract_id = $1 and start >= $2 and start < $3 and redacted_at is not null and deleted_at is null`,
    [contractId, weekStart, weekEnd],
  );
  return row!.n;
}

/** The contract's redaction terms. */
export async function findRedactionTerms(q: Queryable, contractId: string): Promise<{ redactedBillable: boolean; redactionsPerWeek: number }> {
  const [row] = await q.query<{ redactedBillable: boolean; redactionsPerWeek: number }>(
    `select redacted_billable as "redactedBillable", redactions_per_week as "redactionsPerWeek" from contracts where id = $1`,
    [contractId],
  );
  return row!;
}
