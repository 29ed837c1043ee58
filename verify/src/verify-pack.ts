// The whole check of an evidence pack, in the order docs/evidence.md lists, stopping at the first
// thing that does not verify.
import { checkDeviceSignatures, checkReceipts } from './check-receipts.ts';
import { checkScreenshots } from './check-screenshots.ts';
import { checkSeal, weekRoot, type SealFacts } from './check-seal.ts';
import { VerifyFailure } from './failure.ts';
import { parseManifest } from './manifest.ts';
import type { PackFiles } from './zip.ts';

export type Verdict =
  | { valid: true; slots: number; unsigned: number; seal: SealFacts | null }
  | { valid: false; failure: string };

/** Verifies a pack read by readPack; throws NotAPackError when its manifest is not one. */
export function verifyPack(pack: PackFiles): Verdict {
  const manifest = parseManifest(pack.manifest);
  try {
    const receipts = checkReceipts(manifest);
    checkScreenshots(manifest, pack.screenshots, receipts);
    checkDeviceSignatures(receipts);
    const root = weekRoot(receipts, manifest.auditEvents);
    const seal = manifest.seal ? checkSeal(manifest, manifest.seal, root) : null;
    const slots = receipts.filter((r) => r.body.type === 'slot');
    const unsigned = new Set(slots.filter((r) => r.body.device == null).map((r) => r.body.start));
    return { valid: true, slots: new Set(slots.map((r) => r.body.start)).size, unsigned: unsigned.size, seal };
  } catch (error) {
    if (error instanceof VerifyFailure) return { valid: false, failure: error.message };
    throw error;
  }
}
