// A diary page the server rendered itself (server/services/diary-page.ts): the API answers
// it was rendered from go into the query cache, so the dashboard's first render shows the
// same page without asking the API again; and the viewport the grid is laid out for.
import type { QueryClient } from '@tanstack/react-query';
import { FIRST_RENDER_ELEMENT_ID, FIRST_THUMBNAIL_ATTRIBUTE, FIRST_THUMBNAIL_TOKEN, type FirstRenderData } from '../../contract/first-render.ts';
import { getMeQueryOptions } from '../features/auth/api/get-me.ts';
import { getContractQueryOptions } from '../features/contracts/api/get-contract.ts';
import { getWeekQueryOptions } from '../features/diary/api/get-week.ts';

export type { FirstRenderData };

/** The answers, in the query cache under the keys the app's own queries use. */
export function seedQueryCache(queryClient: QueryClient, data: FirstRenderData): void {
  queryClient.setQueryData(getMeQueryOptions().queryKey, data.me);
  queryClient.setQueryData(getContractQueryOptions(data.contract.id).queryKey, data.contract);
  queryClient.setQueryData(getWeekQueryOptions(data.contract.id, data.week.weekStart, data.week.timeZone).queryKey, data.week.data);
}

/** The server's data for this page, or null (a page the server did not render). */
export function readFirstRenderData(): FirstRenderData | null {
  const el = document.getElementById(FIRST_RENDER_ELEMENT_ID);
  if (!el?.textContent) return null;
  try {
    return JSON.parse(el.textContent) as FirstRenderData;
  } catch {
    return null;
  }
}

/**
 * The viewport the grid lays itself out for before it can measure: the window's, or on the
 * server the one the browser announced (Sec-CH-Viewport-Width/Height), set around the render.
 */
let serverViewport: { width: number; height: number } | null = null;

export function viewportSize(): { width: number; height: number } {
  if (serverViewport) return serverViewport;
  if (typeof document === 'undefined') return { width: 1280, height: 800 };
  return { width: document.documentElement.clientWidth, height: window.innerHeight };
}

/** Runs a (synchronous) server render with the given viewport. */
export function withViewport<T>(viewport: { width: number; height: number }, render: () => T): T {
  serverViewport = viewport;
  try {
    return render();
  } finally {
    serverViewport = null;
  }
}

/**
 * The first screen's thumbnails. On the server, around a render (withFirstThumbnails), each
 * on-screen slot's is a token the server replaces with the image; in the browser, the images
 * the server's page came with (adoptFirstThumbnails), so the dashboard shows them at once.
 */
let serverThumbnails: Set<string> | null = null;
const firstThumbnails = new Map<string, string>();

/** The `src` to show for a slot's thumbnail instead of its URL, if any. */
export function firstThumbnail(startIso: string, onScreen: boolean): string | undefined {
  if (serverThumbnails) {
    if (!onScreen) return undefined;
    serverThumbnails.add(startIso);
    return FIRST_THUMBNAIL_TOKEN + startIso;
  }
  return firstThumbnails.get(startIso);
}

/** Runs a (synchronous) server render; returns its result and the slot starts whose thumbnail it asked for. */
export function withFirstThumbnails<T>(render: () => T): { result: T; starts: string[] } {
  const starts = new Set<string>();
  serverThumbnails = starts;
  try {
    return { result: render(), starts: [...starts] };
  } finally {
    serverThumbnails = null;
  }
}

/** Keeps the images of the server's page (before the dashboard renders over it). */
export function adoptFirstThumbnails(root: ParentNode): void {
  for (const img of root.querySelectorAll<HTMLImageElement>(`img[${FIRST_THUMBNAIL_ATTRIBUTE}]`)) {
    const start = img.getAttribute(FIRST_THUMBNAIL_ATTRIBUTE);
    const src = img.getAttribute('src');
    if (start && src?.startsWith('data:')) firstThumbnails.set(start, src);
  }
}

/**
 * Follows the window's scroll on the server's page, which a reader may scroll before the
 * dashboard takes over; the returned function (called once the dashboard's first render is
 * committed) puts the window back there, where the router's scroll restoration has just
 * reset it to the top.
 */
export function followServerPageScroll(): () => void {
  let y = window.scrollY;
  const onScroll = () => {
    y = window.scrollY;
  };
  window.addEventListener('scroll', onScroll, { passive: true });
  return () => {
    window.removeEventListener('scroll', onScroll);
    if (y > 0 && window.scrollY !== y) window.scrollTo(0, y);
  };
}
