// A slot's questions and their threads, and the one way every question mutation lands: the
// answer is the slot's thread, shown at once; the contract's lists of questions and the
// overview refetch, since a question's status moved.
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SlotQuestions } from '#contract/questions.ts';
import { api } from '#src/lib/api-client.ts';

export const slotQuestionsPath = (contractId: string, start: string) => `/contracts/${encodeURIComponent(contractId)}/slots/${start}/questions`;

export const getSlotQuestions = ({ contractId, start, signal }: { contractId: string; start: string; signal?: AbortSignal }) =>
  api.get<SlotQuestions>(slotQuestionsPath(contractId, start), { signal });

export const getSlotQuestionsQueryOptions = (contractId: string, start: string) =>
  queryOptions({
    queryKey: ['contracts', contractId, 'slots', start, 'questions'],
    queryFn: ({ signal }) => getSlotQuestions({ contractId, start, signal }),
  });

export const useSlotQuestions = (contractId: string, start: string) => useQuery(getSlotQuestionsQueryOptions(contractId, start));

/** A mutation of the slot's questions whose answer is the slot's thread. */
export function useQuestionMutation<V>(contractId: string, start: string, send: (path: string, vars: V) => Promise<SlotQuestions>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (vars: V) => send(slotQuestionsPath(contractId, start), vars),
    onSuccess: async (thread) => {
      queryClient.setQueryData(getSlotQuestionsQueryOptions(contractId, start).queryKey, thread);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['contracts', contractId, 'questions'] }),
        queryClient.invalidateQueries({ queryKey: ['overview'] }),
      ]);
    },
  });
}
