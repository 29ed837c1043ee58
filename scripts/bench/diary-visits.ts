// The diary's visits in Chromium, each in a fresh context and timed from navigation start:
// cold (the first screenful, the DOM), the first click that opens the lightbox, the warm
// revisit from the browser's cache; and the server's own cost for the entry script and a thumbnail.
import type { IncomingMessage } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { weekStartDate } from './data.ts';
import type { ApiServer } from './api.ts';
import { concurrent, httpGet, keepAliveAgent, sequential } from './load.ts';
import { summarize, type Summary } from './stats.ts';
import type { DiaryFigures } from './dashboard.ts';
import { initialJs } from './built-js.ts';
import { THUMB_SELECTOR, watchFirstViewport, VISIBLE_TAG, OPENED_TAG, watchFirstClick, viewportThumbnailsComplete, timeline, domCount, scrollToBottom } from './page-watch.ts';

/** Cold visits of each kind per run (BENCH_VISITS overrides): the median one is reported. */
export const VISITS = Math.max(1, Number(process.env.BENCH_VISITS) || 15);

export interface ThumbnailServing {
  /** One GET after another: ms. */
  sequential: Summary;
  /** The first 30 slots' thumbnails over 6 connections, as a browser fetches them: ms for all. */
  burst30Ms: number;
}

export interface StaticServing {
  file: string;
  /** GET p50 in ms with a browser's accept-encoding (the server compresses on the fly), and without. */
  brMs: number;
  identityMs: number;
  brBytes: number;
}

/** How long the server takes to send the entry script, compressed as for a browser and not. */
export async function staticServing(server: ApiServer, dist: string): Promise<StaticServing | null> {
  const entry = initialJs(dist).files[0];
  if (!entry) return null;
  const agent = keepAliveAgent(1);
  try {
    const url = `${server.base}${entry.file}`;
    const time = (enc: string) => sequential(async () => {
      const r = await httpGet(url, { 'accept-encoding': enc }, agent);
      return { ok: r.status === 200, bytes: r.body.length };
    }, 20, 3);
    const br = await time('gzip, deflate, br, zstd');
    const identity = await time('identity');
    return { file: entry.file, brMs: summarize(br.latencies).p50, identityMs: summarize(identity.latencies).p50, brBytes: br.bytes / br.count };
  } finally {
    agent.destroy();
  }
}

/** The thumbnail endpoint measured from this process (the server's cost, no browser). */
export async function thumbnailServing(server: ApiServer, contractId: string): Promise<ThumbnailServing> {
  const base = weekStartDate().getTime();
  const urls = Array.from({ length: 30 }, (_, i) => `${server.base}/api/contracts/${contractId}/slots/${new Date(base + i * 600_000).toISOString()}/thumbnail`);
  const headers = { cookie: server.cookie, 'accept-encoding': 'gzip, deflate, br' };
  const agent = keepAliveAgent(6);
  try {
    let i = 0;
    const op = async () => {
      const r = await httpGet(urls[i++ % urls.length]!, headers, agent);
      return { ok: r.status === 200, bytes: r.body.length };
    };
    const seq = await sequential(op, 90, 10);
    i = 0;
    const burst = await concurrent(op, 6, 30_000, 30);
    return { sequential: summarize(seq.latencies), burst30Ms: burst.elapsedMs };
  } finally {
    agent.destroy();
  }
}

export type Visit = Pick<
  DiaryFigures,
  | 'thumbnailsMs'
  | 'thumbnailsError'
  | 'thumbnailsInViewport'
  | 'timeline'
  | 'timelineError'
  | 'domAfterLoad'
  | 'domAtBottom'
  | 'domMaxWhileScrolling'
  | 'domError'
  | 'thumbnailRequests'
  | 'consoleErrors'
> & { warm?: WarmRevisit };

