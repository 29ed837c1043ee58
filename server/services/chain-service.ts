// Puts receipts on a contract's chain, inside the transaction of the change they record: the
// head's row lock orders them, so the chain is one line however many servers write at once.
import type { Receipt, SignedSlotFields, SlotReceipt } from '#contract/receipts.ts';
import type { Database, Queryable } from '../db/client.ts';
import { findContractsWithUnchainedSlots, findUnchainedSlots, insertReceipts, isChainBackfilled, lockChainHead, markChainBackfilled } from '../data/receipts.ts';
import { GENESIS, nextLink, receiptBody } from '../domain/chain.ts';

/** Where a receipt is about one slot, the slot's start: it lets a week's receipts be found. */
const slotOf = (r: Receipt): Date | null => ('start' in r ? new Date(r.start) : null);

export async function chainReceipts(tx: Queryable, contractId: string, list: Receipt[]): Promise<void> {
  if (list.length === 0) return;
  const head = await lockChainHead(tx, contractId, GENESIS.toString('hex'));
  let previous: Buffer = Buffer.from(head.hash, 'hex');
  const rows = list.map((r, i) => {
    const body = receiptBody(r);
    previous = nextLink(previous, body);
    return { seq: head.seq + i + 1, type: r.type, slotStart: slotOf(r), body, hash: previous.toString('hex') };
  });
  await insertReceipts(tx, contractId, rows);
}

export interface AcceptedSlot {
  start: Date;
  kind: 'tracked' | 'manual';
  capturedAt: Date | null;
  screenshotSha256: string | null;
  keyboard: number[];
  mouse: number[];
  memo: string;
  windowTitle: string;
  /** The device's key and its signature over the slot's signed fields, when the tracker has a key. */
  device?: { publicKey: string; signature: string } | null;
}

/** The fields of an accepted slot that its tracker's device key signs (docs/evidence.md): its receipt without the server's own. */
export function signedSlotFields(contractId: string, s: AcceptedSlot): SignedSlotFields {
  return {
    type: 'slot',
    contract: contractId,
    start: s.start.toISOString(),
    capturedAt: s.capturedAt?.toISOString() ?? null,
    screenshotSha256: s.screenshotSha256,
    keyboard: s.keyboard,
    mouse: s.mouse,
    memo: s.memo,
    windowTitle: s.windowTitle,
    kind: s.kind,
  };
}

export function slotReceipt(contractId: string, s: AcceptedSlot, receivedAt: Date): SlotReceipt {
  return { ...signedSlotFields(contractId, s), receivedAt: receivedAt.toISOString(), device: s.device ?? null };
}

/**
 * Puts on their contract's chain the slots that have no receipt: those accepted before the
 * chain existed, and the demo's, which are written in bulk. Each gets the receipt it would have
 * had, stamped with the time it was accepted; a deleted one gets its deletion after it.
 * Returns how many slots it chained.
 */
export async function chainUnchainedSlots(
  database: Database,
  contractIds?: string[],
  /** The public key of the device that signed a contract's slots (the demo's, written in bulk with their signatures). */
  deviceKeyOf: (contractId: string) => string | null = () => null,
): Promise<number> {
  let n = 0;
  for (const contractId of await findContractsWithUnchainedSlots(database, contractIds)) {
    const publicKey = deviceKeyOf(contractId);
    n += await database.transaction(async (tx) => {
      const rows = await findUnchainedSlots(tx, contractId);
      const list: Receipt[] = rows.flatMap((s) => {
        const device = publicKey && s.deviceSignature ? { publicKey, signature: s.deviceSignature } : null;
        const receipt: Receipt = slotReceipt(contractId, { ...s, kind: s.kind === 'manual' ? 'manual' : 'tracked', device }, s.createdAt);
        if (!s.deletedAt) return [receipt];
        return [receipt, { type: 'delete' as const, contract: contractId, start: s.start.toISOString(), at: s.deletedAt.toISOString() }];
      });
      await chainReceipts(tx, contractId, list);
      return rows.length;
    });
  }
  return n;
}

/** Once per installation: the slots accepted before the chain existed go on it. */
export async function backfillChainOnce(database: Database): Promise<number> {
  if (await isChainBackfilled(database)) return 0;
  const n = await chainUnchainedSlots(database);
  await markChainBackfilled(database, new Date());
  return n;
}
