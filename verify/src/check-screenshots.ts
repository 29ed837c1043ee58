// The screenshots of a pack: every file's bytes match the hash it is named by, and every
// screenshot the manifest lists is one a slot receipt names. A screenshot deleted, redacted or
// gone by retention has no file; its hash is still proven through its receipt's link.
import { check } from './failure.ts';
import type { Manifest } from './manifest.ts';
import { slotLabel, type CheckedReceipt } from './check-receipts.ts';

const FILE_NAME = /^screenshots\/([0-9a-f]{64})\.(png|jpg|webp)$/;

/** Checks every screenshot file and manifest entry against the slot receipts. */
export function checkScreenshots(manifest: Manifest, files: ReadonlyMap<string, string | null>, receipts: readonly CheckedReceipt[]): void {
  const slotByScreenshot = new Map<string, string>();
  for (const receipt of receipts) {
    const sha256 = receipt.body.type === 'slot' ? receipt.body.screenshotSha256 : null;
    if (typeof sha256 === 'string' && !slotByScreenshot.has(sha256)) slotByScreenshot.set(sha256, slotLabel(receipt));
  }
  const labelOf = (sha256: string): string => slotByScreenshot.get(sha256) ?? `screenshot ${sha256}`;

  for (const [file, actual] of files) {
    const named = FILE_NAME.exec(file)?.[1];
    check(named !== undefined, `${file}: a file not named for its sha256`);
    check(actual === named, `${labelOf(named)}: screenshot does not match its hash`);
  }
  const listed = new Set<string>();
  for (const screenshot of manifest.screenshots) {
    const label = labelOf(screenshot.sha256);
    check(slotByScreenshot.has(screenshot.sha256), `${label}: no slot receipt in the pack names it`);
    if (screenshot.file !== null) {
      check(FILE_NAME.exec(screenshot.file)?.[1] === screenshot.sha256, `${label}: its file is named for another hash`);
      check(files.has(screenshot.file), `${label}: its screenshot file is missing from the pack`);
    } else {
      check(screenshot.state !== 'present', `${label}: the screenshot is listed as present, with no file`);
    }
    listed.add(screenshot.sha256);
  }
  for (const [sha256, label] of slotByScreenshot) check(listed.has(sha256), `${label}: the manifest does not account for its screenshot`);
}
