// The client closes a question that needs nothing more.
import type { SlotQuestions } from '#contract/questions.ts';
import { api } from '#src/lib/api-client.ts';
import { useQuestionMutation } from './get-slot-questions.ts';

export const useCloseQuestion = (contractId: string, start: string) =>
  useQuestionMutation(contractId, start, (path, questionId: string) => api.post<SlotQuestions>(`${path}/${questionId}/close`));
