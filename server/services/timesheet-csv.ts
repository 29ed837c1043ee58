// The week as CSV: one row per slot (UTC), then the totals and amounts.
import type { ContractRow as Contract } from '../data/contracts.ts';
import type { SlotState } from '#contract/week.ts';
import { SLOT_MS } from '#contract/common.ts';
import type { Queryable } from '../db/client.ts';
import { findWeekSlotExtras } from '../data/slots.ts';
import { addWeeks } from '../domain/week.ts';
import { amountsOf } from './timesheet-service.ts';
import { tallyDays } from './week-service.ts';
import { loadWeekState } from './week-state.ts';

const STATE_WORDS: Record<SlotState, string> = {
  deleted: 'deleted',
  refunded: 'refunded',
  held: 'held',
  inactive: 'inactive',
  over_limit: 'over the limit',
  billable: 'billable',
};

/** A CSV cell: quoted when needed, and never read as a formula by a spreadsheet. */
function cell(value: string | number | null): string {
  let s = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

const minorToDecimal = (minor: number, currency: string) => {
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  if (digits === 0) return String(minor);
  const s = String(Math.abs(minor)).padStart(digits + 1, '0');
  return `${minor < 0 ? '-' : ''}${s.slice(0, -digits)}.${s.slice(-digits)}`;
};

/** The week as CSV: one row per slot (UTC), then the totals and amounts. */
export async function timesheetCsv(database: Queryable, contract: Contract, weekStart: Date, now: Date): Promise<string> {
  const [ws, extra] = await Promise.all([
    loadWeekState(database, contract, weekStart, now),
    findWeekSlotExtras(database, contract.id, weekStart, addWeeks(weekStart, 1)),
  ]);
  const { totals: t } = tallyDays(ws, 'UTC');
  const amounts = amountsOf(ws);
  const byOffset = new Map(extra.map((e) => [e.o, e]));
  const lines: string[] = [];
  const row = (...cells: (string | number | null)[]) => lines.push(cells.map(cell).join(','));
  row('start_utc', 'end_utc', 'kind', 'state', 'active_minutes', 'keyboard_total', 'mouse_total', 'memo', 'window_title', 'screenshot_sha256', 'duplicate', 'dispute');
  ws.rows.forEach((r, i) => {
    const at = weekStart.getTime() + r.o * SLOT_MS;
    const e = byOffset.get(r.o);
    row(
      new Date(at).toISOString(),
      new Date(at + SLOT_MS).toISOString(),
      r.kind,
      STATE_WORDS[ws.states[i]!],
      r.kind === 'manual' ? null : r.active,
      e && r.kind === 'tracked' ? e.keyboard.reduce((a, b) => a + b, 0) : null,
      e && r.kind === 'tracked' ? e.mouse.reduce((a, b) => a + b, 0) : null,
      r.memo,
      r.title,
      e?.sha ?? null,
      r.dup ? 'yes' : 'no',
      e?.ds ?? null,
    );
  });
  const cur = contract.currency;
  lines.push('');
  row('total', 'minutes', 'hours', `amount_${cur}`);
  row('billable', t.billable, (t.billable / 60).toFixed(2), minorToDecimal(amounts.billable, cur));
  row('of which manual', t.manual, (t.manual / 60).toFixed(2), null);
  row('held', t.held, (t.held / 60).toFixed(2), minorToDecimal(amounts.held, cur));
  row('refunded', t.refunded, (t.refunded / 60).toFixed(2), minorToDecimal(amounts.refunded, cur));
  row('inactive', t.inactive, (t.inactive / 60).toFixed(2), null);
  row('over the limit', t.overLimit, (t.overLimit / 60).toFixed(2), null);
  row('all slots', t.total, (t.total / 60).toFixed(2), null);
  lines.push('');
  row('contract', contract.title);
  row('contractor', contract.contractor.name);
  row('company', contract.company.name);
  row('week', `${weekStart.toISOString()} to ${ws.weekEnd.toISOString()}`);
  row('status', ws.status);
  row('hourly_rate', minorToDecimal(ws.terms.hourlyRate, cur), cur);
  row('weekly_limit_hours', ws.terms.weeklyLimitHours);
  return `${lines.join('\r\n')}\r\n`;
}
