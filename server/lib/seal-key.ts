// The installation's Ed25519 key that signs sealed weeks. It is made on the first start and
// kept in the data folder (`seal-key.pem`, readable by its owner only), or given as a PKCS#8
// PEM by WORKDIARY_SEAL_KEY, which several servers must share. Node's own crypto signs.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, hkdfSync, sign, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface SealKey {
  /** base64 SPKI DER of the public half. */
  publicKey: string;
  /** The first 16 hex digits of sha256 of the public half: names the key. */
  id: string;
  sign(data: string): string;
  /**
   * A 32-byte secret for one purpose, derived from the private key by HKDF-SHA256 (RFC 5869)
   * with `purpose` as its info: one key to keep, a separate secret for each use. Not to be
   * written to: the same buffer is answered each time.
   */
  derive(purpose: string): Buffer;
}

export function sealKeyFrom(privateKey: KeyObject): SealKey {
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error(`the seal key must be an Ed25519 key, not ${privateKey.asymmetricKeyType}`);
  const spki = createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
  const secret = privateKey.export({ type: 'pkcs8', format: 'der' });
  const derived = new Map<string, Buffer>(); // one HKDF per purpose, not one per upload
  return {
    publicKey: spki.toString('base64'),
    id: createHash('sha256').update(spki).digest('hex').slice(0, 16),
    sign: (data) => sign(null, Buffer.from(data, 'utf8'), privateKey).toString('base64'),
    derive: (purpose) => {
      let key = derived.get(purpose);
      if (!key) derived.set(purpose, (key = Buffer.from(hkdfSync('sha256', secret, 'workdiary', purpose, 32))));
      return key;
    },
  };
}

/** A key held only in memory (tests, and a demo that keeps nothing). */
export const ephemeralSealKey = (): SealKey => sealKeyFrom(generateKeyPairSync('ed25519').privateKey);

/** WORKDIARY_SEAL_KEY's PEM, or the data folder's key, made now if there is none. */
export function loadSealKey(o: { pem?: string; dataDir: string }): { key: SealKey; origin: string } {
  if (o.pem) return { key: sealKeyFrom(createPrivateKey(o.pem)), origin: 'WORKDIARY_SEAL_KEY' };
  const file = path.join(o.dataDir, 'seal-key.pem');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(o.dataDir, { recursive: true });
    const pem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    try {
      fs.writeFileSync(file, pem, { mode: 0o600, flag: 'wx' });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err; // another process made it first
    }
  }
  return { key: sealKeyFrom(createPrivateKey(fs.readFileSync(file, 'utf8'))), origin: file };
}

let current: SealKey | null = null;

/** The key every seal of this process is signed with (set by buildApp). */
export function useSealKey(key: SealKey): void {
  current = key;
}

export function sealKey(): SealKey {
  if (!current) current = ephemeralSealKey();
  return current;
}
