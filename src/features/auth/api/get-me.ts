import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Me } from '#contract/auth.ts';
import { api } from '#src/lib/api-client.ts';

export const getMe = ({ signal, redirectOn401 = true }: { signal?: AbortSignal; redirectOn401?: boolean } = {}) =>
  api.get<Me>('/auth/me', { signal, redirectOn401 });

export const getMeQueryOptions = () =>
  queryOptions({
    queryKey: ['me'],
    queryFn: ({ signal }) => getMe({ signal }),
    staleTime: 5 * 60_000,
  });

export const useMe = () => useQuery(getMeQueryOptions());
