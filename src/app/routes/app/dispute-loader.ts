// Starts the dispute's request as soon as the URL matches, in parallel with the page's code.
import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { getDisputeQueryOptions } from '#src/features/disputes/api/get-dispute.ts';
import { getServerClockQueryOptions } from '#src/features/disputes/api/get-server-clock.ts';

export const disputeLoader =
  (queryClient: QueryClient) =>
  ({ params }: LoaderFunctionArgs) => {
    void queryClient.prefetchQuery(getDisputeQueryOptions(params.disputeId!));
    void queryClient.prefetchQuery(getServerClockQueryOptions());
    return null;
  };
