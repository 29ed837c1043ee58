// What a week's evidence pack says about its screenshots and disputes, beyond the receipts
// and the seal (seals.ts): where each slot of the week stands now, and its images' rows.
import type { Queryable } from '../db/client.ts';
import type { DisputeReason, DisputeSlotStatus, DisputeStatus } from '#contract/disputes.ts';

export interface EvidenceSlotRow {
  start: Date;
  deleted: boolean;
  redactedAt: Date | null;
  /** The image the slot shows now: the original, or after a redaction its blurred copy. */
  sha256: string | null;
  /** On a blur-all contract, the original kept encrypted (`sha256` is then its blurred copy). */
  originalSha256: string | null;
  /** The thumbnail of that image, unless retention purged it. */
  thumbSha256: string | null;
  /** Its contact-sheet JPEG, when it has one (rows made before it have not). */
  sheetSha256: string | null;
  /** When retention deleted that image's bytes. */
  purgedAt: Date | null;
}

/** Every slot of a contract week, deleted ones too, in time order. */
export async function findEvidenceSlots(q: Queryable, contractId: string, weekStart: Date, weekEnd: Date): Promise<EvidenceSlotRow[]> {
  const rows = await q.query<EvidenceSlotRow>(
    `select s.start, s.deleted_at is not null as deleted, s.redacted_at as "redactedAt", s.screenshot_sha256 as sha256,
            s.original_sha256 as "originalSha256", case when i.purged_at is null then i.thumb_sha256 end as "thumbSha256",
            case when i.purged_at is null then i.sheet_sha256 end as "sheetSha256", i.purged_at as "purgedAt"
       from slots s
       left join screenshots i on i.contract_id = s.contract_id and i.sha256 = s.screenshot_sha256
      where s.contract_id = $1 and s.start >= $2 and s.start < $3
      order by s.start`,
    [contractId, weekStart, weekEnd],
  );
  return rows.map((r) => ({ ...r, start: new Date(r.start), redactedAt: r.redactedAt && new Date(r.redactedAt), purgedAt: r.purgedAt && new Date(r.purgedAt) }));
}

export interface EvidenceImageRow {
  sha256: string;
  mime: string;
  purgedAt: Date | null;
}

/** The contract's screenshot rows of these hashes (a hash without a row has none left). */
export async function findEvidenceImages(q: Queryable, contractId: string, shas: string[]): Promise<EvidenceImageRow[]> {
  if (shas.length === 0) return [];
  const rows = await q.query<EvidenceImageRow>(
    `select sha256, mime, purged_at as "purgedAt" from screenshots where contract_id = $1 and sha256 = any($2::text[])`,
    [contractId, shas],
  );
  return rows.map((r) => ({ ...r, purgedAt: r.purgedAt && new Date(r.purgedAt) }));
}

export interface EvidenceDisputeRow {
  id: string;
  reason: DisputeReason;
  comment: string;
  status: DisputeStatus;
  answerDue: Date;
  escalatedAt: Date | null;
  createdAt: Date;
  closedAt: Date | null;
  createdBy: string;
  /** How many of its slots stand at each status. */
  outcomes: Partial<Record<DisputeSlotStatus, number>>;
}

/** The disputes of a contract week, oldest first, with how their slots came out. */
export async function findEvidenceDisputes(q: Queryable, contractId: string, weekStart: Date): Promise<EvidenceDisputeRow[]> {
  const rows = await q.query<EvidenceDisputeRow>(
    `select d.id, d.reason, d.comment, d.status, d.answer_due as "answerDue", d.escalated_at as "escalatedAt",
            d.created_at as "createdAt", d.closed_at as "closedAt", b.name as "createdBy",
            (select coalesce(json_object_agg(x.status, x.n), '{}'::json)
               from (select status, count(*)::int as n from dispute_slots where dispute_id = d.id group by status) x) as outcomes
       from disputes d join users b on b.id = d.created_by
      where d.contract_id = $1 and d.week_start = $2
      order by d.created_at, d.id`,
    [contractId, weekStart],
  );
  const at = (v: Date | null) => v && new Date(v);
  return rows.map((r) => ({ ...r, answerDue: new Date(r.answerDue), escalatedAt: at(r.escalatedAt), createdAt: new Date(r.createdAt), closedAt: at(r.closedAt) }));
}
