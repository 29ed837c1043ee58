// week.pdf's contact sheet: every live slot of the week by local day, its thumbnail (made JPEG
// for the PDF, which takes no WebP) under its time and state, as a client leafs through it.
import sharp from 'sharp';
import { sheetJpeg } from '../storage/screenshots.ts';
import type { SlotKind, SlotState } from '#contract/week.ts';
import { heading, inZone, MARGIN, MUTED, pdfText, RULE, SHADE, type Doc } from './evidence-pdf-style.ts';

export interface PdfSlot {
  start: Date;
  kind: SlotKind;
  state: SlotState;
  memo: string;
  /** The thumbnail's blob key; null for manual time or an image retention removed. */
  thumbSha256: string | null;
  /** Its JPEG for this sheet, made with the thumbnail at upload; null for images stored before. */
  sheetSha256: string | null;
  redacted: boolean;
  /** Retention deleted its screenshot. */
  purged: boolean;
}

/** The bytes of a blob of the contract, or null. */
export type ThumbSource = (sha256: string) => Promise<Buffer | null>;

const COLS = 6;
const GAP = 6;
const CAPTION = 20;
const AHEAD = 4;

const STATE_WORDS: Record<SlotState, string> = {
  billable: 'billable',
  inactive: 'inactive',
  over_limit: 'over limit',
  held: 'held',
  refunded: 'refunded',
  deleted: 'deleted',
};

/** The slot's JPEG: the one made at upload, read as it is, or for an older image made now from its WebP thumbnail. */
async function jpeg(thumb: ThumbSource, slot: PdfSlot): Promise<Buffer | null> {
  if (slot.sheetSha256) {
    const made = await thumb(slot.sheetSha256);
    if (made) return made;
  }
  const webp = slot.thumbSha256 ? await thumb(slot.thumbSha256) : null;
  return webp && sheetJpeg(sharp(webp));
}

/** The slots' thumbnails as JPEG, in order, a few read ahead; a thumbnail that cannot be read is null. */
function thumbnails(slots: PdfSlot[], thumb: ThumbSource) {
  const pending: Promise<Buffer | null>[] = [];
  let next = 0;
  return () => {
    while (pending.length < AHEAD && next < slots.length) {
      const slot = slots[next++]!;
      pending.push(slot.thumbSha256 ? jpeg(thumb, slot).catch(() => null) : Promise.resolve(null));
    }
    return pending.shift()!;
  };
}

function placeholder(doc: Doc, x: number, y: number, w: number, h: number, text: string) {
  doc.rect(x, y, w, h).fill(SHADE);
  doc.font('Helvetica').fontSize(7.5).fillColor(MUTED).text(text, x + 2, y + h / 2 - 4, { width: w - 4, align: 'center', lineBreak: false });
}

export async function contactSheet(doc: Doc, slots: PdfSlot[], timeZone: string, thumb: ThumbSource) {
  doc.addPage();
  heading(doc, 'Contact sheet', 0);
  doc.font('Helvetica').fontSize(9).fillColor(MUTED).text(`Every slot of the week, by day in ${timeZone}. The full-size screenshots are in the pack, named by their SHA-256.`);
  if (slots.length === 0) {
    doc.moveDown(0.5).text('No slots were recorded this week.');
    return;
  }
  const width = doc.page.width - 2 * MARGIN;
  const cellW = (width - GAP * (COLS - 1)) / COLS;
  const imageH = Math.round((cellW * 10) / 16);
  const cellH = imageH + CAPTION;
  const dayOf = inZone(timeZone, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  const timeOf = inZone(timeZone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const take = thumbnails(slots, thumb);
  let day = '';
  let col = 0;
  let y = doc.y;
  for (const slot of slots) {
    const image = await take();
    const d = dayOf(slot.start);
    if (d !== day) {
      day = d;
      col = 0;
      y = doc.y + 10;
      if (y + 18 + cellH > doc.page.height - MARGIN) {
        doc.addPage();
        y = MARGIN;
      }
      doc.font('Helvetica-Bold').fontSize(10).fillColor('#1f2328').text(pdfText(d), MARGIN, y);
      doc.moveTo(MARGIN, y + 14).lineTo(MARGIN + width, y + 14).lineWidth(0.5).strokeColor(RULE).stroke();
      y += 20;
    } else if (col === COLS) {
      col = 0;
      y += cellH + GAP;
    }
    if (y + cellH > doc.page.height - MARGIN) {
      doc.addPage();
      y = MARGIN;
    }
    const x = MARGIN + col * (cellW + GAP);
    if (image) doc.image(image, x, y, { fit: [cellW, imageH], align: 'center', valign: 'center' });
    else placeholder(doc, x, y, cellW, imageH, slot.kind === 'manual' ? 'Manual time' : slot.redacted ? 'Redacted' : slot.purged ? 'Deleted by retention' : 'No screenshot');
    doc.rect(x, y, cellW, imageH).lineWidth(0.5).strokeColor(RULE).stroke();
    const caption = `${timeOf(slot.start)} · ${STATE_WORDS[slot.state]}`;
    const memo = `${slot.redacted ? 'Redacted. ' : ''}${slot.memo}`;
    doc.font('Helvetica').fontSize(7.5).fillColor(slot.state === 'billable' ? '#1f2328' : MUTED).text(caption, x, y + imageH + 3, { width: cellW, height: 9, ellipsis: true });
    if (memo) doc.fillColor(MUTED).text(pdfText(memo), x, y + imageH + 11, { width: cellW, height: 9, ellipsis: true });
    doc.y = y + cellH;
    col++;
  }
  doc.x = MARGIN;
}
