// Ed25519 signatures as the pack carries them: the key as base64 SPKI DER, the signature base64.
import { createPublicKey, verify, type KeyObject } from 'node:crypto';

// A week's slots come from one or two devices: each key is read once, not once per slot.
const keys = new Map<string, KeyObject | null>();

function ed25519Key(publicKey: string): KeyObject | null {
  let key = keys.get(publicKey);
  if (key === undefined) {
    try {
      key = createPublicKey({ key: Buffer.from(publicKey, 'base64'), format: 'der', type: 'spki' });
      if (key.asymmetricKeyType !== 'ed25519') key = null;
    } catch {
      key = null;
    }
    keys.set(publicKey, key);
  }
  return key;
}

/** Whether the signature is the key's over the text's UTF-8 bytes; false for a key that is not Ed25519. */
export function ed25519Verifies(publicKey: unknown, text: string, signature: unknown): boolean {
  if (typeof publicKey !== 'string' || typeof signature !== 'string') return false;
  const key = ed25519Key(publicKey);
  try {
    return key !== null && verify(null, Buffer.from(text, 'utf8'), key, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}
