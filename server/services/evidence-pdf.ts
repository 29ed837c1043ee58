// week.pdf of the evidence pack: the week as a document a client files. The contract and the
// week, the timesheet's totals and amounts (the timesheet's own numbers), minutes per day in
// the contract's time zone, the disputes and how their slots came out, the seal's fingerprint,
// and a contact sheet of the slots' thumbnails.
import { buffer } from 'node:stream/consumers';
import PDFDocument from 'pdfkit';
import type { Timesheet } from '#contract/timesheet.ts';
import type { ContractRow as Contract } from '../data/contracts.ts';
import type { EvidenceDisputeRow } from '../data/evidence.ts';
import { disputeAt } from '../domain/disputes.ts';
import { addWeeks } from '../domain/week.ts';
import { contactSheet, type PdfSlot, type ThumbSource } from './evidence-contact-sheet.ts';
import { ACCENT, facts, heading, hm, inZone, MARGIN, money, MUTED, pdfText, table, utcDay, utcInstant, type Doc } from './evidence-pdf-style.ts';

export type { PdfSlot };

export interface WeekPdfInput {
  contract: Contract;
  weekStart: Date;
  sheet: Timesheet;
  slots: PdfSlot[];
  disputes: EvidenceDisputeRow[];
  /** How many receipts of the week the pack's manifest holds. */
  receipts: number;
  seal: { fingerprint: string; sealedAt: Date } | null;
  generatedAt: Date;
}

const STATUS: Record<Timesheet['status'], string> = {
  in_progress: 'In progress',
  editing: 'Open for the contractor’s edits',
  in_review: 'In the client’s review',
  approved: 'Approved',
  auto_approved: 'Approved automatically',
};

const REASONS: Record<EvidenceDisputeRow['reason'], string> = {
  not_work_related: 'Not work related',
  low_activity: 'Low activity',
  memo_missing_or_wrong: 'Memo missing or wrong',
  suspicious_screenshot: 'Suspicious screenshot',
  outside_scope: 'Outside the contract’s scope',
  other: 'Other',
};

const OUTCOMES: [keyof EvidenceDisputeRow['outcomes'], string][] = [
  ['accepted', 'accepted by the contractor (refunded)'],
  ['resolved_client', 'resolved for the client (refunded)'],
  ['resolved_contractor', 'resolved for the contractor (paid)'],
  ['contested', 'contested, awaiting the admin'],
  ['open', 'awaiting the contractor’s answer'],
  ['withdrawn', 'withdrawn'],
];

function header(doc: Doc, input: WeekPdfInput) {
  const { contract, weekStart, sheet } = input;
  const last = new Date(addWeeks(weekStart, 1).getTime() - 86_400_000);
  doc.font('Helvetica').fontSize(9).fillColor(MUTED).text('WORKDIARY · WEEK EVIDENCE', MARGIN, MARGIN, { characterSpacing: 0.8 });
  doc.moveDown(0.4);
  doc.font('Helvetica-Bold').fontSize(20).fillColor('#1f2328').text(pdfText(contract.title));
  doc.font('Helvetica').fontSize(12).fillColor(MUTED).text(`Week of ${utcDay(weekStart)} to ${utcDay(last)}`);
  doc.moveDown(0.8);
  const approval = sheet.approval
    ? sheet.approval.kind === 'manual'
      ? `Approved by ${sheet.approval.approvedBy?.name ?? 'the client'} on ${utcInstant(new Date(sheet.approval.approvedAt))}`
      : `Approved automatically at the end of the review, ${utcInstant(new Date(sheet.approval.approvedAt))}`
    : 'Not approved';
  facts(doc, [
    ['Company', contract.company.name],
    ['Contractor', contract.contractor.name],
    ['Week (UTC)', `${utcInstant(weekStart)} to ${utcInstant(addWeeks(weekStart, 1))}`],
    ['Status', STATUS[sheet.status]],
    ['Approval', approval],
    ['Rate', `${money(sheet.terms.hourlyRate, sheet.currency)} an hour${sheet.terms.weeklyLimitHours === null ? ', no weekly limit' : `, at most ${sheet.terms.weeklyLimitHours} h a week`}`],
    ['Receipts', `${input.receipts} on the contract’s chain for this week (manifest.json)`],
    ['Generated', utcInstant(input.generatedAt)],
  ]);
  // The seal: what both parties compare with the fingerprint they were shown or mailed.
  doc.moveDown(0.6);
  const y = doc.y;
  const w = doc.page.width - 2 * MARGIN;
  doc.roundedRect(MARGIN, y, w, 44, 4).lineWidth(1).strokeColor(ACCENT).stroke();
  doc.font('Helvetica').fontSize(9).fillColor(MUTED).text('SEAL FINGERPRINT', MARGIN + 12, y + 8, { characterSpacing: 0.6 });
  if (input.seal) {
    doc.font('Courier-Bold').fontSize(15).fillColor(ACCENT).text(input.seal.fingerprint, MARGIN + 12, y + 21);
    doc.font('Helvetica').fontSize(9).fillColor(MUTED).text(`Sealed ${utcInstant(input.seal.sealedAt)}`, MARGIN + 12, y + 25, { width: w - 24, align: 'right' });
  } else {
    doc.font('Helvetica-Bold').fontSize(13).fillColor('#1f2328').text('Not sealed yet', MARGIN + 12, y + 22);
  }
  doc.y = y + 44;
  doc.x = MARGIN;
}

