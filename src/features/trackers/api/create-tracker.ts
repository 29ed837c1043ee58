// Connects a device: the answer carries the token, the only time it is ever shown. The list
// gets the new tracker at once (without the token: it is kept only by the page that shows it).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreatedTracker, TrackerList } from '#contract/trackers.ts';
import { api } from '#src/lib/api-client.ts';
import { getTrackersQueryOptions } from './get-trackers.ts';

export const createTracker = ({ deviceName }: { deviceName: string }) => api.post<CreatedTracker>('/trackers', { deviceName });

export function useCreateTracker() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createTracker,
    onSuccess: ({ token: _shownOnce, ...tracker }) => {
      const key = getTrackersQueryOptions().queryKey;
      queryClient.setQueryData<TrackerList>(key, (list) => (list ? { trackers: [tracker, ...list.trackers.filter((t) => t.id !== tracker.id)] } : list));
      void queryClient.invalidateQueries({ queryKey: key });
    },
  });
}
