// The week's Merkle root (docs/evidence.md), RFC 6962 style: leaf hashes sha256(0x00 ‖ leaf),
// nodes sha256(0x01 ‖ left ‖ right); a level with an odd count carries its last hash up.
import { createHash } from 'node:crypto';

const sha256 = (...parts: Buffer[]): Buffer => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest();
};

const LEAF = Buffer.from([0]);
const NODE = Buffer.from([1]);

/** The root over the leaves, in order, as lower-case hex; the root of no leaves is sha256(""). */
export function merkleRoot(leaves: readonly Buffer[]): string {
  if (leaves.length === 0) return sha256().toString('hex');
  let level = leaves.map((leaf) => sha256(LEAF, leaf));
  while (level.length > 1) {
    const next: Buffer[] = [];
    for (let i = 0; i + 1 < level.length; i += 2) next.push(sha256(NODE, level[i], level[i + 1]));
    if (level.length % 2 === 1) next.push(level[level.length - 1]);
    level = next;
  }
  return level[0].toString('hex');
}
