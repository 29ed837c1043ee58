import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TrackerList } from '#contract/trackers.ts';
import { api } from '#src/lib/api-client.ts';

export const getTrackers = ({ signal }: { signal?: AbortSignal } = {}) => api.get<TrackerList>('/trackers', { signal });

export const getTrackersQueryOptions = () =>
  queryOptions({
    queryKey: ['trackers'],
    queryFn: ({ signal }) => getTrackers({ signal }),
    // "Last used" moves while a tracker uploads.
    staleTime: 15_000,
  });

export const useTrackers = () => useQuery(getTrackersQueryOptions());
