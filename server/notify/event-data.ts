// What the services put in an event's data, written once: the contract's names, an amount with
// its currency, a deadline in words, and the dashboard paths where each event is acted on (the
// same URLs as src/config/paths.ts, which the server cannot import).
import type { ContractRow } from '../data/contracts.ts';
import { formatUtc, weekKey, weekStartOf } from '../domain/week.ts';
import type { EventData } from './render.ts';

/** The contract's title, its contractor and its company, as every message names them. */
export const contractFacts = (contract: Pick<ContractRow, 'title' | 'contractor' | 'company'>) => ({
  contract: contract.title,
  contractor: contract.contractor.name,
  company: contract.company.name,
});

const formats = new Map<string, Intl.NumberFormat>();

/** `123450` USD → `$1,234.50`: the currency's own minor digits, in one fixed locale (mails go anywhere). */
export function money(minor: number, currency: string): string {
  let f = formats.get(currency);
  if (!f) {
    f = new Intl.NumberFormat('en', { style: 'currency', currency });
    formats.set(currency, f);
  }
  return f.format(minor / 10 ** (f.resolvedOptions().maximumFractionDigits ?? 2));
}

/** A deadline or instant for a reader, to the minute (earlier, never later): "Thursday 3 December 2026 at 11:20 UTC". */
export const when = (instant: Date) => formatUtc(new Date(Math.floor(instant.getTime() / 60_000) * 60_000));

const contractPage = (page: string) => (contractId: string, week?: Date) =>
  `/contracts/${encodeURIComponent(contractId)}/${page}${week ? `?week=${weekKey(week)}` : ''}`;

export const eventPaths = {
  review: contractPage('review'),
  timesheet: contractPage('timesheet'),
  diary: contractPage('diary'),
  /** The diary at one slot: where a question on it is read and answered. */
  slot: (contractId: string, start: Date) => `${contractPage('diary')(contractId)}?week=${weekKey(weekStartOf(start))}&slot=${encodeURIComponent(start.toISOString())}`,
  dispute: (disputeId: string) => `/disputes/${encodeURIComponent(disputeId)}`,
  trackers: () => '/trackers',
};

/** The week of an event as its Monday, `2026-11-30`. */
export const weekData = (weekStart: Date): Pick<EventData, 'week'> => ({ week: weekKey(weekStart) });
