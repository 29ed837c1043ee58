// A client asks about a slot without disputing it: no money is held, no state changes.
import type { SlotQuestions } from '#contract/questions.ts';
import { api } from '#src/lib/api-client.ts';
import { useQuestionMutation } from './get-slot-questions.ts';

export const useAskQuestion = (contractId: string, start: string) =>
  useQuestionMutation(contractId, start, (path, body: string) => api.post<SlotQuestions>(path, { body }));
