// The contractor answers a question; the client may follow up, until the client closes it.
import type { SlotQuestions } from '#contract/questions.ts';
import { api } from '#src/lib/api-client.ts';
import { useQuestionMutation } from './get-slot-questions.ts';

export const useReplyToQuestion = (contractId: string, start: string) =>
  useQuestionMutation(contractId, start, (path, { questionId, body }: { questionId: string; body: string }) =>
    api.post<SlotQuestions>(`${path}/${questionId}/replies`, { body }),
  );
