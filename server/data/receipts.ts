// The receipts chain (schema/proof.ts). Hashes travel as hex text and are kept as bytea.
import type { Queryable } from '../db/client.ts';

export interface ChainHead {
  seq: number;
  /** hex */
  hash: string;
}

/**
 * The contract's last link, locked until the transaction ends, so that receipts are appended
 * in one order however many servers accept slots at once. A contract without receipts yet gets
 * its head now: seq 0 and `genesis`.
 */
export async function lockChainHead(tx: Queryable, contractId: string, genesis: string): Promise<ChainHead> {
  const [row] = await tx.query<ChainHead>(
    `insert into chain_heads (contract_id, seq, hash) values ($1, 0, decode($2, 'hex'))
     on conflict (contract_id) do update set seq = chain_heads.seq
     returning seq, encode(hash, 'hex') as hash`,
    [contractId, genesis],
  );
  return row!;
}

export interface NewReceipt {
  seq: number;
  type: string;
  slotStart: Date | null;
  body: string;
  /** hex */
  hash: string;
}

/** Appends the receipts and moves the head to the last of them. */
export async function insertReceipts(tx: Queryable, contractId: string, list: NewReceipt[]): Promise<void> {
  const last = list[list.length - 1];
  if (!last) return;
  await tx.query(
    `with added as (
       insert into receipts (contract_id, seq, type, slot_start, body, hash)
       select $1, r.seq, r.type, r.slot_start, r.body, decode(r.hash, 'hex')
         from unnest($2::int[], $3::text[], $4::timestamptz[], $5::text[], $6::text[]) as r(seq, type, slot_start, body, hash)
     )
     update chain_heads set seq = $7, hash = decode($8, 'hex') where contract_id = $1`,
    [contractId, list.map((r) => r.seq), list.map((r) => r.type), list.map((r) => r.slotStart), list.map((r) => r.body), list.map((r) => r.hash), last.seq, last.hash],
  );
}

export interface StoredReceipt {
  seq: number;
  type: string;
  body: string;
  /** hex */
  hash: string;
}

/** The contract's receipts in chain order. */
export async function findReceipts(q: Queryable, contractId: string): Promise<StoredReceipt[]> {
  return q.query<StoredReceipt>(`select seq, type, body, encode(hash, 'hex') as hash from receipts where contract_id = $1 order by seq`, [contractId]);
}

export async function findChainHead(q: Queryable, contractId: string): Promise<ChainHead | null> {
  const [row] = await q.query<ChainHead>(`select seq, encode(hash, 'hex') as hash from chain_heads where contract_id = $1`, [contractId]);
  return row ?? null;
}

/** The contracts with a chain. */
export async function findChainedContractIds(q: Queryable): Promise<string[]> {
  const rows = await q.query<{ id: string }>(`select contract_id as id from chain_heads order by contract_id`);
  return rows.map((r) => r.id);
}

export interface SlotFacts {
  start: Date;
  kind: string;
  keyboard: number[];
  mouse: number[];
  memo: string;
  windowTitle: string;
  screenshotSha256: string | null;
  capturedAt: Date | null;
  deleted: boolean;
}

/** Every slot of the contract, deleted or not, as its row says now. */
export async function findSlotFacts(q: Queryable, contractId: string): Promise<SlotFacts[]> {
  const rows = await q.query<SlotFacts>(
    `select start, kind, keyboard, mouse, memo, window_title as "windowTitle", screenshot_sha256 as "screenshotSha256",
            captured_at as "capturedAt", deleted_at is not null as deleted
       from slots where contract_id = $1 order by start`,
    [contractId],
  );
  return rows.map((r) => ({ ...r, start: new Date(r.start), capturedAt: r.capturedAt ? new Date(r.capturedAt) : null }));
}

/** The contracts with slots that have no receipt (accepted before the chain, or seeded in bulk). */
export async function findContractsWithUnchainedSlots(q: Queryable, contractIds?: string[]): Promise<string[]> {
  const rows = await q.query<{ id: string }>(
    `select distinct s.contract_id as id from slots s
      where ($1::uuid[] is null or s.contract_id = any($1::uuid[]))
        and not exists (select 1 from receipts r where r.contract_id = s.contract_id and r.slot_start = s.start and r.type = 'slot')`,
    [contractIds ?? null],
  );
  return rows.map((r) => r.id);
}

/** The contract's slots without a receipt, in the order they were accepted. */
export async function findUnchainedSlots(q: Queryable, contractId: string) {
  const rows = await q.query<SlotFacts & { createdAt: Date; deletedAt: Date | null; deviceSignature: string | null }>(
    `select start, kind, keyboard, mouse, memo, window_title as "windowTitle", screenshot_sha256 as "screenshotSha256",
            captured_at as "capturedAt", deleted_at is not null as deleted, created_at as "createdAt", deleted_at as "deletedAt",
            device_signature as "deviceSignature"
       from slots s
      where contract_id = $1
        and not exists (select 1 from receipts r where r.contract_id = s.contract_id and r.slot_start = s.start and r.type = 'slot')
      order by created_at, start`,
    [contractId],
  );
  const at = (v: Date | string | null) => (v ? new Date(v) : null);
  return rows.map((r) => ({ ...r, start: new Date(r.start), capturedAt: at(r.capturedAt), createdAt: new Date(r.createdAt), deletedAt: at(r.deletedAt) }));
}

const BACKFILLED = 'receipts.backfilled';

/** Whether the slots accepted before the chain existed have been put on it. */
export async function isChainBackfilled(q: Queryable): Promise<boolean> {
  return (await q.query(`select 1 from settings where key = '${BACKFILLED}'`)).length > 0;
}

export async function markChainBackfilled(q: Queryable, at: Date): Promise<void> {
  await q.query(`insert into settings (key, value) values ('${BACKFILLED}', $1) on conflict (key) do nothing`, [at.toISOString()]);
}
