// The chain's arithmetic: each link's hash is sha256(previous hash ‖ receipt), the receipt
// being its canonical JSON in UTF-8; the first link's previous hash is 32 zero bytes.
import { createHash } from 'node:crypto';
import { canonicalJson } from '#contract/canonical-json.ts';
import { receiptJson, type Receipt } from '#contract/receipts.ts';

export const GENESIS: Buffer = Buffer.alloc(32);

export const receiptBody = (r: Receipt): string => canonicalJson(receiptJson(r));

export function nextLink(previous: Buffer, body: string): Buffer {
  return createHash('sha256').update(previous).update(body, 'utf8').digest();
}