export interface WarmRevisit {
  /** ms from navigation start until the first viewport's thumbnails were complete; null on error. */
  thumbnailsMs: number | null;
  error?: string;
  /** Thumbnail requests that reached the server during the revisit (the goal: none). */
  thumbnailsFromServer: number;
  /** Thumbnails the page loaded, and how many of them the browser's cache served (no bytes over the wire). */
  thumbnailsLoaded: number;
  thumbnailsFromCache: number;
}

export interface FirstClick {
  /** ms from navigation start: the first thumbnail visible (loaded, in the viewport). */
  visibleMs: number | null;
  /** ms from navigation start: the page answered a click (the router put the slot in the URL). */
  answeredMs: number | null;
  /** ms from navigation start: the lightbox shown; null when no click opened it. */
  lightboxMs: number | null;
  /** Clicks the page received before the one that opened the lightbox (the goal: none). */
  lostClicks: number | null;
  error?: string;
}

/** One cold visit of the diary in a fresh context; `scroll` also scrolls to the bottom counting the DOM. */
export async function visit(browser: Browser, server: ApiServer, url: string, scroll: boolean): Promise<Visit> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    await context.addCookies([{ name: 'wd_session', value: server.cookie.split('=')[1]!, url: server.base }]);
    // Keep every resource timing (the default buffer holds 250; a week has 1,008 thumbnails),
    // and the main thread's long tasks (scripts, React rendering), to tell CPU from network.
    await context.addInitScript(() => {
      performance.setResourceTimingBufferSize(10_000);
      const w = window as unknown as { __benchLongTasks: { start: number; duration: number }[] };
      w.__benchLongTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__benchLongTasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask', buffered: true });
    });
    await context.addInitScript({ content: watchFirstViewport(THUMB_SELECTOR) });
    const page = await context.newPage();
    const v: Visit = { thumbnailsMs: null, domAfterLoad: null, domAtBottom: null, domMaxWhileScrolling: null, thumbnailRequests: 0, consoleErrors: [] };
    page.on('console', (m) => {
      if (m.type() === 'error' && v.consoleErrors.length < 5) v.consoleErrors.push(m.text().slice(0, 200));
    });
    page.on('pageerror', (e) => {
      if (v.consoleErrors.length < 5) v.consoleErrors.push(e.message.slice(0, 200));
    });
    page.on('request', (r) => {
      if (r.url().includes('/thumbnail')) v.thumbnailRequests++;
    });
    const watched = viewportThumbnailsComplete(page, 35_000);
    watched.catch(() => {});
    await page.goto(url, { waitUntil: 'commit', timeout: 15_000 });
    try {
      const t = await watched;
      v.thumbnailsMs = t.ms;
      v.thumbnailsInViewport = t.count;
    } catch (err) {
      const seen = await page.evaluate((sel) => document.querySelectorAll(sel).length, THUMB_SELECTOR).catch(() => -1);
      v.thumbnailsError = `${(err as Error).message.split('\n')[0]} (${seen} elements match ${THUMB_SELECTOR}; page ${page.url().replace(server.base, '')})`;
    }
    try {
      v.timeline = await timeline(page, v.thumbnailsMs ?? Infinity);
    } catch (err) {
      v.timelineError = (err as Error).message.split('\n')[0];
    }
    v.warm = await warmRevisit(page, server, url);
    if (scroll) {
      try {
        await page.waitForTimeout(500);
        v.domAfterLoad = await domCount(page);
        const s = await scrollToBottom(page);
        v.domMaxWhileScrolling = s.max;
        v.domAtBottom = s.atBottom;
      } catch (err) {
        v.domError = (err as Error).message.split('\n')[0];
      }
    }
    return v;
  } finally {
    await context.close();
  }
}

/** Counts the thumbnail requests that reach the server until `stop()`. */
function countThumbnailRequests(server: ApiServer) {
  let n = 0;
  const onRequest = (req: IncomingMessage) => {
    if (req.url?.includes('/thumbnail')) n++;
  };
  server.app.server.on('request', onRequest);
  return {
    stop: () => {
      server.app.server.off('request', onRequest);
      return n;
    },
  };
}

