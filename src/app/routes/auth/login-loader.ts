// Already signed in? Skip the login page and go straight on.
import type { QueryClient } from '@tanstack/react-query';
import { redirect, type LoaderFunctionArgs } from 'react-router';
import { safeRedirect } from '#src/config/paths.ts';
import { getMe, getMeQueryOptions } from '#src/features/auth/api/get-me.ts';

export const loginLoader =
  (queryClient: QueryClient) =>
  async ({ request }: LoaderFunctionArgs) => {
    const cached = queryClient.getQueryData(getMeQueryOptions().queryKey);
    const me = cached ?? (await getMe({ redirectOn401: false }).catch(() => null));
    if (me) {
      queryClient.setQueryData(getMeQueryOptions().queryKey, me);
      throw redirect(safeRedirect(new URL(request.url).searchParams.get('redirectTo')));
    }
    return null;
  };
