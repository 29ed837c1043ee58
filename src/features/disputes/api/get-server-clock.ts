// The server's clock, as an offset from the browser's. Deadlines are the server's (a demo or a
// test may run it at another instant than the browser's), so countdowns count from its "now".
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '#src/lib/api-client.ts';

export const getServerClock = async ({ signal }: { signal?: AbortSignal } = {}) => {
  const sent = Date.now();
  const health = await api.get<{ now: string }>('/health', { signal });
  const received = Date.now();
  // The server read its clock somewhere in the round trip; the middle is the best guess.
  return { offsetMs: Date.parse(health.now) - Math.round((sent + received) / 2) };
};

export const getServerClockQueryOptions = () =>
  queryOptions({
    queryKey: ['server-clock'],
    queryFn: ({ signal }) => getServerClock({ signal }),
    staleTime: Infinity,
    gcTime: Infinity,
  });

/** The offset in ms: null until known; 0 (the browser's clock) if the server cannot be asked. */
export function useServerClockOffset(): number | null {
  const clock = useQuery(getServerClockQueryOptions());
  if (clock.isError) return 0;
  return clock.data?.offsetMs ?? null;
}
