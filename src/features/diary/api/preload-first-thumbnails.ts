// On a diary link the grid requests its thumbnails only once React has rendered it, well after
// the week's answer is in. Requested as soon as the answer is in, they load while the grid
// renders, and its cards find them in the browser's cache: the very URLs the cards use. Each
// link goes once its image is in (or failed): the cache keeps the image, and a reader moving
// from week to week does not pile links up in the head.
import type { Week } from '#contract/week.ts';
import { slotThumbnailUrl } from './get-slot.ts';

/** Three hour rows of six cards: what a laptop's first screen shows of the week's top. */
const FIRST_SCREENFUL = 18;
const SLOT_MS = 600_000;

export function preloadFirstThumbnails(contractId: string, week: Week): void {
  const weekStart = Date.parse(week.start);
  const { offset, shot } = week.slots;
  const links = document.createDocumentFragment();
  for (let i = 0; i < offset.length && links.childNodes.length < FIRST_SCREENFUL; i++) {
    if (!shot[i]) continue;
    const link = document.createElement('link');
    link.rel = 'preload';
    link.setAttribute('as', 'image');
    link.setAttribute('fetchpriority', 'high');
    link.href = slotThumbnailUrl(contractId, new Date(weekStart + offset[i]! * SLOT_MS).toISOString());
    link.onload = link.onerror = () => link.remove();
    links.appendChild(link);
  }
  document.head.appendChild(links);
}
