// A Merkle tree as RFC 6962 builds one (docs/evidence.md): leaf hashes sha256(0x00 ‖ leaf),
// inner nodes sha256(0x01 ‖ left ‖ right); a level with an odd count carries its last hash up.
import { createHash } from 'node:crypto';

const sha256 = (...parts: Buffer[]): Buffer => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest();
};
const LEAF = Buffer.from([0]);
const NODE = Buffer.from([1]);

export function merkleRoot(leaves: Buffer[]): Buffer {
  if (leaves.length === 0) return sha256();
  let level: Buffer[] = leaves.map((l) => sha256(LEAF, l));
  while (level.length > 1) {
    const next: Buffer[] = [];
    for (let i = 0; i < level.length; i += 2) next.push(i + 1 < level.length ? sha256(NODE, level[i]!, level[i + 1]!) : level[i]!);
    level = next;
  }
  return level[0]!;
}
