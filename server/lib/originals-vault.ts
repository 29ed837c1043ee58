// The originals of a blur-all contract's screenshots, encrypted at rest: AES-256-GCM with a key
// derived from the installation's seal key (HKDF, its own purpose), a random 96-bit nonce, and
// the contract and the original's sha256 as associated data, so a ciphertext cannot be passed
// off as another slot's original. Format: "WDO1" ‖ nonce (12) ‖ tag (16) ‖ ciphertext.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { SealKey } from './seal-key.ts';

const MAGIC = Buffer.from('WDO1');
const PURPOSE = 'workdiary encrypted originals v1';

const aad = (contractId: string, sha256: string) => Buffer.from(`${contractId}/${sha256}`, 'utf8');

export function encryptOriginal(key: SealKey, contractId: string, sha256: string, bytes: Buffer): Buffer {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key.derive(PURPOSE), nonce);
  cipher.setAAD(aad(contractId, sha256));
  const body = Buffer.concat([cipher.update(bytes), cipher.final()]);
  return Buffer.concat([MAGIC, nonce, cipher.getAuthTag(), body]);
}

/** The original named by `sha256`, or an Error saying why these bytes are not it. */
export function decryptOriginal(key: SealKey, contractId: string, sha256: string, sealed: Buffer): Buffer {
  if (sealed.length < 32 || !sealed.subarray(0, 4).equals(MAGIC)) throw new Error('the kept original is not in the vault format');
  const decipher = createDecipheriv('aes-256-gcm', key.derive(PURPOSE), sealed.subarray(4, 16));
  decipher.setAAD(aad(contractId, sha256));
  decipher.setAuthTag(sealed.subarray(16, 32));
  let bytes: Buffer;
  try {
    bytes = Buffer.concat([decipher.update(sealed.subarray(32)), decipher.final()]);
  } catch {
    throw new Error('the kept original does not decrypt with this installation key');
  }
  if (createHash('sha256').update(bytes).digest('hex') !== sha256) throw new Error('the kept original does not match the hash on its receipt');
  return bytes;
}
