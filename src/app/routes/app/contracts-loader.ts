// Starts the contract list's request as soon as the URL matches, while the page's code is
// still arriving (the page shows its own skeleton, so nothing waits on this).
import type { QueryClient } from '@tanstack/react-query';
import { getContractsQueryOptions } from '#src/features/contracts/api/get-contracts.ts';

export const contractsLoader = (queryClient: QueryClient) => () => {
  void queryClient.prefetchQuery(getContractsQueryOptions());
  return null;
};
