// Ed25519 signatures as the pack carries them: the key as base64 SPKI DER, the signature base64.
import { createPublicKey, verify } from 'node:crypto';

/** Whether the signature is the key's over the text's UTF-8 bytes; false for a key that is not Ed25519. */
export function ed25519Verifies(publicKey: unknown, text: string, signature: unknown): boolean {
  if (typeof publicKey !== 'string' || typeof signature !== 'string') return false;
  try {
    const key = createPublicKey({ key: Buffer.from(publicKey, 'base64'), format: 'der', type: 'spki' });
    return key.asymmetricKeyType === 'ed25519' && verify(null, Buffer.from(text, 'utf8'), key, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}