/**
 * The same page opened again in the same browser once the cold visit has settled, as a reader
 * comes back to a link: the scripts and thumbnails should come from the browser's cache.
 */
async function warmRevisit(page: Page, server: ApiServer, url: string): Promise<WarmRevisit> {
  const out: WarmRevisit = { thumbnailsMs: null, thumbnailsFromServer: 0, thumbnailsLoaded: 0, thumbnailsFromCache: 0 };
  await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => {});
  // Away first: a navigation to the very URL shown would be a reload, which revalidates.
  await page.goto('about:blank');
  const reached = countThumbnailRequests(server);
  try {
    const watched = viewportThumbnailsComplete(page, 15_000);
    watched.catch(() => {});
    await page.goto(url, { waitUntil: 'commit', timeout: 15_000 });
    out.thumbnailsMs = (await watched).ms;
    // A thumbnail the cache served carried no bytes over the wire (transferSize 0).
    const sizes = await page.evaluate(() =>
      (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((r) => r.name.includes('/thumbnail')).map((r) => r.transferSize),
    );
    out.thumbnailsLoaded = sizes.length;
    out.thumbnailsFromCache = sizes.filter((size) => size === 0).length;
  } catch (err) {
    out.error = (err as Error).message.split('\n')[0];
  } finally {
    out.thumbnailsFromServer = reached.stop();
  }
  return out;
}

/**
 * A cold visit that clicks the first thumbnail as a person would, as soon as it shows: a real
 * mouse click at its centre (through the browser's input, so whatever lies on top receives
 * it), again every 50 ms until the lightbox opens.
 */
export async function clickVisit(browser: Browser, server: ApiServer, url: string): Promise<FirstClick> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const out: FirstClick = { visibleMs: null, answeredMs: null, lightboxMs: null, lostClicks: null };
  try {
    await context.addCookies([{ name: 'wd_session', value: server.cookie.split('=')[1]!, url: server.base }]);
    await context.addInitScript({ content: watchFirstClick(THUMB_SELECTOR) });
    const page = await context.newPage();
    const tagged = (tag: string, timeout: number) =>
      page.waitForEvent('console', { predicate: (m) => m.text().startsWith(tag), timeout }).then((m) => JSON.parse(m.text().slice(tag.length).trim()));
    const visible = tagged(VISIBLE_TAG, 35_000) as Promise<{ ms: number; x: number; y: number }>;
    const opened = tagged(OPENED_TAG, 45_000) as Promise<{ ms: number; clicks: number; answeredMs: number; clicksBeforeAnswer: number }>;
    visible.catch(() => {});
    opened.catch(() => {});
    await page.goto(url, { waitUntil: 'commit', timeout: 15_000 });
    const first = await visible;
    out.visibleMs = first.ms;
    let done = false;
    opened.then(
      () => (done = true),
      () => (done = true),
    );
    for (let i = 0; !done && i < 400; i++) {
      await page.mouse.click(first.x, first.y);
      await Promise.race([opened.catch(() => {}), new Promise((resolve) => setTimeout(resolve, 50))]);
    }
    const o = await opened;
    out.lightboxMs = o.ms;
    out.answeredMs = o.answeredMs;
    // The click that the page answered (its URL names the slot, or the lightbox shows) is the last one before it.
    out.lostClicks = Math.max(0, o.clicksBeforeAnswer - 1);
  } catch (err) {
    out.error = (err as Error).message.split('\n')[0];
  } finally {
    await context.close();
  }
  return out;
}

/** One visit in a throw-away context, so the server's first-request costs are not measured. */
export async function warmServer(browser: Browser, server: ApiServer, url: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    await context.addCookies([{ name: 'wd_session', value: server.cookie.split('=')[1]!, url: server.base }]);
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load', timeout: 15_000 });
    await page.waitForTimeout(1_500);
  } catch {
    /* the measured visit reports what goes wrong */
  } finally {
    await context.close();
  }
}
