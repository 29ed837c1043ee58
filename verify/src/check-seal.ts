// The week's Merkle root over the pack's receipts and audit events, and the seal that names it:
// the statement signed with the installation's Ed25519 key.
import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.ts';
import type { CheckedReceipt } from './check-receipts.ts';
import { ed25519Verifies } from './ed25519.ts';
import { check } from './failure.ts';
import type { Manifest, PackSeal } from './manifest.ts';
import { merkleRoot } from './merkle.ts';

export interface WeekRoot {
  root: string;
  leaves: number;
}

/** The root: the receipts' links by seq, then each audit event's sha256 by id. */
export function weekRoot(receipts: readonly CheckedReceipt[], auditEvents: readonly string[]): WeekRoot {
  const events = auditEvents.map((text) => {
    let event: unknown;
    try {
      event = JSON.parse(text);
    } catch {
      event = null;
    }
    const id = (event as { id?: unknown } | null)?.id;
    check(typeof id === 'number' && Number.isSafeInteger(id), `audit event ${JSON.stringify(text.slice(0, 40))}: it is not a JSON object with an id`);
    check(canonicalJson(event) === text, `audit event ${id}: it is not canonical JSON`);
    return { id, leaf: createHash('sha256').update(text, 'utf8').digest() };
  });
  events.sort((a, b) => a.id - b.id);
  const leaves = [...receipts.map((r) => r.link), ...events.map((e) => e.leaf)];
  return { root: merkleRoot(leaves), leaves: leaves.length };
}

export interface SealFacts {
  sealedAt: string;
  /** The first 16 hex digits of sha256(signature), in fours: what the timesheet and the mail show. */
  fingerprint: string;
}

/** Checks that the seal's statement is of this contract week and names its root, and its signature. */
export function checkSeal(manifest: Manifest, seal: PackSeal, week: WeekRoot): SealFacts {
  let statement: Record<string, unknown> | null = null;
  try {
    statement = JSON.parse(seal.statement) as Record<string, unknown>;
  } catch {
    statement = null;
  }
  check(typeof statement === 'object' && statement !== null, 'seal: its statement is not JSON');
  check(statement.contract === manifest.contract.id, 'seal: its statement is of another contract');
  check(statement.week === manifest.week, `seal: its statement is of another week than ${manifest.week}`);
  check(statement.root === week.root, "seal: its statement names another root than the pack's receipts and audit events");
  check(statement.leaves === week.leaves, `seal: its statement counts ${String(statement.leaves)} leaves, the pack has ${week.leaves}`);
  check(typeof statement.sealedAt === 'string', 'seal: its statement has no sealedAt');
  check(ed25519Verifies(seal.publicKey, seal.statement, seal.signature), 'seal: the signature does not verify');
  const digits = createHash('sha256').update(Buffer.from(seal.signature, 'base64')).digest('hex').slice(0, 16);
  return { sealedAt: statement.sealedAt, fingerprint: digits.match(/.{4}/g)!.join(' ') };
}
