// "This week" is the server's, not the browser's: a demo clock may differ from ours.
import type { QueryClient } from '@tanstack/react-query';
import { weekOfInstant } from './week.ts';

/** The server's current week, from `now` once the page's own answer is in, else from any answer
 * already cached under `queryKey` (every week of a contract knows it), so a loading week does too. */
export function serverCurrentWeek(queryClient: QueryClient, queryKey: readonly unknown[], now: string | undefined): string | null {
  const serverNow =
    now ??
    queryClient
      .getQueriesData<{ now: string }>({ queryKey })
      .map(([, answer]) => answer?.now)
      .find(Boolean);
  return serverNow ? weekOfInstant(Date.parse(serverNow)) : null;
}
