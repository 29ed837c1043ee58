// Starts the contract list's request as soon as the URL matches, while the page's code is
// still arriving (the page shows its own skeleton for it). Only the overview is waited for, so
// the review banner is in place at the first paint and never pushes the cards down.
import type { QueryClient } from '@tanstack/react-query';
import { getContractsQueryOptions } from '#src/features/contracts/api/get-contracts.ts';
import { overviewReady } from './contract-week-search.ts';

export const contractsLoader = (queryClient: QueryClient) => () => {
  void queryClient.prefetchQuery(getContractsQueryOptions());
  return overviewReady(queryClient);
};
