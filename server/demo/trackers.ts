// Each demo contractor's tracker: the device their tracked slots came from, so the Trackers page
// shows it with its last upload. Nobody knows the token (only a hash of random bytes is kept),
// so it cannot be used; the contractor can still revoke it or connect a tracker of their own.
// Its device key signed every tracked slot, so a demo week's evidence pack shows signed slots.
import { createHash, createPrivateKey, createPublicKey, randomBytes, sign, type KeyObject } from 'node:crypto';
import { canonicalJson, type JsonValue } from '#contract/canonical-json.ts';
import type { SignedSlotFields } from '#contract/receipts.ts';
import { and, eq, max } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { slots, trackerTokens } from '../db/schema.ts';
import type { DemoKey } from './plan.ts';
import type { DemoContract } from './seed.ts';

/** The computer each contractor works on (their OS matches their screenshots). */
export const DEMO_DEVICES: Record<DemoKey, string> = {
  dev: 'ThinkPad X1 Carbon (Ubuntu)',
  designer: 'MacBook Pro 14"',
  writer: 'Surface Laptop 5 (Windows 11)',
};

type Tx = Parameters<Parameters<Database['db']['transaction']>[0]>[0];

interface DeviceKeyPair {
  privateKey: KeyObject;
  /** base64 SPKI DER, as a tracker registers it. */
  publicKey: string;
}
/** Made once per contractor: the seed, the slots and the receipts all ask for it. */
const deviceKeys = new Map<DemoKey, DeviceKeyPair>();

/** PKCS#8 DER of an Ed25519 private key, before its 32-byte seed (RFC 8410). */
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/**
 * The device key of a demo contractor's computer, which signs each tracked slot the demo
 * writes, as a real tracker signs its uploads (docs/evidence.md). Made from a fixed seed, so a
 * later start signs the slots it adds with the same key. The demo's data is made up, and so
 * anyone reading this can make its signatures: it shows what a signed week looks like, it is
 * not a secret.
 */
export function demoDeviceKey(key: DemoKey): DeviceKeyPair {
  let pair = deviceKeys.get(key);
  if (!pair) {
    const seed = createHash('sha256').update(`workdiary demo device: ${key}`).digest();
    const privateKey = createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
    pair = { privateKey, publicKey: createPublicKey(privateKey).export({ format: 'der', type: 'spki' }).toString('base64') };
    deviceKeys.set(key, pair);
  }
  return pair;
}

/** The device's signature over a slot's signed fields, as a tracker sends it in `meta.signature`. */
export const signSlot = (privateKey: KeyObject, fields: SignedSlotFields): string =>
  sign(null, Buffer.from(canonicalJson(fields as unknown as JsonValue), 'utf8'), privateKey).toString('base64');

/** Adds the device of every demo contractor who has tracked slots, or moves its last use to their last upload. */
export async function seedDemoTrackers(tx: Tx, demo: readonly DemoContract[], createdAt: Date): Promise<void> {
  for (const c of demo) {
    const [last] = await tx
      .select({ at: max(slots.createdAt) })
      .from(slots)
      .where(and(eq(slots.contractorId, c.contractorId), eq(slots.kind, 'tracked')));
    const lastUsedAt = last?.at ? new Date(last.at) : null;
    if (!lastUsedAt) continue;
    const deviceName = DEMO_DEVICES[c.key];
    const { publicKey } = demoDeviceKey(c.key);
    const mine = and(eq(trackerTokens.userId, c.contractorId), eq(trackerTokens.deviceName, deviceName));
    const [found] = await tx.select({ id: trackerTokens.id }).from(trackerTokens).where(mine).limit(1);
    if (found) {
      await tx.update(trackerTokens).set({ lastUsedAt, publicKey }).where(eq(trackerTokens.id, found.id));
    } else {
      const tokenHash = createHash('sha256').update(randomBytes(32)).digest('hex');
      await tx.insert(trackerTokens).values({ userId: c.contractorId, deviceName, tokenHash, createdAt, lastUsedAt, publicKey });
    }
  }
}
