// Starts the overview's request as soon as the URL matches, while the page's code arrives.
import type { QueryClient } from '@tanstack/react-query';
import { getOverviewQueryOptions } from '#src/lib/overview-query.ts';

export const overviewLoader = (queryClient: QueryClient) => () => {
  void queryClient.prefetchQuery(getOverviewQueryOptions());
  return null;
};
