// What the bench watches inside the diary's page: the first viewport of thumbnails, the first
// click that opens a lightbox, the network timeline, and the DOM's size after scrolling.
import type { Page } from 'playwright-core';

/**
 * The card's thumbnail: src/features/diary/components/slot-card.tsx renders it as the `<img>`
 * inside `.slot__thumb` (src = the slot's /thumbnail endpoint). Override with
 * BENCH_THUMB_SELECTOR when the dashboard marks it otherwise.
 */
export const THUMB_SELECTOR = process.env.BENCH_THUMB_SELECTOR ?? '.slot__thumb img';

/**
 * The page's own watch for the first viewport: an init script checks on every animation
 * frame whether at least one thumbnail intersects the viewport and every one that does is
 * complete with a natural width, on two frames running (so a grid still rendering does not
 * pass), and reports performance.now() of the first such frame (ms since navigation start)
 * as a console message. It runs inside the page from its first script on, so the bench
 * neither polls from outside nor injects Playwright's helper scripts into the page while
 * the measured screenful is loading (that injection alone costs the main thread ~100 ms).
 */
const WATCH_TAG = '__bench:first-viewport';
// A string, not a function: tsx would wrap the named helpers of a function in a `__name` the page lacks.
export const watchFirstViewport = (selector: string) => `(() => {
  let first;
  let count = -1;
  const tick = () => {
    const vw = window.innerWidth;
    const vh = window.innerHeight;
    const inView = [...document.querySelectorAll(${JSON.stringify(selector)})].filter((img) => {
      const r = img.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < vh && r.left < vw;
    });
    const done = inView.length > 0 && inView.every((img) => img.complete && img.naturalWidth > 0);
    if (!done) first = undefined;
    else if (first === undefined || count !== inView.length) {
      first = performance.now();
      count = inView.length;
    } else {
      console.debug(${JSON.stringify(WATCH_TAG)}, JSON.stringify({ ms: first, count }));
      return;
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`;

export const VISIBLE_TAG = '__bench:first-thumbnail';
export const OPENED_TAG = '__bench:lightbox';
/**
 * The page's own watch for the first click: on every animation frame, the first thumbnail in
 * the viewport, once loaded, is reported with its centre (ms since navigation start). Every
 * click the page receives is stamped, and so is its answer: the router putting the slot in
 * the URL (in the very task of the click that caused it), or a dialog on screen. The
 * lightbox on screen is reported with the clicks received before the answer.
 */
export const watchFirstClick = (selector: string) => `(() => {
  const clicks = [];
  addEventListener('click', (e) => { if (e.isTrusted) clicks.push(performance.now()); }, { capture: true });
  let shown = false;
  let answeredMs = null;
  let clicksBeforeAnswer = 0;
  const answer = () => {
    if (answeredMs !== null) return;
    answeredMs = performance.now();
    clicksBeforeAnswer = clicks.length;
  };
  for (const name of ['pushState', 'replaceState']) {
    const original = history[name];
    history[name] = function (...args) {
      const result = original.apply(this, args);
      if (/[?&]slot=/.test(location.search)) answer();
      return result;
    };
  }
  const tick = () => {
    const now = performance.now();
    if (!shown) {
      const img = [...document.querySelectorAll(${JSON.stringify(selector)})].find((i) => {
        const r = i.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < window.innerHeight;
      });
      if (img && img.complete && img.naturalWidth > 0) {
        const r = img.getBoundingClientRect();
        shown = true;
        console.debug(${JSON.stringify(VISIBLE_TAG)}, JSON.stringify({ ms: now, x: r.left + r.width / 2, y: r.top + r.height / 2 }));
      }
    }
    const dialog = [...document.querySelectorAll('dialog[open], [role="dialog"]')].find((d) => d.getBoundingClientRect().width > 0);
    if (dialog) answer();
    if (dialog) {
      console.debug(${JSON.stringify(OPENED_TAG)}, JSON.stringify({ ms: now, clicks: clicks.length, answeredMs, clicksBeforeAnswer }));
      return;
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`;

export async function viewportThumbnailsComplete(page: Page, timeoutMs: number) {
  const msg = await page.waitForEvent('console', { predicate: (m) => m.text().startsWith(WATCH_TAG), timeout: timeoutMs });
  return JSON.parse(msg.text().slice(WATCH_TAG.length).trim()) as { ms: number; count: number };
}

