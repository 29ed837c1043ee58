// Device keys (docs/evidence.md, "Device signatures"): a tracker registers the public half of an
// Ed25519 key made on its device, once per token, and signs each slot it uploads with it. The
// server checks the signature and keeps it in the slot's receipt, so a slot the device signed
// cannot be made up later, even by the server.
import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import { canonicalJson, type JsonValue } from '#contract/canonical-json.ts';
import type { SignedSlotFields, SlotReceipt } from '#contract/receipts.ts';
import type { DeviceKey } from '#contract/trackers.ts';
import type { Database } from '../db/client.ts';
import { appendAudit } from '../data/audit.ts';
import { setTrackerKey, type TrackerIdentity } from '../data/trackers.ts';
import { HttpProblem } from '../lib/problem.ts';

/** The key as an Ed25519 public key, or null when the bytes are not one. */
function ed25519Key(base64: string): KeyObject | null {
  try {
    const key = createPublicKey({ key: Buffer.from(base64, 'base64'), format: 'der', type: 'spki' });
    return key.asymmetricKeyType === 'ed25519' ? key : null;
  } catch {
    return null;
  }
}

/** Registers the device's public key for the tracker's token: first time 201, the same key 200, another 409. */
export async function registerDeviceKey(
  database: Database,
  tracker: TrackerIdentity,
  publicKey: string,
  now: Date,
): Promise<DeviceKey & { httpStatus: 200 | 201 }> {
  const key = ed25519Key(publicKey);
  if (!key) {
    throw new HttpProblem(400, 'The public key is not an Ed25519 key: send the SPKI DER of the device key\'s public half, in base64.', [
      { field: 'body.publicKey', message: 'must be an Ed25519 public key (SPKI DER, base64)' },
    ]);
  }
  // Stored as the DER the key exports, so one key is one text however it was padded or wrapped.
  const canonical = key.export({ format: 'der', type: 'spki' }).toString('base64');
  return database.transaction(async (tx) => {
    const stored = await setTrackerKey(tx, tracker.device.id, canonical);
    if (stored.publicKey !== canonical) {
      throw new HttpProblem(409, 'This tracker token already has a device key; make a new token for a new device.');
    }
    if (stored.created) {
      await appendAudit(tx, { at: now, actorId: tracker.user.id, action: 'tracker.key_registered', subject: tracker.device.id, before: null, after: { publicKey: canonical } });
    }
    return { publicKey: canonical, status: stored.created ? 'created' : 'unchanged', httpStatus: stored.created ? 201 : 200 };
  });
}

const FIELD = 'meta.signature';

/**
 * The slot's device signature as its receipt carries it, or null for a tracker without a key
 * ("unsigned"). A tracker with a key must sign, and the signature must verify (422 otherwise: the
 * same bytes would be refused again, so the tracker moves the slot aside).
 */
export function deviceSignature(tracker: TrackerIdentity, fields: SignedSlotFields, signature: string | undefined): SlotReceipt['device'] {
  const { publicKey } = tracker;
  if (!publicKey) {
    if (signature === undefined) return null;
    throw new HttpProblem(422, 'The slot is signed, but this tracker token has no device key: register it with PUT /api/tracker/key first, then upload again.', [
      { field: FIELD, message: 'needs a device key registered for the token' },
    ]);
  }
  if (signature === undefined) {
    throw new HttpProblem(422, 'This tracker registered a device key, so each slot must be signed: sign it with the device key and send meta.signature.', [
      { field: FIELD, message: 'is required: the token has a device key' },
    ]);
  }
  const key = ed25519Key(publicKey);
  const data = Buffer.from(canonicalJson(fields as unknown as JsonValue), 'utf8');
  if (!key || !verify(null, data, key, Buffer.from(signature, 'base64'))) {
    throw new HttpProblem(422, "The device signature does not verify: it was not made by this tracker's device key over this slot's fields (docs/evidence.md).", [
      { field: FIELD, message: 'does not verify against the device key' },
    ]);
  }
  return { publicKey, signature };
}
