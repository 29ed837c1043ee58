// Revokes a tracker: its token stops working at once. The row stays in the list, marked revoked.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TrackerList } from '#contract/trackers.ts';
import { request } from '#src/lib/api-client.ts';
import { getTrackersQueryOptions } from './get-trackers.ts';

export const revokeTracker = ({ trackerId }: { trackerId: string }) =>
  request<void>(`/trackers/${encodeURIComponent(trackerId)}`, { method: 'DELETE' });

export function useRevokeTracker() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeTracker,
    onSuccess: (_done, { trackerId }) => {
      const key = getTrackersQueryOptions().queryKey;
      const at = new Date().toISOString();
      queryClient.setQueryData<TrackerList>(key, (list) =>
        list ? { trackers: list.trackers.map((t) => (t.id === trackerId ? { ...t, revokedAt: t.revokedAt ?? at } : t)) } : list,
      );
      void queryClient.invalidateQueries({ queryKey: key });
    },
  });
}
