// Sealed weeks (schema/proof.ts week_seals): written once, when a week's approval is final.
import type { Queryable } from '../db/client.ts';

export interface WeekSealRow {
  root: string;
  /** The signed canonical JSON (docs/evidence.md). */
  statement: string;
  /** base64 */
  signature: string;
  /** base64 SPKI DER */
  publicKey: string;
  sealedAt: Date;
  totals: unknown;
}

export async function findWeekSeal(q: Queryable, contractId: string, weekStart: Date): Promise<WeekSealRow | null> {
  const [row] = await q.query<WeekSealRow>(
    `select root, statement, signature, public_key as "publicKey", sealed_at as "sealedAt", totals
       from week_seals where contract_id = $1 and week_start = $2`,
    [contractId, weekStart],
  );
  return row ? { ...row, sealedAt: new Date(row.sealedAt) } : null;
}

/** Stores the seal unless the week has one; answers whether this call stored it. */
export async function insertWeekSeal(q: Queryable, contractId: string, weekStart: Date, seal: WeekSealRow): Promise<boolean> {
  const rows = await q.query(
    `insert into week_seals (contract_id, week_start, root, statement, signature, public_key, sealed_at, totals)
     values ($1, $2, $3, $4, $5, $6, $7, $8) on conflict do nothing returning 1`,
    [contractId, weekStart, seal.root, seal.statement, seal.signature, seal.publicKey, seal.sealedAt, JSON.stringify(seal.totals)],
  );
  return rows.length > 0;
}

export interface WeekReceiptRow {
  seq: number;
  /** hex link before this receipt */
  prev: string;
  body: string;
  /** hex */
  hash: string;
}

/**
 * The receipts of a contract week, in chain order, each with the link before it: those about a
 * slot of the week, and disputes whose first slot is in the week (docs/evidence.md).
 */
export async function findWeekReceipts(q: Queryable, contractId: string, weekStart: Date, weekEnd: Date): Promise<WeekReceiptRow[]> {
  return q.query<WeekReceiptRow>(
    `select r.seq, encode(coalesce(p.hash, decode(repeat('00', 32), 'hex')), 'hex') as prev, r.body, encode(r.hash, 'hex') as hash
       from receipts r
       left join receipts p on p.contract_id = r.contract_id and p.seq = r.seq - 1
      where r.contract_id = $1
        and (r.slot_start >= $2 and r.slot_start < $3
             or (r.type = 'dispute' and ((r.body::jsonb -> 'starts') ->> 0) >= $4 and ((r.body::jsonb -> 'starts') ->> 0) < $5))
      order by r.seq`,
    // A dispute's first start, as its receipt says it (ISO 8601 UTC with milliseconds, which sorts
    // as time does), against the week's bounds said the same way: receipts_dispute_week_idx.
    [contractId, weekStart, weekEnd, weekStart.toISOString(), weekEnd.toISOString()],
  );
}

export interface WeekAuditRow {
  id: number;
  at: Date;
  actor: string | null;
  action: string;
  subject: string | null;
  dispute: string | null;
  before: unknown;
  after: unknown;
}

/** The audit trail's entries of a contract week, by id. */
export async function findWeekAudit(q: Queryable, contractId: string, weekStart: Date): Promise<WeekAuditRow[]> {
  const rows = await q.query<WeekAuditRow>(
    `select id::int as id, at, actor_id as actor, action, subject, dispute_id as dispute, before, after
       from audit_log where contract_id = $1 and week_start = $2 order by id`,
    [contractId, weekStart],
  );
  return rows.map((r) => ({ ...r, at: new Date(r.at) }));
}
