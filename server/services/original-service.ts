// A blur-all contract's originals: the client and the contractor see only the blurred copy; an
// admin may see the original of a slot while a dispute on it is escalated to them, and every
// look is on the audit trail (so in the week's seal once the dispute settles). The bytes are
// decrypted here and checked against the sha256 on the slot's receipt before they are shown.
import type { Database } from '../db/client.ts';
import { appendAudit } from '../data/audit.ts';
import { findSlotOriginal } from '../data/originals.ts';
import type { User } from '../data/users.ts';
import { weekStartOf } from '../domain/week.ts';
import { decryptOriginal } from '../lib/originals-vault.ts';
import { HttpProblem, notFound } from '../lib/problem.ts';
import { sealKey } from '../lib/seal-key.ts';
import type { BlobStore } from '../storage/blob-store.ts';
import { contractNotFound } from './contract-service.ts';

const day = (d: Date | string) => new Date(d).toISOString().slice(0, 10);

export async function revealOriginal(database: Database, blobs: BlobStore, user: User, contractId: string, start: Date, now: Date) {
  const found = await findSlotOriginal(database, user, contractId, start);
  if (!found) throw contractNotFound();
  if (user.role !== 'admin') {
    throw new HttpProblem(403, 'Only an admin sees the original of a blurred screenshot, and only while a dispute on its slot is escalated to them.');
  }
  if (!found.blurAll) throw new HttpProblem(409, 'This contract does not blur its screenshots: open the screenshot itself.');
  if (!found.slot) throw notFound(`The slot starting ${start.toISOString()}`);
  if (found.redactedAt) {
    throw new HttpProblem(410, `The contractor redacted this screenshot on ${day(found.redactedAt)}: its original was deleted for good. Its sha256 stays on the slot's receipt.`);
  }
  if (!found.originalSha256) throw notFound('A screenshot for this slot (it is manual time)');
  if (found.disputeStatus !== 'escalated') {
    const now_ = found.disputeStatus ? `its dispute is ${found.disputeStatus}` : 'it is not disputed';
    throw new HttpProblem(409, `The original is shown only while a dispute on this slot is escalated to an admin; ${now_}.`);
  }
  const kept = found.kept;
  const sealed = kept && (await blobs.get(contractId, kept.blobSha256));
  if (!kept || !sealed) {
    throw new HttpProblem(410, `The original of this screenshot is no longer kept (deleted by retention). Its sha256 (${found.originalSha256}) stays on the slot's receipt.`);
  }
  const key = sealKey();
  if (key.id !== kept.keyId) {
    throw new HttpProblem(409, `The original was encrypted with the installation key ${kept.keyId}, and this server's is ${key.id}. Start the server with that key (WORKDIARY_SEAL_KEY) to see it.`);
  }
  let bytes: Buffer;
  try {
    bytes = decryptOriginal(key, contractId, kept.sha256, sealed);
  } catch (err) {
    throw new HttpProblem(409, `The kept original cannot be shown: ${(err as Error).message}.`);
  }
  await appendAudit(database, {
    at: now,
    actorId: user.id,
    action: 'slot.original_revealed',
    contractId,
    weekStart: weekStartOf(start),
    subject: start.toISOString(),
    before: null,
    after: { originalSha256: kept.sha256 },
  });
  return { bytes, mime: kept.mime };
}
