// The contractor adds manual time: whole 10-minute slots with one memo, where the week's terms
// allow it and until the edit deadline. The new slots arrive with the refetched week.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ManualTimeAdded } from '#contract/disputes.ts';
import { api } from '#src/lib/api-client.ts';

export interface AddManualTimeInput {
  /** The first slot's start and the last slot's end, ISO instants on 10-minute boundaries. */
  start: string;
  end: string;
  memo: string;
}

export const addManualTime = ({ contractId, ...body }: AddManualTimeInput & { contractId: string }) =>
  api.post<z.infer<typeof ManualTimeAdded>>(`/contracts/${encodeURIComponent(contractId)}/manual-time`, body);

export function useAddManualTime(contractId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AddManualTimeInput) => addManualTime({ contractId, ...input }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['contracts', contractId] }),
        queryClient.invalidateQueries({ queryKey: ['disputes'] }),
      ]),
  });
}