function totals(doc: Doc, sheet: Timesheet) {
  heading(doc, 'Totals');
  const t = sheet.totals;
  const cur = sheet.currency;
  table(
    doc,
    [
      { label: 'Time', width: 240 },
      { label: 'Hours', width: 120, align: 'right' },
      { label: 'Amount', width: 139, align: 'right' },
    ],
    [
      ['Billable', hm(t.billable), money(sheet.amounts.billable, cur)],
      ['   of which manual time', hm(t.manual), ''],
      ['Held in a dispute', hm(t.held), money(sheet.amounts.held, cur)],
      ['Refunded', hm(t.refunded), money(sheet.amounts.refunded, cur)],
      ['Inactive (not billed)', hm(t.inactive), ''],
      ['Over the weekly limit (not billed)', hm(t.overLimit), ''],
      ['All tracked and manual time', hm(t.total), ''],
    ],
    { totalRow: true },
  );
}

function days(doc: Doc, sheet: Timesheet, timeZone: string) {
  heading(doc, `Per day (${timeZone})`);
  const day = inZone('UTC', { weekday: 'short', day: 'numeric', month: 'short' });
  const cols = ['Billable', 'Manual', 'Inactive', 'Over limit', 'Held', 'Refunded', 'Total'];
  const row = (label: string, m: Timesheet['totals']) => [
    label,
    ...[m.billable, m.manual, m.inactive, m.overLimit, m.held, m.refunded, m.total].map((x) => (x ? hm(x) : '–')),
  ];
  table(
    doc,
    [{ label: 'Day', width: 107 }, ...cols.map((label) => ({ label, width: 56, align: 'right' as const }))],
    [...sheet.days.map((d) => row(`${day(new Date(`${d.date}T12:00:00Z`))}${d.partial ? ' (part)' : ''}`, d.minutes)), row('Week', sheet.totals)],
    { totalRow: true },
  );
}

function disputes(doc: Doc, list: EvidenceDisputeRow[], now: Date) {
  heading(doc, 'Disputes');
  if (list.length === 0) {
    doc.font('Helvetica').fontSize(9.5).fillColor(MUTED).text('No slot of this week was disputed.');
    return;
  }
  const status = { open: 'Open', escalated: 'Escalated to the admin', settled: 'Settled', withdrawn: 'Withdrawn' };
  for (const d of list) {
    if (doc.y + 60 > doc.page.height - MARGIN) doc.addPage();
    const n = Object.values(d.outcomes).reduce((a, b) => a + (b ?? 0), 0);
    const outcome = OUTCOMES.filter(([k]) => d.outcomes[k]).map(([k, words]) => `${d.outcomes[k]} ${words}`);
    const shown = disputeAt(d, now);
    doc.moveDown(0.3);
    doc.font('Helvetica-Bold').fontSize(10).fillColor('#1f2328').text(pdfText(`${REASONS[d.reason]} · ${n} slot${n === 1 ? '' : 's'} · ${status[shown.status]}`));
    doc.font('Helvetica').fontSize(9).fillColor(MUTED).text(pdfText(`Opened by ${d.createdBy} on ${utcInstant(d.createdAt)}${d.closedAt ? `, closed ${utcInstant(d.closedAt)}` : ''}`));
    if (d.comment) doc.font('Helvetica-Oblique').fontSize(9).fillColor('#1f2328').text(pdfText(`“${d.comment.slice(0, 400)}”`));
    if (outcome.length) doc.font('Helvetica').fontSize(9).fillColor('#1f2328').text(pdfText(`Slots: ${outcome.join('; ')}.`));
  }
}

/**
 * The week's PDF. It is made in memory, in parallel with the pack's screenshots: a week holds
 * at most 1,008 slots, so its PDF stays within some 8 MB. Thumbnails are read (and made JPEG) a
 * few at a time.
 */
export async function weekPdf(input: WeekPdfInput, thumb: ThumbSource): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: { Title: pdfText(`${input.contract.title}, week of ${input.weekStart.toISOString().slice(0, 10)}`), Author: 'workdiary', Subject: 'Week evidence' },
  });
  const bytes = buffer(doc);
  try {
    header(doc, input);
    totals(doc, input.sheet);
    days(doc, input.sheet, input.contract.timeZone);
    disputes(doc, input.disputes, input.generatedAt);
    await contactSheet(doc, input.slots, input.contract.timeZone, thumb);
    doc.end();
  } catch (err) {
    doc.destroy(err as Error);
  }
  return bytes;
}
