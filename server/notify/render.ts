// What each kind of event says: the bell's title and line, and the mail (plain text and HTML,
// with an unsubscribe link for that kind). Made from the event's data when it is emitted, so
// the outbox shows what the recipient got.
import type { NotificationKind } from '#contract/notifications.ts';

/** Filled by the service that emits: names and figures already formatted for a reader. */
export interface EventData {
  /** The dashboard path where the event is acted on, e.g. `/contracts/<id>/review/2026-11-30`. */
  path: string;
  contract?: string;
  contractor?: string;
  company?: string;
  /** The week, as its Monday: `2026-11-30`. */
  week?: string;
  /** An amount with its currency, e.g. `$1,234.50`. */
  amount?: string;
  /** A deadline or instant, already written for a reader, e.g. `Thu 3 Dec, 15:00 UTC`. */
  when?: string;
  count?: number;
  /** A short quote: a comment, a question, an answer. */
  text?: string;
  /** The sealed week's fingerprint, when there is one. */
  fingerprint?: string;
}

export interface Rendered {
  title: string;
  body: string;
  link: string;
  mail: { subject: string; text: string; html: string };
}

const plural = (n: number | undefined, one: string, many = `${one}s`) => `${n ?? 0} ${n === 1 ? one : many}`;
const dayMonth = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const dayMonthYear = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
/** `2026-11-16` → `16–22 Nov 2026`; `2026-11-30` → `30 Nov – 6 Dec 2026`: the days a reader knows the week by. */
export function weekWords(monday: string): string {
  const from = new Date(`${monday}T00:00:00Z`);
  const to = new Date(from.getTime() + 6 * 86_400_000);
  if (Number.isNaN(from.getTime())) return monday;
  if (from.getUTCFullYear() !== to.getUTCFullYear()) return `${dayMonthYear.format(from)} – ${dayMonthYear.format(to)}`;
  if (from.getUTCMonth() !== to.getUTCMonth()) return `${dayMonth.format(from)} – ${dayMonthYear.format(to)}`;
  return `${from.getUTCDate()}–${dayMonthYear.format(to)}`;
}
const week = (d: EventData) => (d.week ? `the week of ${weekWords(d.week)}` : 'a week');
const Week = (d: EventData) => (d.week ? `The week of ${weekWords(d.week)}` : 'A week');
const on = (d: EventData) => (d.contract ? ` on ${d.contract}` : '');
/** A line's tail from `text`, which the emitter writes as a clause (quotes included where it quotes someone). */
const tail = (d: EventData, otherwise = '.') => (d.text ? `: ${d.text}${/[.!?…]”?$/.test(d.text) ? '' : '.'}` : otherwise);
const quoted = (d: EventData) => (d.text ? `: “${d.text}”` : '.');

const LINES: Record<NotificationKind, (d: EventData) => { title: string; body: string }> = {
  'week-in-review': (d) => ({ title: 'Week in review', body: `${d.contractor ?? 'A contractor'}’s ${d.week ? `week of ${weekWords(d.week)}` : 'week'}${on(d)} is ready for your review${d.when ? `, until ${d.when}` : ''}.` }),
  'review-closing': (d) => ({ title: 'Review closes in 24 hours', body: `Nothing is approved yet for ${week(d)}${on(d)}. What is not disputed is approved automatically${d.when ? ` after ${d.when}` : ' when the review closes'}.` }),
  'dispute-answered': (d) => ({ title: 'Dispute answered', body: `${d.contractor ?? 'The contractor'} answered your dispute${on(d)}${tail(d)}` }),
  'dispute-escalated': (d) => ({ title: 'Dispute escalated', body: `A dispute${on(d)} went to an admin${d.text ? ` (${d.text})` : ''}.` }),
  'dispute-resolved-client': (d) => ({ title: 'Dispute resolved', body: `A dispute${on(d)} was resolved${tail(d)}` }),
  'over-cap': (d) => ({ title: 'Over the weekly cap', body: `${d.contractor ?? 'A contractor'} went over the weekly cap${on(d)} in ${week(d)}${d.text ? ` (${d.text})` : ''}.` }),
  'question-answered': (d) => ({ title: 'Question answered', body: `${d.contractor ?? 'The contractor'} answered your question${on(d)}${quoted(d)}` }),
  'slots-disputed': (d) => ({ title: 'Slots disputed', body: `${plural(d.count, 'slot')}${on(d)} ${d.count === 1 ? 'was' : 'were'} disputed${d.text ? ` (“${d.text}”)` : ''}. Answer${d.when ? ` by ${d.when}` : ' within 3 days'}.` }),
  'dispute-resolved': (d) => ({ title: 'Dispute resolved', body: `A dispute${on(d)} was resolved${tail(d)}` }),
  'week-approved': (d) => ({ title: 'Week approved', body: `${Week(d)}${on(d)} was approved${d.text ? ` ${d.text}` : ''}${d.amount ? `: ${d.amount}` : ''}.${d.fingerprint ? ` Seal ${d.fingerprint}.` : ''}` }),
  'tracker-silent': (d) => ({ title: 'Tracker not uploading', body: `Your tracker${on(d)} has not uploaded for 2 working hours${d.when ? `, since ${d.when}` : ''}. Is it running?` }),
  'question-asked': (d) => ({ title: 'Question on a slot', body: `A client asked about a slot${on(d)}${quoted(d)}` }),
  'dispute-escalated-admin': (d) => ({ title: 'Dispute escalated to you', body: `A dispute${on(d)}${d.company ? ` (${d.company})` : ''} waits for your decision${d.text ? `: ${d.text}` : ''}.` }),
};

export const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

export interface MailFrame {
  base: string;
  recipientName: string;
  /** Also the unsubscribe handle: random and known only to the mail's reader. */
  messageId: string;
}

/** The one mail layout: a greeting, the line, a button to act, and the footer. */
export function mailBody(frame: MailFrame, line: string, action: { label: string; url: string }, footer: { text: string; url: string } | null) {
  const text = [`Hello ${frame.recipientName},`, '', line, '', `${action.label}: ${action.url}`, ...(footer ? ['', '--', `${footer.text}: ${footer.url}`] : [])].join('\n');
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#1f2933;max-width:560px;margin:0 auto;padding:24px">
<p>Hello ${escapeHtml(frame.recipientName)},</p>
<p>${escapeHtml(line)}</p>
<p><a href="${escapeHtml(action.url)}" style="display:inline-block;background:#2563eb;color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none">${escapeHtml(action.label)}</a></p>
${footer ? `<hr style="border:none;border-top:1px solid #e5e7eb"><p style="font-size:12px;color:#6b7280"><a href="${escapeHtml(footer.url)}" style="color:#6b7280">${escapeHtml(footer.text)}</a></p>` : ''}
</body></html>`;
  return { text, html };
}

export const unsubscribeUrl = (base: string, messageId: string) => `${base}/unsubscribe/${encodeURIComponent(messageId)}`;

export function renderEvent(kind: NotificationKind, data: EventData, frame: MailFrame): Rendered {
  const { title, body } = LINES[kind](data);
  const url = `${frame.base}${data.path}`;
  const { text, html } = mailBody(frame, body, { label: 'Open in workdiary', url }, { text: `Stop these mails (“${title}”)`, url: unsubscribeUrl(frame.base, frame.messageId) });
  return { title, body, link: data.path, mail: { subject: `${title}${data.contract ? ` · ${data.contract}` : ''}`, text, html } };
}