export interface Timeline {
  htmlEnd: number;
  scriptsEnd: number;
  /** API calls other than thumbnails, in start order; `sent` when the request had a connection. */
  api: { path: string; start: number; sent: number; end: number }[];
  firstThumbnailStart: number | null;
  /** Thumbnail requests started before the first viewport was complete. */
  thumbnailsStartedBefore: number;
  /** Median time a thumbnail request took (start to response end) until then. */
  thumbnailP50: number | null;
  thumbnailMax: number | null;
  /** Main-thread tasks over 50 ms before `until`. */
  longTasks: { start: number; duration: number }[];
  /** Every request before `until`: ms from navigation start, and bytes over the wire / decoded. */
  requests: { path: string; start: number; requestStart: number; responseStart: number; end: number; wire: number; bytes: number }[];
}

/**
 * The page's own resource timings, up to `until` ms from navigation start. (Functions run in
 * the page declare no named helpers: tsx would wrap them in a `__name` the page lacks.)
 */
export function timeline(page: Page, until: number): Promise<Timeline> {
  return page.evaluate((until) => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const res = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    const thumbs = res.filter((r) => r.name.includes('/thumbnail') && r.startTime <= until);
    const durations = thumbs.map((r) => r.responseEnd - r.startTime).sort((a, b) => a - b);
    return {
      htmlEnd: nav.responseEnd,
      scriptsEnd: Math.max(0, ...res.filter((r) => /\.(js|css)$/.test(new URL(r.name).pathname)).map((r) => r.responseEnd)),
      api: res
        .filter((r) => r.name.includes('/api/') && !r.name.includes('/thumbnail'))
        .map((r) => ({ path: new URL(r.name).pathname.replace(/[0-9a-f-]{36}/g, ':id'), start: r.startTime, sent: r.requestStart, end: r.responseEnd })),
      firstThumbnailStart: thumbs.length ? Math.min(...thumbs.map((r) => r.startTime)) : null,
      thumbnailsStartedBefore: thumbs.length,
      thumbnailP50: durations.length ? durations[Math.floor(durations.length / 2)]! : null,
      thumbnailMax: durations.length ? durations[durations.length - 1]! : null,
      longTasks: (window as unknown as { __benchLongTasks?: { start: number; duration: number }[] }).__benchLongTasks?.filter((t) => t.start <= until) ?? [],
      requests: res
        .filter((r) => r.startTime <= until)
        .map((r) => ({
          path: new URL(r.name).pathname.replace(/[0-9a-f-]{36}/g, ':id'),
          start: r.startTime,
          requestStart: r.requestStart,
          responseStart: r.responseStart,
          end: r.responseEnd,
          wire: r.transferSize,
          bytes: r.decodedBodySize,
        })),
    };
  }, until);
}

export const domCount = (page: Page) => page.evaluate(() => document.getElementsByTagName('*').length);

/**
 * Scrolls the page's scroller (the window, or the tallest scrollable element) to the bottom
 * in steps of 80 % of its height, counting DOM elements on the way. Bounded to 300 steps.
 */
export async function scrollToBottom(page: Page) {
  let max = await domCount(page);
  for (let step = 0; step < 300; step++) {
    const atEnd = await page.evaluate(() => {
      const candidates = [document.scrollingElement as HTMLElement, ...document.querySelectorAll<HTMLElement>('*')].filter((el) => {
        if (!el || el.scrollHeight <= el.clientHeight + 2) return false;
        if (el === document.scrollingElement) return true;
        const o = getComputedStyle(el).overflowY;
        return o === 'auto' || o === 'scroll';
      });
      const el = candidates.sort((a, b) => b.scrollHeight - a.scrollHeight)[0];
      if (!el) return true;
      const before = el.scrollTop;
      el.scrollTop = Math.min(el.scrollHeight, before + el.clientHeight * 0.8);
      return el.scrollTop === before;
    });
    await page.waitForTimeout(atEnd ? 400 : 40);
    max = Math.max(max, await domCount(page));
    if (atEnd) break;
  }
  const atBottom = await domCount(page);
  return { max: Math.max(max, atBottom), atBottom };
}
