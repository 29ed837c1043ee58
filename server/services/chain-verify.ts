// Recomputes a contract's chain and holds its slots against it: the first link whose hash does
// not follow, or the first slot whose row says something its receipts do not, is named.
import type { Receipt } from '#contract/receipts.ts';
import type { Queryable } from '../db/client.ts';
import { findChainHead, findReceipts, findSlotFacts, type SlotFacts } from '../data/receipts.ts';
import { GENESIS, nextLink } from '../domain/chain.ts';

export interface ChainReport {
  contractId: string;
  receipts: number;
  slots: number;
  /** The first thing that fails, in words; null when the chain holds. */
  problem: string | null;
}

type Expected = Omit<SlotFacts, 'start'>;

/** What the receipts say each slot is now, by its start. */
function replay(receipts: Receipt[]): Map<string, Expected> {
  const slots = new Map<string, Expected>();
  for (const r of receipts) {
    if (r.type === 'slot') {
      slots.set(r.start, {
        kind: r.kind,
        keyboard: r.keyboard,
        mouse: r.mouse,
        memo: r.memo,
        windowTitle: r.windowTitle,
        screenshotSha256: r.screenshotSha256,
        capturedAt: r.capturedAt ? new Date(r.capturedAt) : null,
        deleted: false,
      });
    }
    const slot = 'start' in r ? slots.get(r.start) : undefined;
    if (!slot) continue;
    if (r.type === 'memo') slot.memo = r.memo;
    if (r.type === 'delete') Object.assign(slot, { deleted: true, screenshotSha256: null, windowTitle: '' });
    if (r.type === 'redaction' || r.type === 'blur') slot.screenshotSha256 = r.blurredSha256;
  }
  return slots;
}

const FIELDS: [keyof Expected, string][] = [
  ['kind', 'kind'],
  ['screenshotSha256', 'screenshot hash'],
  ['capturedAt', 'capture instant'],
  ['keyboard', 'keyboard activity'],
  ['mouse', 'mouse activity'],
  ['memo', 'memo'],
  ['windowTitle', 'window title'],
  ['deleted', 'deletion'],
];

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function checkSlots(rows: SlotFacts[], expected: Map<string, Expected>): string | null {
  const seen = new Set<string>();
  for (const row of rows) {
    const start = row.start.toISOString();
    seen.add(start);
    const want = expected.get(start);
    if (!want) return `slot ${start}: it is not on the chain`;
    const field = FIELDS.find(([k]) => !same(row[k], want[k]));
    if (field) return `slot ${start}: its ${field[1]} in the database is not the one on its chain`;
  }
  const missing = [...expected.keys()].sort().find((s) => !seen.has(s));
  return missing ? `slot ${missing}: it is on the chain but no longer in the database` : null;
}

export async function verifyContractChain(q: Queryable, contractId: string): Promise<ChainReport> {
  const [stored, head, rows] = await Promise.all([findReceipts(q, contractId), findChainHead(q, contractId), findSlotFacts(q, contractId)]);
  const report = (problem: string | null): ChainReport => ({ contractId, receipts: stored.length, slots: rows.length, problem });
  let previous: Buffer = GENESIS;
  const receipts: Receipt[] = [];
  for (const [i, r] of stored.entries()) {
    if (r.seq !== i + 1) return report(`receipt #${i + 1}: it is missing (the next one is #${r.seq})`);
    const link = nextLink(previous, r.body);
    let receipt: Receipt;
    try {
      receipt = JSON.parse(r.body) as Receipt;
    } catch {
      return report(`receipt #${r.seq}: it is not JSON`);
    }
    const about = 'start' in receipt ? ` (slot ${receipt.start})` : '';
    if (link.toString('hex') !== r.hash) return report(`receipt #${r.seq}${about}: its hash does not follow from the receipt before it`);
    if (receipt.contract !== contractId) return report(`receipt #${r.seq}${about}: it names another contract`);
    receipts.push(receipt);
    previous = link;
  }
  const last = stored[stored.length - 1];
  if (last && (!head || head.seq !== last.seq || head.hash !== last.hash)) return report(`the chain's head does not match its last receipt, #${last.seq}: receipts were removed`);
  return report(checkSlots(rows, replay(receipts)));
}
