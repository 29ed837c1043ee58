// The evidence pack of a contract week (docs/evidence.md): a zip of the full-size screenshots
// named by their sha256, week.pdf, and manifest.json with the receipts, their links, the audit
// events and the seal. It is streamed as it is written: each screenshot is read from the blob
// store while the one before it goes out, and the next only once the client has taken that, so
// the server's memory stays flat for a week of 1,008 slots. week.pdf is made meanwhile (its
// thumbnails are CPU work) and follows the screenshots; the manifest comes last, so a
// screenshot's state there is what was found while writing it.
import { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import yazl from 'yazl';
import type { ContractRow as Contract } from '../data/contracts.ts';
import type { Database } from '../db/client.ts';
import type { User } from '../data/users.ts';
import { findEvidenceDisputes, findEvidenceImages, findEvidenceSlots, type EvidenceSlotRow } from '../data/evidence.ts';
import { findWeekAudit, findWeekReceipts, findWeekSeal } from '../data/seals.ts';
import { addWeeks, weekKey } from '../domain/week.ts';
import type { BlobStore } from '../storage/blob-store.ts';
import { auditEventJson, sealFingerprint } from './seal-service.ts';
import { buildTimesheet } from './timesheet-service.ts';
import { loadWeekState } from './week-state.ts';
import { weekPdf, type PdfSlot } from './evidence-pdf.ts';

export const EVIDENCE_FORMAT = 'workdiary-evidence/1';

export type ScreenshotState = 'present' | 'blurred' | 'redacted' | 'deleted' | 'retention';

export interface PackScreenshot {
  sha256: string;
  file: string | null;
  state: ScreenshotState;
  note?: string;
}

const EXT: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp' };
/** When several slots show one image, the state that keeps most of it wins. */
const RANK: Record<ScreenshotState, number> = { present: 4, blurred: 3, retention: 2, redacted: 1, deleted: 0 };

interface Planned {
  sha256: string;
  state: ScreenshotState;
  /** For a present one: the file it goes to. */
  file?: string;
  purgedAt?: Date;
}

/** Each screenshot the week's slot receipts name, once, in chain order, with where it stands now. */
function planScreenshots(named: { start: string; sha256: string }[], slots: EvidenceSlotRow[], images: Map<string, { mime: string; purgedAt: Date | null }>): Planned[] {
  const slotAt = new Map(slots.map((s) => [s.start.getTime(), s]));
  const plan = new Map<string, Planned>();
  for (const { start, sha256 } of named) {
    const slot = slotAt.get(Date.parse(start));
    const image = images.get(sha256);
    let p: Planned;
    if (!slot || slot.deleted) p = { sha256, state: 'deleted' };
    else if (slot.redactedAt) p = { sha256, state: 'redacted' };
    // A blur-all contract's original: kept encrypted on the server, never in a pack.
    else if (slot.originalSha256 === sha256) p = slot.purgedAt ? { sha256, state: 'retention', purgedAt: slot.purgedAt } : { sha256, state: 'blurred' };
    else if (image?.purgedAt) p = { sha256, state: 'retention', purgedAt: image.purgedAt };
    else if (image && slot.sha256 === sha256) p = { sha256, state: 'present', file: `screenshots/${sha256}.${EXT[image.mime] ?? 'bin'}` };
    else p = { sha256, state: 'deleted' };
    const had = plan.get(sha256);
    if (!had || RANK[p.state] > RANK[had.state]) plan.set(sha256, p);
  }
  return [...plan.values()];
}

function entry(p: Planned, file: string | null, state: ScreenshotState): PackScreenshot {
  if (state === 'retention' && p.purgedAt) return { sha256: p.sha256, file, state, note: `screenshot deleted by retention on ${p.purgedAt.toISOString().slice(0, 10)}` };
  if (state === 'blurred') return { sha256: p.sha256, file, state, note: 'the contract blurs every screenshot: the original is kept encrypted on the server' };
  return { sha256: p.sha256, file, state };
}

/** Adds `bytes` as `name` and resolves once the zip has taken them: the caller reads the next only then. */
async function addStreamed(zip: yazl.ZipFile, bytes: Buffer, name: string) {
  const source = Readable.from([bytes], { objectMode: false });
  // Already compressed images: stored, not deflated again.
  zip.addReadStream(source, name, { compress: false });
  await finished(source);
}


/**
 * The week's pack for `user` (whose access to the contract is checked). Everything but the
 * images is read before it answers, and the first image too, so a database or blob store that
 * is down answers 503 instead of a cut-off download.
 */
export async function evidencePack(database: Database, blobs: BlobStore, user: User, contract: Contract, weekStart: Date, now: Date): Promise<Readable> {
  const weekEnd = addWeeks(weekStart, 1);
  const [receipts, audit, seal, slots, sheet, ws, disputes] = await Promise.all([
    findWeekReceipts(database, contract.id, weekStart, weekEnd),
    findWeekAudit(database, contract.id, weekStart),
    findWeekSeal(database, contract.id, weekStart),
    findEvidenceSlots(database, contract.id, weekStart, weekEnd),
    buildTimesheet(database, user, contract, weekStart, contract.timeZone, now),
    loadWeekState(database, contract, weekStart, now),
    findEvidenceDisputes(database, contract.id, weekStart),
  ]);
  const named: { start: string; sha256: string }[] = [];
  for (const r of receipts) {
    const body = JSON.parse(r.body) as { type: string; start?: string; screenshotSha256?: string | null };
    if (body.type === 'slot' && body.start && body.screenshotSha256) named.push({ start: body.start, sha256: body.screenshotSha256 });
  }
  const images = new Map((await findEvidenceImages(database, contract.id, [...new Set(named.map((n) => n.sha256))])).map((i) => [i.sha256, i]));
  const plan = planScreenshots(named, slots, images);
  const present = plan.filter((p) => p.state === 'present');
  const first = present[0] ? await blobs.get(contract.id, present[0].sha256) : null;

  const bySlot = new Map(slots.map((s) => [s.start.getTime(), s]));
  const pdfSlots: PdfSlot[] = ws.rows.map((r, i) => {
    const start = new Date(weekStart.getTime() + r.o * 600_000);
    const s = bySlot.get(start.getTime());
    return { start, kind: r.kind, state: ws.states[i]!, memo: r.memo, thumbSha256: s?.thumbSha256 ?? null, sheetSha256: s?.sheetSha256 ?? null, redacted: Boolean(s?.redactedAt), purged: Boolean(s?.purgedAt) };
  });

  const zip = new yazl.ZipFile();
  const out = zip.outputStream as Readable;
  const write = async () => {
    const pdf = weekPdf(
      {
        contract,
        weekStart,
        sheet,
        slots: pdfSlots,
        disputes,
        receipts: receipts.length,
        seal: seal && { fingerprint: sealFingerprint(seal.signature), sealedAt: seal.sealedAt },
        generatedAt: now,
      },
      (sha) => blobs.get(contract.id, sha),
    );
    pdf.catch(() => {}); // awaited below; a failure before then ends the pack anyway
    const read = (i: number) => (i === 0 ? Promise.resolve(first) : i < present.length ? blobs.get(contract.id, present[i]!.sha256) : Promise.resolve(null));
    const found = new Map<string, PackScreenshot>();
    // Each image is read while the one before it streams: two at most in memory.
    let next = read(0);
    for (let i = 0; i < present.length; i++) {
      const p = present[i]!;
      const bytes = await next;
      next = read(i + 1);
      next.catch(() => {});
      // Gone since the rows were read: its slot was deleted meanwhile.
      if (!bytes) {
        found.set(p.sha256, entry(p, null, 'deleted'));
        continue;
      }
      await addStreamed(zip, bytes, p.file!);
      found.set(p.sha256, entry(p, p.file!, 'present'));
    }
    zip.addBuffer(await pdf, 'week.pdf', { compress: false });
    const screenshots = plan.map((p) => found.get(p.sha256) ?? entry(p, null, p.state));
    const manifest = {
      format: EVIDENCE_FORMAT,
      contract: {
        id: contract.id,
        title: contract.title,
        company: contract.company.name,
        contractor: contract.contractor.name,
        currency: contract.currency,
        hourlyRate: sheet.terms.hourlyRate,
      },
      week: weekKey(weekStart),
      receipts: receipts.map((r) => ({ seq: r.seq, prev: r.prev, body: r.body, hash: r.hash })),
      auditEvents: audit.map(auditEventJson),
      seal: seal && { statement: seal.statement, signature: seal.signature, publicKey: seal.publicKey },
      screenshots,
    };
    zip.addBuffer(Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`), 'manifest.json');
    zip.end();
  };
  write().catch((err: Error) => out.destroy(err));
  return out;
}
