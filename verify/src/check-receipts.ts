// The receipts of a pack: each link follows from its receipt, the links chain on, and each
// slot a device signed carries a signature that verifies with the device's key.
import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.ts';
import { ed25519Verifies } from './ed25519.ts';
import { check } from './failure.ts';
import type { Manifest } from './manifest.ts';

export interface CheckedReceipt {
  seq: number;
  /** The link (32 bytes): this receipt's leaf in the week's tree. */
  link: Buffer;
  body: Record<string, unknown>;
}

const ZERO_LINK = '0'.repeat(64);
const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/** The slot a receipt is about, or the first of a dispute's slots. */
function startOf(body: Record<string, unknown>): unknown {
  return body.type === 'dispute' && Array.isArray(body.starts) ? body.starts[0] : body.start;
}

function parseBody(seq: number, body: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    value = null;
  }
  check(typeof value === 'object' && value !== null && !Array.isArray(value), `receipt #${seq}: its body is not a JSON object`);
  check(canonicalJson(value) === body, `receipt #${seq}: its body is not canonical JSON`);
  return value as Record<string, unknown>;
}

/** Checks every receipt's link, the chain between them, and that each is of the pack's contract week. */
export function checkReceipts(manifest: Manifest): CheckedReceipt[] {
  const weekStart = Date.parse(`${manifest.week}T00:00:00.000Z`);
  const checked: CheckedReceipt[] = [];
  let before: (typeof manifest.receipts)[number] | undefined;
  for (const receipt of manifest.receipts) {
    const { seq } = receipt;
    const label = `receipt #${seq}`;
    check(!before || seq > before.seq, `${label}: it comes after receipt #${before?.seq}, out of the chain's order`);
    const link = createHash('sha256').update(Buffer.from(receipt.prev, 'hex')).update(receipt.body, 'utf8').digest();
    check(link.toString('hex') === receipt.hash, `${label}: its hash does not follow from its receipt`);
    check(seq !== 1 || receipt.prev === ZERO_LINK, `${label}: the chain's first receipt does not start from 32 zero bytes`);
    if (before && before.seq === seq - 1) check(receipt.prev === before.hash, `${label}: it does not follow on from receipt #${before.seq}`);
    const body = parseBody(seq, receipt.body);
    check(body.contract === manifest.contract.id, `${label}: it is of another contract`);
    const start = startOf(body);
    const at = typeof start === 'string' ? Date.parse(start) : NaN;
    check(at >= weekStart && at < weekStart + WEEK_MS, `${label}: it is not about a slot of the week of ${manifest.week}`);
    checked.push({ seq, link, body });
    before = receipt;
  }
  return checked;
}

/** The label of a slot receipt: "slot <start>". */
export const slotLabel = (receipt: CheckedReceipt): string => `slot ${String(receipt.body.start)}`;

/** Checks the device signature of every signed slot: over the slot receipt without receivedAt and device. */
export function checkDeviceSignatures(receipts: readonly CheckedReceipt[]): void {
  for (const receipt of receipts) {
    if (receipt.body.type !== 'slot') continue;
    const { receivedAt: _receivedAt, device, ...fields } = receipt.body;
    if (device === null || device === undefined) continue; // unsigned: a tracker without a key, or manual time
    const { publicKey, signature } = typeof device === 'object' ? (device as Record<string, unknown>) : {};
    const signed = ed25519Verifies(publicKey, canonicalJson(fields), signature);
    check(signed, `${slotLabel(receipt)}: the device signature does not verify`);
  }
}
