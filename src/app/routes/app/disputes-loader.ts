// Starts the dispute list's request as soon as the URL matches, with the same filters the
// page reads (the role's default status needs the signed-in user, which the root loader has
// already asked for).
import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { getMeQueryOptions } from '#src/features/auth/api/get-me.ts';
import { getDisputesQueryOptions } from '#src/features/disputes/api/get-disputes.ts';
import { getServerClockQueryOptions } from '#src/features/disputes/api/get-server-clock.ts';
import { readDisputesSearch, statusQuery } from '#src/features/disputes/utils/disputes-search.ts';

export const disputesLoader =
  (queryClient: QueryClient) =>
  ({ request }: LoaderFunctionArgs) => {
    const params = new URL(request.url).searchParams;
    void queryClient.prefetchQuery(getServerClockQueryOptions());
    void queryClient
      .ensureQueryData(getMeQueryOptions())
      .then((me) => {
        const search = readDisputesSearch(params, me.role);
        return queryClient.prefetchQuery(
          getDisputesQueryOptions({ status: statusQuery(search.statuses), contractId: search.contractId ?? undefined, week: search.week ?? undefined }),
        );
      })
      .catch(() => undefined);
    return null;
  };
