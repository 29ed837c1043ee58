// Starts the trackers list's request as soon as the URL matches.
import type { QueryClient } from '@tanstack/react-query';
import { getTrackersQueryOptions } from '#src/features/trackers/api/get-trackers.ts';

export const trackersLoader = (queryClient: QueryClient) => () => {
  void queryClient.prefetchQuery(getTrackersQueryOptions());
  return null;
};
