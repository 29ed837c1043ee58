// The client disputes slots of one contract week. The slots turn "held" in every cached copy of
// the week (each time zone) the moment the client submits, and go back if the server refuses;
// afterwards everything about the contract and every dispute list is refetched.
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { Dispute, DisputeReason } from '#contract/disputes.ts';
import type { StateMinutes, Week } from '#contract/week.ts';
import { api } from '#src/lib/api-client.ts';
import { SLOT_STATES } from '../utils/slot-states.ts';

export interface CreateDisputeInput {
  contractId: string;
  /** Slot starts, as ISO instants. */
  starts: string[];
  reason: DisputeReason;
  comment: string;
}

export const createDispute = ({ contractId, starts, reason, comment }: CreateDisputeInput) =>
  api.post<Dispute>('/disputes', { slots: starts.map((start) => ({ contractId, start })), reason, comment });

const HELD = SLOT_STATES.indexOf('held');
const BILLABLE = SLOT_STATES.indexOf('billable');
const MANUAL = 1;

/** The week with the given billable slots held, and its day and week minutes moved to match. */
export function holdSlots(week: Week, starts: readonly string[]): Week {
  const weekStart = Date.parse(week.start);
  const wanted = new Set(starts.map((s) => Math.round((Date.parse(s) - weekStart) / 600_000)));
  let changed = false;
  const state = week.slots.state.slice();
  const totals: StateMinutes = { ...week.totals };
  const days = week.days.map((d) => ({ ...d, minutes: { ...d.minutes } }));
  week.slots.offset.forEach((offset, i) => {
    if (!wanted.has(offset) || state[i] !== BILLABLE) return;
    state[i] = HELD;
    changed = true;
    const manual = week.slots.kind[i] === MANUAL;
    const at = weekStart + offset * 600_000;
    const day = days.find((d) => Date.parse(d.start) <= at && at < Date.parse(d.end));
    for (const minutes of day ? [totals, day.minutes] : [totals]) {
      minutes.billable -= 10;
      minutes.held += 10;
      if (manual) minutes.manual -= 10;
    }
  });
  return changed ? { ...week, slots: { ...week.slots, state }, totals, days } : week;
}

export function useCreateDispute(contractId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Omit<CreateDisputeInput, 'contractId'>) => createDispute({ contractId, ...input }),
    onMutate: async ({ starts }) => {
      const weeks = { queryKey: ['contracts', contractId, 'weeks'] };
      // A refetch landing now would overwrite the optimistic state, so cancel first, then write.
      await queryClient.cancelQueries(weeks);
      const previous = queryClient.getQueriesData<Week>(weeks);
      queryClient.setQueriesData<Week>(weeks, (week) => (week ? holdSlots(week, starts) : week));
      return { previous };
    },
    onError: (_error, _input, context) => restore(queryClient, context?.previous),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['contracts', contractId] }),
        queryClient.invalidateQueries({ queryKey: ['disputes'] }),
      ]),
  });
}

function restore(queryClient: QueryClient, previous: [readonly unknown[], Week | undefined][] | undefined) {
  for (const [key, week] of previous ?? []) queryClient.setQueryData(key, week);
}
