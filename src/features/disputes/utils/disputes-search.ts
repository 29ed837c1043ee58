// The dispute list's URL state: `/disputes?status=open,escalated&contractId=…&week=YYYY-MM-DD`.
// With no `status`, each role gets its own default: the admin the queue of escalated disputes,
// everyone else every dispute they may see. `status=all` asks for all explicitly.
import type { DisputeStatus, DisputeSummary } from '#contract/disputes.ts';
import { isWeekStart } from '#src/utils/week.ts';
import { parseStatuses } from '#src/utils/dispute-labels.ts';

export type Role = 'client' | 'contractor' | 'admin';

export interface DisputesSearch {
  /** Empty: every status. */
  statuses: DisputeStatus[];
  contractId: string | null;
  week: string | null;
  /** True when the statuses are the role's default, not the URL's. */
  defaulted: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const defaultStatuses = (role: Role): DisputeStatus[] => (role === 'admin' ? ['escalated'] : []);

export function readDisputesSearch(params: URLSearchParams, role: Role): DisputesSearch {
  const raw = params.get('status');
  const contractId = params.get('contractId');
  const week = params.get('week');
  const defaulted = raw === null || raw === '';
  return {
    statuses: defaulted ? defaultStatuses(role) : raw === 'all' ? [] : parseStatuses(raw),
    contractId: contractId && UUID.test(contractId) ? contractId : null,
    week: isWeekStart(week) ? week : null,
    defaulted,
  };
}

/** The `status` query value for the API (`undefined`: all). */
export const statusQuery = (statuses: DisputeStatus[]) => (statuses.length ? statuses.join(',') : undefined);

/** The filter chips: a status, a pair of them, or all. */
export const STATUS_CHIPS = [
  { key: 'active', label: 'Active', statuses: ['open', 'escalated'] },
  { key: 'open', label: 'Open', statuses: ['open'] },
  { key: 'escalated', label: 'Escalated', statuses: ['escalated'] },
  { key: 'settled', label: 'Settled', statuses: ['settled'] },
  { key: 'withdrawn', label: 'Withdrawn', statuses: ['withdrawn'] },
  { key: 'all', label: 'All', statuses: [] },
] as const satisfies readonly { key: string; label: string; statuses: readonly DisputeStatus[] }[];

export type StatusChip = (typeof STATUS_CHIPS)[number];

/** The `status` URL value a chip stands for. */
export const chipParam = (chip: StatusChip) => (chip.statuses.length ? chip.statuses.join(',') : 'all');

/** The chip the statuses match, if any (order does not matter). */
export function activeChip(statuses: readonly DisputeStatus[]): StatusChip | undefined {
  const key = [...statuses].sort().join(',');
  return STATUS_CHIPS.find((c) => [...c.statuses].sort().join(',') === key);
}

const time = (iso: string) => Date.parse(iso);

/** A contractor's open disputes wait for their answer while slots are still open. */
export const needsAnswer = (d: DisputeSummary) => d.status === 'open' && d.pendingCount > 0;

/**
 * The order each role reads the list in:
 * - contractor: the disputes needing an answer first, soonest deadline first; then newest first;
 * - admin: oldest first (the queue is worked from its head);
 * - client: unsettled first, then newest first.
 */
export function sortDisputes(list: readonly DisputeSummary[], role: Role): DisputeSummary[] {
  const sorted = [...list];
  if (role === 'admin') return sorted.sort((a, b) => time(a.createdAt) - time(b.createdAt));
  if (role === 'contractor') {
    return sorted.sort((a, b) => {
      const na = needsAnswer(a);
      const nb = needsAnswer(b);
      if (na !== nb) return na ? -1 : 1;
      if (na) return time(a.answerDue) - time(b.answerDue);
      return time(b.createdAt) - time(a.createdAt);
    });
  }
  const unsettled = (d: DisputeSummary) => d.status === 'open' || d.status === 'escalated';
  return sorted.sort((a, b) => {
    const ua = unsettled(a);
    const ub = unsettled(b);
    if (ua !== ub) return ua ? -1 : 1;
    return time(b.createdAt) - time(a.createdAt);
  });
}
