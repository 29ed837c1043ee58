// What week.pdf's pages share: the page, its type and colours, the text it may hold, and times
// and durations as a person reads them.
import type PDFDocument from 'pdfkit';

export type Doc = InstanceType<typeof PDFDocument>;

export const MARGIN = 48;
export const INK = '#1f2328';
export const MUTED = '#5b636e';
export const RULE = '#d0d7de';
export const SHADE = '#f3f5f7';
export const ACCENT = '#1f5fbf';

// The standard fonts are encoded as WinAnsi: these are the characters above 255 it has.
const WIN_ANSI_EXTRA = new Set([402, 8211, 8212, 8216, 8217, 8218, 8220, 8221, 8222, 8224, 8225, 8226, 8230, 8364, 8240, 8249, 8250, 710, 8482, 338, 339, 732, 352, 353, 376, 381, 382]);
const encodable = (c: string) => {
  const code = c.codePointAt(0)!;
  return (code >= 0x20 && code < 0x7f) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(code);
};

/**
 * Text the PDF's standard fonts can show: a letter they lack loses its accent (ő → o) or
 * becomes "?", control characters become spaces. The pack's manifest keeps every text exactly.
 */
export function pdfText(s: string): string {
  let out = '';
  for (const c of s) {
    if (encodable(c)) out += c;
    else if (/\p{Cc}/u.test(c)) out += ' ';
    else {
      const base = c.normalize('NFKD').replace(/\p{M}/gu, '');
      out += base && [...base].every(encodable) ? base : '?';
    }
  }
  return out;
}

/** Minutes as hours and minutes: 0:00, 7:30, 40:10. */
export const hm = (minutes: number) => `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;

/** An amount in minor units with its currency's code: USD 1,234.50. */
export function money(minor: number, currency: string): string {
  const f = new Intl.NumberFormat('en', { style: 'currency', currency, currencyDisplay: 'code' });
  const digits = f.resolvedOptions().maximumFractionDigits ?? 2;
  return f.format(minor / 10 ** digits).replace(/\u00a0/g, ' ');
}

/** A formatter of instants in `timeZone`. */
export const inZone = (timeZone: string, o: Intl.DateTimeFormatOptions) => {
  const f = new Intl.DateTimeFormat('en-GB', { timeZone, ...o });
  return (d: Date) => f.format(d);
};

export const utcDay = inZone('UTC', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
export const utcInstant = (d: Date) => `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/** A section's heading; starts a new page when less than `need` points are left below it. */
export function heading(doc: Doc, text: string, need = 120) {
  if (doc.y + need > doc.page.height - MARGIN) doc.addPage();
  doc.moveDown(0.8);
  doc.font('Helvetica-Bold').fontSize(13).fillColor(INK).text(pdfText(text), MARGIN, doc.y);
  doc.moveDown(0.3);
}

export interface Column {
  label: string;
  width: number;
  align?: 'left' | 'right';
}

/**
 * A table: a shaded header, a rule under each row, the last row bold when `totalRow`. Rows
 * that do not fit the page continue on the next, under the header again.
 */
export function table(doc: Doc, columns: Column[], rows: string[][], opts: { totalRow?: boolean } = {}) {
  const rowH = 17;
  const width = columns.reduce((n, c) => n + c.width, 0);
  const line = (cells: string[], y: number, bold: boolean, color = INK) => {
    let x = MARGIN;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9).fillColor(color);
    cells.forEach((cell, i) => {
      const c = columns[i]!;
      doc.text(pdfText(cell), x + 4, y + 5, { width: c.width - 8, align: c.align ?? 'left', lineBreak: false, ellipsis: true });
      x += c.width;
    });
  };
  const head = () => {
    const y = doc.y;
    doc.rect(MARGIN, y, width, rowH).fill(SHADE);
    line(columns.map((c) => c.label), y, true, MUTED);
    doc.y = y + rowH;
  };
  head();
  rows.forEach((cells, i) => {
    if (doc.y + rowH > doc.page.height - MARGIN) {
      doc.addPage();
      head();
    }
    const y = doc.y;
    line(cells, y, Boolean(opts.totalRow && i === rows.length - 1));
    doc.moveTo(MARGIN, y + rowH).lineTo(MARGIN + width, y + rowH).lineWidth(0.5).strokeColor(RULE).stroke();
    doc.y = y + rowH;
  });
  doc.x = MARGIN;
}

/** Label and value pairs in two columns. */
export function facts(doc: Doc, pairs: [string, string][]) {
  const labelW = 120;
  const valueW = doc.page.width - 2 * MARGIN - labelW;
  for (const [label, value] of pairs) {
    const y = doc.y;
    doc.font('Helvetica').fontSize(9.5).fillColor(MUTED).text(pdfText(label), MARGIN, y, { width: labelW - 8 });
    doc.font('Helvetica').fontSize(9.5).fillColor(INK).text(pdfText(value), MARGIN + labelW, y, { width: valueW });
    doc.y = Math.max(doc.y, y + 13) + 2;
  }
  doc.x = MARGIN;
}
