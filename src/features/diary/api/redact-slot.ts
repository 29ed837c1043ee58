// The contractor redacts a slot's screenshot: a blurred copy replaces it and the original is
// deleted for good. The images are served at the same addresses and kept by the browser, so
// once the server agrees, this browser's copies are fetched again (the new answer replaces the
// cached one) before the slot and its week are refetched.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SlotDetail } from '#contract/week.ts';
import { api } from '#src/lib/api-client.ts';
import { slotScreenshotUrl, slotThumbnailUrl } from './get-slot.ts';

export const redactSlot = ({ contractId, start }: { contractId: string; start: string }) =>
  api.post<SlotDetail>(`/contracts/${encodeURIComponent(contractId)}/slots/${start}/redaction`);

export function useRedactSlot(contractId: string, { onRedacted }: { onRedacted?: (slot: SlotDetail) => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (start: string) => redactSlot({ contractId, start }),
    onSuccess: async (slot, start) => {
      await Promise.all(
        [slotThumbnailUrl(contractId, start), slotScreenshotUrl(contractId, start)].map((url) =>
          fetch(url, { cache: 'reload', credentials: 'same-origin' }).then((r) => r.arrayBuffer(), () => null),
        ),
      );
      queryClient.setQueryData(['contracts', contractId, 'slots', start], slot);
      onRedacted?.(slot);
      await queryClient.invalidateQueries({ queryKey: ['contracts', contractId] });
    },
  });
}
