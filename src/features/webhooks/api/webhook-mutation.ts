// A change to a company's webhooks: on success every query of them (the list and the delivery
// logs) is fetched again, so the page shows what the server now holds.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { webhooksKey } from './get-webhooks.ts';

export function useWebhookMutation<V, R>(companyId: string, mutationFn: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhooksKey(companyId) }),
  });
}
