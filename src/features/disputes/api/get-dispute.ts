import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Dispute } from '#contract/disputes.ts';
import { api, apiUrl } from '#src/lib/api-client.ts';

export const disputePath = (disputeId: string) => `/disputes/${encodeURIComponent(disputeId)}`;

export const getDispute = ({ disputeId, signal }: { disputeId: string; signal?: AbortSignal }) =>
  api.get<Dispute>(disputePath(disputeId), { signal });

export const getDisputeQueryOptions = (disputeId: string) =>
  queryOptions({
    queryKey: ['disputes', 'detail', disputeId],
    queryFn: ({ signal }) => getDispute({ disputeId, signal }),
    staleTime: 30_000,
  });

export const useDispute = (disputeId: string) => useQuery(getDisputeQueryOptions(disputeId));

/** The slot's thumbnail, fetched by the browser itself (cookie-authenticated, ETag-cached). */
export const slotThumbnailUrl = (contractId: string, start: string) =>
  apiUrl(`/contracts/${encodeURIComponent(contractId)}/slots/${start}/thumbnail`);
export const slotScreenshotUrl = (contractId: string, start: string) =>
  apiUrl(`/contracts/${encodeURIComponent(contractId)}/slots/${start}/screenshot`);
/** On a contract that blurs every screenshot: the original, for an admin while the dispute is escalated. */
export const slotOriginalUrl = (contractId: string, start: string) =>
  apiUrl(`/contracts/${encodeURIComponent(contractId)}/slots/${start}/original`);
