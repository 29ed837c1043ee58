// A short name a person can read aloud and compare: the first 16 hex digits of the sha256 of
// some bytes given in base64 (a seal's signature, a device's public key), in groups of four.
import { createHash } from 'node:crypto';

export function fingerprint(base64: string): string {
  const hex = createHash('sha256').update(Buffer.from(base64, 'base64')).digest('hex').slice(0, 16);
  return hex.match(/.{4}/g)!.join(' ');
}
