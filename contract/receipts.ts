// Receipts: what the server puts on a contract's chain, as canonical JSON (canonical-json.ts).
// The server writes them; the evidence pack carries them; the verifier reads them back.
import type { JsonValue } from './canonical-json.ts';

/** An accepted slot, as the tracker sent it and the server received it. */
export interface SlotReceipt {
  type: 'slot';
  contract: string;
  /** The slot's start, ISO 8601 UTC with milliseconds. */
  start: string;
  /** When the screenshot was taken; null for manual time. */
  capturedAt: string | null;
  screenshotSha256: string | null;
  /** Keystrokes and mouse events of each of the 10 minutes; empty for manual time. */
  keyboard: number[];
  mouse: number[];
  memo: string;
  windowTitle: string;
  kind: 'tracked' | 'manual';
  /** The server's clock when it accepted the slot. */
  receivedAt: string;
  /**
   * The tracker's device signature over the slot's signed fields (docs/evidence.md), with the
   * device's public key; null for a slot from a tracker without a key, or manual time: "unsigned".
   */
  device: { publicKey: string; signature: string } | null;
}

/** The fields a tracker's device key signs, as canonical JSON: the receipt without the server's own. */
export type SignedSlotFields = Omit<SlotReceipt, 'receivedAt' | 'device'>;

/** A later change to slots already on the chain. */
export type ChangeReceipt =
  | { type: 'memo'; contract: string; start: string; memo: string; at: string }
  | { type: 'delete'; contract: string; start: string; at: string }
  | { type: 'dispute'; contract: string; dispute: string; starts: string[]; reason: string; at: string }
  | { type: 'resolution'; contract: string; dispute: string; start: string; status: string; at: string }
  | { type: 'redaction'; contract: string; start: string; originalSha256: string; blurredSha256: string; at: string }
  /** On a blur-all contract, right after the slot's receipt: the copy everyone sees; the original is kept encrypted. */
  | { type: 'blur'; contract: string; start: string; originalSha256: string; blurredSha256: string; at: string };

export type Receipt = SlotReceipt | ChangeReceipt;

/** A receipt as the JSON value it is hashed as. */
export const receiptJson = (r: Receipt): JsonValue => r as unknown as JsonValue;
