import { queryOptions, useQuery } from '@tanstack/react-query';
import type { SlotDetail } from '#contract/week.ts';
import { api, apiUrl } from '#src/lib/api-client.ts';

/** A slot is addressed by its contract and its start instant (`2026-11-23T09:10:00.000Z`). */
const slotPath = (contractId: string, start: string) => `/contracts/${encodeURIComponent(contractId)}/slots/${start}`;

export const getSlot = ({ contractId, start, signal }: { contractId: string; start: string; signal?: AbortSignal }) =>
  api.get<SlotDetail>(slotPath(contractId, start), { signal });

export const getSlotQueryOptions = (contractId: string, start: string) =>
  queryOptions({
    queryKey: ['contracts', contractId, 'slots', start],
    queryFn: ({ signal }) => getSlot({ contractId, start, signal }),
    staleTime: 5 * 60_000,
  });

export const useSlot = (contractId: string, start: string | null) =>
  useQuery({ ...getSlotQueryOptions(contractId, start ?? ''), enabled: start !== null });

/** The images are fetched by the browser itself (cookie-authenticated, ETag-cached). */
export const slotThumbnailUrl = (contractId: string, start: string) => apiUrl(`${slotPath(contractId, start)}/thumbnail`);
export const slotScreenshotUrl = (contractId: string, start: string) => apiUrl(`${slotPath(contractId, start)}/screenshot`);

/** Starts loading a slot's full screenshot, so that showing it next is instant. */
export function preloadScreenshot(contractId: string, start: string) {
  const img = new Image();
  img.decoding = 'async';
  img.src = slotScreenshotUrl(contractId, start);
}
