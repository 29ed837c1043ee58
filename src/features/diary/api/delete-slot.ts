// The contractor deletes a slot (until the edit deadline, never a held one): its time goes and
// its screenshot is erased. Once the server agrees, the slot turns deleted in every cached copy
// of its week (each time zone) at once; then everything about the contract is refetched, since
// the weekly cap may have moved and the timesheet's totals changed.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { StateMinutes, Week } from '#contract/week.ts';
import { request } from '#src/lib/api-client.ts';
import { SLOT_STATES, stateAt } from '../utils/slot-states.ts';

export const deleteSlot = ({ contractId, start }: { contractId: string; start: string }) =>
  request<void>(`/contracts/${encodeURIComponent(contractId)}/slots/${start}`, { method: 'DELETE' });

const COLUMN = { billable: 'billable', inactive: 'inactive', over_limit: 'overLimit', held: 'held', refunded: 'refunded' } as const;
const MANUAL = 1;

const DELETED = SLOT_STATES.indexOf('deleted');
const set = <T>(column: T[], i: number, value: T) => column.map((v, j) => (j === i ? value : v));

/**
 * The week with the slot starting at `start` deleted (at the week's `now`, until the refetch
 * brings the server's instant): no screenshot or title, and its day and week minutes reduced.
 */
export function withSlotDeleted(week: Week, start: string): Week {
  const weekStart = Date.parse(week.start);
  const offset = Math.round((Date.parse(start) - weekStart) / 600_000);
  const i = week.slots.offset.indexOf(offset);
  if (i < 0 || week.slots.state[i] === DELETED) return week;
  const state = stateAt(week.slots.state[i]!);
  const manual = week.slots.kind[i] === MANUAL;
  const { slots: s } = week;
  const slots: Week['slots'] = {
    ...s,
    state: set(s.state, i, DELETED),
    shot: set(s.shot, i, 0),
    dup: set(s.dup, i, 0),
    title: set(s.title, i, -1),
    deletedAt: set(s.deletedAt, i, week.now),
  };
  const less = (minutes: StateMinutes): StateMinutes => {
    if (state === 'deleted') return minutes;
    const next = { ...minutes, total: minutes.total - 10 };
    next[COLUMN[state]] -= 10;
    if (manual && state === 'billable') next.manual -= 10;
    return next;
  };
  const at = weekStart + offset * 600_000;
  const days = week.days.map((d) => (Date.parse(d.start) <= at && at < Date.parse(d.end) ? { ...d, minutes: less(d.minutes) } : d));
  return { ...week, slots, days, totals: less(week.totals) };
}

/**
 * `onDeleted` runs once the server has agreed and before the slot leaves the cached weeks; the
 * cache waits for the promise it may return (the lightbox moving on to the next slot first).
 */
export function useDeleteSlot(contractId: string, { onDeleted }: { onDeleted?: (start: string) => void | Promise<void> } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (start: string) => deleteSlot({ contractId, start }),
    onSuccess: async (_nothing, start) => {
      // The lightbox moves on first, so it is never left showing a slot that is gone.
      await onDeleted?.(start);
      const weeks = { queryKey: ['contracts', contractId, 'weeks'] };
      await queryClient.cancelQueries(weeks);
      queryClient.setQueriesData<Week>(weeks, (week) => (week ? withSlotDeleted(week, start) : week));
      queryClient.removeQueries({ queryKey: ['contracts', contractId, 'slots', start], exact: true });
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['contracts', contractId] }),
        queryClient.invalidateQueries({ queryKey: ['disputes'] }),
      ]);
    },
  });
}
