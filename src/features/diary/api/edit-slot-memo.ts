// The contractor rewrites a slot's memo (until the edit deadline, never on a held slot). The
// answer is the slot itself, so the lightbox shows it at once; the week's cards get the new
// memo in every cached time zone, and the contract's queries are refetched.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SlotDetail, Week } from '#contract/week.ts';
import { request } from '#src/lib/api-client.ts';
import { getSlotQueryOptions } from './get-slot.ts';

export const editSlotMemo = ({ contractId, start, memo }: { contractId: string; start: string; memo: string }) =>
  request<SlotDetail>(`/contracts/${encodeURIComponent(contractId)}/slots/${start}`, { method: 'PATCH', body: { memo } });

/** The week with the memo of the slot starting at `start` replaced. */
export function withMemo(week: Week, start: string, memo: string): Week {
  const offset = Math.round((Date.parse(start) - Date.parse(week.start)) / 600_000);
  const i = week.slots.offset.indexOf(offset);
  if (i < 0) return week;
  let memos = week.memos;
  let index = -1;
  if (memo) {
    index = memos.indexOf(memo);
    if (index < 0) {
      memos = [...memos, memo];
      index = memos.length - 1;
    }
  }
  if (week.slots.memo[i] === index) return week;
  const column = week.slots.memo.slice();
  column[i] = index;
  return { ...week, memos, slots: { ...week.slots, memo: column } };
}

export function useEditSlotMemo(contractId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ start, memo }: { start: string; memo: string }) => editSlotMemo({ contractId, start, memo }),
    onSuccess: async (slot, { start }) => {
      queryClient.setQueryData(getSlotQueryOptions(contractId, start).queryKey, slot);
      const weeks = { queryKey: ['contracts', contractId, 'weeks'] };
      await queryClient.cancelQueries(weeks);
      queryClient.setQueriesData<Week>(weeks, (week) => (week ? withMemo(week, start, slot.memo) : week));
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['contracts', contractId] }),
        queryClient.invalidateQueries({ queryKey: ['disputes'] }),
      ]);
    },
  });
}
