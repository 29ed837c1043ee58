import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '#src/lib/api-client.ts';

export const logout = () => api.post<void>('/auth/logout', undefined, { redirectOn401: false });

/**
 * Signs out, then `leave()`s the signed-in pages (navigates to /login) and only then drops
 * every cached answer, so no page still on screen refetches with the dead session.
 */
export function useLogout({ leave }: { leave: () => Promise<void> | void }) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSettled: async () => {
      await leave();
      queryClient.clear();
    },
  });
}
