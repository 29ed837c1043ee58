import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { LoginBody, Me } from '#contract/auth.ts';
import { api } from '#src/lib/api-client.ts';
import { getMeQueryOptions } from './get-me.ts';

// A 401 here means a wrong email or password, not an expired session: no redirect.
export const login = (body: LoginBody) => api.post<Me>('/auth/login', body, { redirectOn401: false });

export function useLogin({ onSuccess }: { onSuccess?: (me: Me) => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (me) => {
      // A different user may sign in on the same tab: nothing of the last one may linger.
      queryClient.clear();
      queryClient.setQueryData(getMeQueryOptions().queryKey, me);
      onSuccess?.(me);
    },
  });
}
