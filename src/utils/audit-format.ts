// The audit trail in words: who (or "System" when a deadline acted), what, and a compact
// "before → after" of what changed. The server records actions as `noun.past_verb`
// (`slot.memo_edited`); known ones get a sentence, others are read out as words.
import type { AuditEntry } from '#contract/disputes.ts';
import { REASON_LABELS } from './dispute-words.ts';
import { formatInZone } from './date-format.ts';
import { formatMinutes } from './duration.ts';
import { ROLE_LABEL, SLOT_STATUS_LABEL, slotCountText, STATUS_LABEL } from './dispute-labels.ts';

const ACTION_LABEL: Record<string, string> = {
  'dispute.opened': 'Opened the dispute',
  'dispute.created': 'Opened the dispute',
  'dispute.answered': 'Answered a slot',
  'dispute.slot_answered': 'Answered a slot',
  'dispute.slot_accepted': 'Accepted a slot',
  'dispute.slot_contested': 'Contested a slot',
  'dispute.accepted': 'Accepted a slot',
  'dispute.contested': 'Contested a slot',
  'dispute.escalated': 'Escalated the dispute',
  'dispute.resolved': 'Resolved a slot',
  'dispute.slot_resolved': 'Resolved a slot',
  'dispute.settled': 'Settled the dispute',
  'dispute.withdrawn': 'Withdrew the dispute',
  'dispute.commented': 'Commented',
  'dispute.comment_added': 'Commented',
  'user.disabled': 'Disabled the account of',
  'user.enabled': 'Enabled the account of',
  'user.password_changed': 'Set a new password for',
  'company.created': 'Created the company',
  'company.renamed': 'Renamed the company',
  'company.deactivated': 'Deactivated the company',
  'company.reactivated': 'Reactivated the company',
  'contract.created': 'Created the contract',
  'contract.paused': 'Paused the contract',
  'contract.resumed': 'Resumed the contract',
  'contract.ended': 'Ended the contract',
  'contract.terms_changed': 'Changed the terms from the next Monday',
};

/** "Opened the dispute"; an unknown `dispute.slot_reopened` reads "Dispute: slot reopened". */
export function actionLabel(action: string): string {
  const known = ACTION_LABEL[action];
  if (known) return known;
  const [noun, ...rest] = action.split('.');
  if (rest.length === 0) return capitalize(words(noun ?? action));
  return `${capitalize(words(noun!))}: ${words(rest.join(' '))}`;
}

const capitalize = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1) : s);

/** "Dana Fox (client)", or "System" when a deadline acted. */
export function actorText(actor: AuditEntry['actor']): string {
  if (!actor) return 'System';
  return `${actor.name} (${ROLE_LABEL[actor.role].toLowerCase()})`;
}

const MAX_VALUE = 60;
const ISO_INSTANT = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/;

/** One value, short: statuses by their label, long text cut, lists counted. */
export function valueText(key: string | null, value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') {
    if (key === 'reason' && value in REASON_LABELS) return REASON_LABELS[value as keyof typeof REASON_LABELS];
    if (key === 'status' || key?.endsWith('Status')) {
      const label = (STATUS_LABEL as Record<string, string>)[value] ?? (SLOT_STATUS_LABEL as Record<string, string>)[value];
      if (label) return label;
    }
    if (value === '') return '(empty)';
    // An instant (disabledAt, effectiveFrom…), as a person reads one.
    if (ISO_INSTANT.test(value)) return `${formatInZone(value, 'UTC', 'd MMM yyyy, HH:mm')} UTC`;
    const text = value.length > MAX_VALUE ? `${value.slice(0, MAX_VALUE - 1)}…` : value;
    // Free text is quoted so it reads as what someone wrote; single words (ids, codes) are not.
    return /\s/.test(text) ? `“${text}”` : text;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return scalarText(key, value);
  if (Array.isArray(value)) {
    if (key === 'slots' || key?.endsWith('Slots')) return slotCountText(value.length);
    return `${value.length} ${value.length === 1 ? 'item' : 'items'}`;
  }
  const record = isRecord(value) ? recordText(key, value) : null;
  if (record) return record;
  const json = JSON.stringify(value);
  return json.length > MAX_VALUE ? `${json.slice(0, MAX_VALUE - 1)}…` : json;
}

/** A name as words: `weeklyLimitHours` → "weekly limit hours", `slot_reopened` → "slot reopened". */
const words = (name: string) =>
  name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
/** Money in minor units (cents), without its currency, which the entry's contract gives. */
const minor = (n: number) => (n / 100).toFixed(2);

/** A number or a yes/no, by what its key says it is. */
function scalarText(key: string | null, value: number | boolean): string {
  if (key === 'hourlyRate' && typeof value === 'number') return `${minor(value)} an hour`;
  if (key === 'weeklyLimitHours') return `${value} h a week`;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}

/** One field of a record, as words: "25 h a week", "manual time allowed", "billable 833.00". */
function fieldText(parent: string | null, key: string, value: unknown): string {
  if (parent === 'minutes' && typeof value === 'number') return `${words(key)} ${formatMinutes(value)}`;
  if (parent === 'amounts' && typeof value === 'number') return `${words(key)} ${minor(value)}`;
  if (key === 'hourlyRate' && typeof value === 'number') return scalarText(key, value);
  if (key === 'weeklyLimitHours') return value === null ? 'no weekly limit' : scalarText(key, value as number);
  if (key === 'manualTimeAllowed' && typeof value === 'boolean') return value ? 'manual time allowed' : 'no manual time';
  return `${words(key)} ${valueText(key, value)}`;
}

/**
 * A flat record the server writes whole (a week's terms, its minutes and amounts) as one line of
 * words instead of JSON; null for anything deeper.
 */
function recordText(key: string | null, value: Record<string, unknown>): string | null {
  const entries = Object.entries(value);
  if (entries.length === 0 || !entries.every(([, v]) => v === null || ['number', 'boolean', 'string'].includes(typeof v))) return null;
  return entries.map(([k, v]) => fieldText(key, k, v)).join(' · ');
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * What changed, one line per field: ["status: Open → Escalated", "reply: “Worked on the API”"].
 * Fields equal before and after are left out.
 */
export function changeLines(before: unknown, after: unknown): string[] {
  if (isRecord(before) || isRecord(after)) {
    const b = isRecord(before) ? before : {};
    const a = isRecord(after) ? after : {};
    const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
    const lines: string[] = [];
    for (const key of keys) {
      const inB = key in b;
      const inA = key in a;
      if (inB && inA && same(b[key], a[key])) continue;
      const name = words(key);
      if (inB && inA) lines.push(`${name}: ${valueText(key, b[key])} → ${valueText(key, a[key])}`);
      else if (inA) lines.push(`${name}: ${valueText(key, a[key])}`);
      else lines.push(`${name}: ${valueText(key, b[key])} → —`);
    }
    return lines;
  }
  if ((before === null || before === undefined) && (after === null || after === undefined)) return [];
  if (same(before, after)) return [];
  if (before === null || before === undefined) return [valueText(null, after)];
  return [`${valueText(null, before)} → ${valueText(null, after)}`];
}
