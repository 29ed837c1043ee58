import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CodeStep, LoginBody, LoginCodeBody, Me } from '#contract/auth.ts';
import { api } from '#src/lib/api-client.ts';
import { getMeQueryOptions } from './get-me.ts';

// A 401 here means a wrong email or password, not an expired session: no redirect.
// A user with two-factor sign-in gets the code step (202) instead of a session.
export const login = (body: LoginBody) => api.post<Me | CodeStep>('/auth/login', body, { redirectOn401: false });
export const loginCode = (body: LoginCodeBody) => api.post<Me>('/auth/login/code', body, { redirectOn401: false });

export const isCodeStep = (answer: Me | CodeStep): answer is CodeStep => 'codeStep' in answer;

/** Signs in with the password, then (with two-factor sign-in on) with the code. */
export function useLogin({ onSuccess, onCodeStep }: { onSuccess?: (me: Me) => void; onCodeStep?: (step: CodeStep) => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginBody | LoginCodeBody) => ('code' in body ? loginCode(body) : login(body)),
    onSuccess: (me) => {
      if (isCodeStep(me)) {
        onCodeStep?.(me);
        return;
      }
      // A different user may sign in on the same tab: nothing of the last one may linger.
      queryClient.clear();
      queryClient.setQueryData(getMeQueryOptions().queryKey, me);
      onSuccess?.(me);
    },
  });
}
