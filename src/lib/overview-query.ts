// The overview (GET /overview), one query for every page: the nav counts what waits on the user
// from it, the home page shows it, and the review banner finds the week in review in it.
import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { Overview } from '#contract/overview.ts';
import { api } from './api-client.ts';

export const getOverview = ({ signal }: { signal?: AbortSignal } = {}) => api.get<Overview>('/overview', { signal });

const overviewKey = ['overview'] as const;

export const getOverviewQueryOptions = () =>
  queryOptions({
    queryKey: overviewKey,
    queryFn: ({ signal }) => getOverview({ signal }),
  });

/**
 * The overview, kept current: the nav counts it on every page, so any change the user makes
 * (an approval, a dispute, an answer) refetches it, and the counts never lag what they did.
 */
export function useOverview() {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      queryClient.getMutationCache().subscribe((event) => {
        if (event.type === 'updated' && event.action.type === 'success') void queryClient.invalidateQueries({ queryKey: overviewKey });
      }),
    [queryClient],
  );
  return useQuery(getOverviewQueryOptions());
}
