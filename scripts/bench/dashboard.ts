// The dashboard: the initial route's JavaScript (gzip level 9), and the diary of a full
// week with real screenshots in Chromium, each figure from navigation start: the first
// viewport's thumbnails loaded, the first click on a thumbnail that opens its lightbox, a
// warm revisit (from the browser's cache), and the DOM's size.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import type { IncomingMessage } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import sharp from 'sharp';
import { chromium, type Browser, type Page } from 'playwright-core';
import { benchReviewActions, type ReviewActionFigures } from './review-actions.ts';
import { openDatabase, type Database } from '../../server/db/client.ts';
import { hashPassword } from '../../server/lib/password.ts';
import { diskBlobStore } from '../../server/storage/blob-store.ts';
import { storeScreenshot } from '../../server/storage/screenshots.ts';
import { addMeasuredWeek, BENCH, createBase, weekStartDate, type Exec } from './data.ts';
import { startApiServer, type ApiServer } from './api.ts';
import { concurrent, httpGet, keepAliveAgent, sequential } from './load.ts';
import { summarize, type Summary } from './stats.ts';

/**
 * The card's thumbnail: src/features/diary/components/slot-card.tsx renders it as the `<img>`
 * inside `.slot__thumb` (src = the slot's /thumbnail endpoint). Override with
 * BENCH_THUMB_SELECTOR when the dashboard marks it otherwise.
 */
export const THUMB_SELECTOR = process.env.BENCH_THUMB_SELECTOR ?? '.slot__thumb img';
/**
 * The diary route (src/config/paths.ts `paths.diary`; the query is read by
 * src/features/diary/utils/diary-search.ts): the week, and times in UTC like the API figures.
 */
export const diaryPath = (contractId: string, week: string) => `/contracts/${encodeURIComponent(contractId)}/diary?week=${week}&tz=utc`;

export interface JsFile {
  file: string;
  bytes: number;
  gzipBytes: number;
}

export interface DashboardResult {
  built: boolean;
  reason?: string;
  buildSeconds?: number;
  initialJs?: { files: JsFile[]; gzipBytes: number; bytes: number; css: JsFile[] };
  diary?: DiaryFigures;
}

export interface DiaryFigures {
  /** Dispute and approve: ms from the confirming click to the result on screen. */
  reviewActions: ReviewActionFigures;
  url: string;
  /** The thumbnail endpoint alone, without a browser. */
  thumbnails: ThumbnailServing;
  /** The entry script served alone, without a browser. */
  entryJs: StaticServing | null;
  selector: string;
  screenshots: number;
  /** Each cold visit's time until the first viewport's thumbnails were complete (ms). */
  visits: (number | null)[];
  /** Cold visits that click the first thumbnail as soon as it shows, each with its figures. */
  clicks: FirstClick[];
  /** The median (by lightbox time) of those; null when no click opened the lightbox. */
  firstClick: FirstClick | null;
  /** Revisits of the same page in the same browser (its cache warm), one after each timed visit. */
  warm: WarmRevisit[];
  /** The median (by thumbnails time) of those. */
  warmMedian: WarmRevisit | null;
  /** The median visit's: ms from navigation start until every thumbnail in the first viewport is complete; null on error. */
  thumbnailsMs: number | null;
  thumbnailsError?: string;
  thumbnailsInViewport?: number;
  /** When the week's API response ended, ms from navigation start. */
  weekResponseEndMs?: number;
  /** Where the time went until the thumbnails were complete (ms from navigation start). */
  timeline?: Timeline;
  timelineError?: string;
  domAfterLoad: number | null;
  domAtBottom: number | null;
  domMaxWhileScrolling: number | null;
  domError?: string;
  thumbnailRequests: number;
  consoleErrors: string[];
}

const run = (root: string, args: string[], timeoutMs: number) =>
  spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', timeout: timeoutMs });

/** `npx vite build`, then the sizes; `built: false` when there is no dashboard yet. */
export async function benchDashboard(root: string, log: (msg: string) => void): Promise<DashboardResult> {
  if (!fs.existsSync(path.join(root, 'index.html'))) return { built: false, reason: 'no index.html' };
  log('vite build');
  const t = performance.now();
  const r = run(root, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], 240_000);
  const buildSeconds = (performance.now() - t) / 1000;
  if (r.status !== 0) {
    const tail = `${r.stdout ?? ''}\n${r.stderr ?? ''}`.trim().split('\n').slice(-8).join('\n');
    return { built: false, reason: `vite build failed (${r.status ?? r.signal}):\n${tail}`, buildSeconds };
  }
  const dist = path.join(root, 'dist');
  if (!fs.existsSync(path.join(dist, 'index.html'))) return { built: false, reason: 'no dist/index.html after the build', buildSeconds };

  const result: DashboardResult = { built: true, buildSeconds, initialJs: initialJs(dist) };
  try {
    result.diary = await benchDiary(dist, log);
  } catch (err) {
    result.reason = `diary: ${(err as Error).message}`;
  }
  return result;
}

/** The entry module and its modulepreload chunks, as dist/index.html names them. */
export function initialJs(dist: string) {
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const attr = (tag: string, name: string) => new RegExp(`\\b${name}\\s*=\\s*["']([^"']+)["']`, 'i').exec(tag)?.[1];
  const js = new Set<string>();
  const css = new Set<string>();
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
    const src = attr(tag, 'src');
    if (src && attr(tag, 'type') === 'module') js.add(src);
  }
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = attr(tag, 'rel');
    const href = attr(tag, 'href');
    if (href && rel === 'modulepreload') js.add(href);
    if (href && rel === 'stylesheet') css.add(href);
  }
  const measure = (href: string): JsFile => {
    const bytes = fs.readFileSync(path.join(dist, href.replace(/^\//, '').split('?')[0]!));
    return { file: href, bytes: bytes.length, gzipBytes: zlib.gzipSync(bytes, { level: 9 }).length };
  };
  const files = [...js].map(measure);
  return {
    files,
    gzipBytes: files.reduce((a, f) => a + f.gzipBytes, 0),
    bytes: files.reduce((a, f) => a + f.bytes, 0),
    css: [...css].map(measure),
  };
}

/** A 1600×900 "screenshot": a window with a sidebar, a title bar and lines of text-like runs. */
async function fakeScreenshot(seed: number): Promise<Buffer> {
  let x = seed * 2654435761;
  const rnd = () => ((x = (x * 1103515245 + 12345) >>> 0), x / 2 ** 32);
  const hue = (seed * 47) % 360;
  const parts: string[] = [
    `<rect width="1600" height="900" fill="hsl(${hue},15%,97%)"/>`,
    `<rect width="1600" height="44" fill="hsl(${hue},30%,25%)"/>`,
    `<rect y="44" width="280" height="856" fill="hsl(${hue},20%,90%)"/>`,
  ];
  for (let y = 70; y < 880; y += 22) {
    let cx = 20;
    while (cx < 250) {
      const w = 20 + rnd() * 60;
      parts.push(`<rect x="${cx.toFixed(0)}" y="${y}" width="${Math.min(w, 260 - cx).toFixed(0)}" height="9" rx="2" fill="hsl(${hue},10%,45%)"/>`);
      cx += w + 8;
    }
  }
  for (let y = 70; y < 880; y += 18) {
    let cx = 300 + (rnd() < 0.4 ? 40 * Math.floor(rnd() * 4) : 0);
    const end = 600 + rnd() * 960;
    while (cx < end) {
      const w = 15 + rnd() * 90;
      const color = rnd() < 0.2 ? `hsl(${(hue + 180) % 360},60%,40%)` : rnd() < 0.3 ? `hsl(${(hue + 90) % 360},50%,35%)` : '#333';
      parts.push(`<rect x="${cx.toFixed(0)}" y="${y}" width="${w.toFixed(0)}" height="8" rx="1" fill="${color}"/>`);
      cx += w + 7;
    }
  }
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="900">${parts.join('')}</svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 80 }).toBuffer();
}

/** PGlite with the bench client and a full week on `n` distinct real screenshots. */
async function diaryWorld(blobsDir: string, n: number) {
  const database = await openDatabase({});
  const exec = database.query as Exec;
  const world = await createBase(exec, await hashPassword(BENCH.password));
  const blobs = diskBlobStore(blobsDir);
  const shas: string[] = [];
  let jpegBytes = 0;
  for (let i = 0; i < n; i++) {
    const jpeg = await fakeScreenshot(i + 1);
    jpegBytes += jpeg.length;
    const s = await storeScreenshot(blobs, world.contractId, jpeg);
    await exec(
      `insert into screenshots (contract_id, sha256, mime, bytes, width, height, thumb_sha256, thumb_bytes)
       values ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [world.contractId, s.sha256, s.mime, s.bytes, s.width, s.height, s.thumbSha256, s.thumbBytes],
    );
    shas.push(s.sha256);
  }
  await addMeasuredWeek(exec, world, shas);
  return { database, world, jpegBytes };
}

const LAUNCH_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

async function benchDiary(dist: string, log: (msg: string) => void): Promise<DiaryFigures> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!fs.existsSync(executablePath)) throw new Error(`no Chromium at ${executablePath} (apt-get install -y chromium, or set CHROMIUM_PATH)`);
  const blobsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wd-bench-shots-'));
  let database: Database | undefined;
  let server: ApiServer | undefined;
  let browser: Browser | undefined;
  try {
    const SHOTS = 20;
    log(`diary: ${SHOTS} screenshots of 1600×900 and a 1,008-slot week on PGlite`);
    const w = await diaryWorld(blobsDir, SHOTS);
    database = w.database;
    server = await startApiServer(database, { staticDir: dist, blobsDir });
    browser = await chromium.launch({ executablePath, args: LAUNCH_ARGS });
    const url = `${server.base}${diaryPath(w.world.contractId, BENCH.week)}`;

    // Warm the server (not the browser): the first request of a fresh app compiles its routes.
    await warmServer(browser, server, url);
    const thumbnails = await thumbnailServing(server, w.world.contractId);
    const entryJs = await staticServing(server, dist);

    // Cold visits (a fresh context each: empty cache); the median visit is reported, the
    // last one also scrolls to the bottom to count the DOM. Each is revisited once warm.
    const visits: Visit[] = [];
    for (let i = 0; i < VISITS; i++) {
      log(`diary visit ${i + 1}/${VISITS}: ${url.replace(server.base, '')}, then again from the cache`);
      visits.push(await visit(browser, server, url, i === VISITS - 1));
    }
    // Apart from those: a click while the first screenful still loads would slow it.
    const clicks: FirstClick[] = [];
    for (let i = 0; i < VISITS; i++) {
      log(`diary visit ${i + 1}/${VISITS}: click the first thumbnail as soon as it shows`);
      clicks.push(await clickVisit(browser, server, url));
    }
    log('review: dispute a slot and approve the week, timed from the confirming click to the change on screen');
    const reviewActions = await benchReviewActions(browser, server, w.world.contractId);
    const timed = visits.filter((v) => v.thumbnailsMs !== null).sort((a, b) => a.thumbnailsMs! - b.thumbnailsMs!);
    const median = timed[Math.floor((timed.length - 1) / 2)] ?? visits[0]!;
    const last = visits[visits.length - 1]!;
    const opened = clicks.filter((c) => c.lightboxMs !== null).sort((a, b) => a.lightboxMs! - b.lightboxMs!);
    const warm = visits.map((v) => v.warm).filter((w): w is WarmRevisit => !!w);
    const warmTimed = warm.filter((w) => w.thumbnailsMs !== null).sort((a, b) => a.thumbnailsMs! - b.thumbnailsMs!);
    return {
      url: url.replace(server.base, ''),
      thumbnails,
      entryJs,
      selector: THUMB_SELECTOR,
      screenshots: SHOTS,
      visits: visits.map((v) => v.thumbnailsMs),
      clicks,
      firstClick: opened[Math.floor((opened.length - 1) / 2)] ?? null,
      warm,
      warmMedian: warmTimed[Math.floor((warmTimed.length - 1) / 2)] ?? null,
      thumbnailsMs: median.thumbnailsMs,
      thumbnailsError: median.thumbnailsError,
      thumbnailsInViewport: median.thumbnailsInViewport,
      timeline: median.timeline,
      timelineError: median.timelineError,
      weekResponseEndMs: median.timeline?.api.find((a) => a.path.includes('/weeks/'))?.end,
      domAfterLoad: last.domAfterLoad,
      domAtBottom: last.domAtBottom,
      domMaxWhileScrolling: last.domMaxWhileScrolling,
      domError: last.domError,
      thumbnailRequests: last.thumbnailRequests,
      consoleErrors: [...new Set(visits.flatMap((v) => v.consoleErrors))].slice(0, 5),
      reviewActions,
    };
  } finally {
    await browser?.close().catch(() => {});
    await server?.close().catch(() => {});
    await database?.close().catch(() => {});
    fs.rmSync(blobsDir, { recursive: true, force: true });
  }
}

/** Cold visits of each kind per run (BENCH_VISITS overrides): the median one is reported. */
const VISITS = Math.max(1, Number(process.env.BENCH_VISITS) || 15);

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
async function staticServing(server: ApiServer, dist: string): Promise<StaticServing | null> {
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
async function thumbnailServing(server: ApiServer, contractId: string): Promise<ThumbnailServing> {
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

type Visit = Pick<
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
async function visit(browser: Browser, server: ApiServer, url: string, scroll: boolean): Promise<Visit> {
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
async function clickVisit(browser: Browser, server: ApiServer, url: string): Promise<FirstClick> {
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
async function warmServer(browser: Browser, server: ApiServer, url: string) {
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
const watchFirstViewport = (selector: string) => `(() => {
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

const VISIBLE_TAG = '__bench:first-thumbnail';
const OPENED_TAG = '__bench:lightbox';
/**
 * The page's own watch for the first click: on every animation frame, the first thumbnail in
 * the viewport, once loaded, is reported with its centre (ms since navigation start). Every
 * click the page receives is stamped, and so is its answer: the router putting the slot in
 * the URL (in the very task of the click that caused it), or a dialog on screen. The
 * lightbox on screen is reported with the clicks received before the answer.
 */
const watchFirstClick = (selector: string) => `(() => {
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

async function viewportThumbnailsComplete(page: Page, timeoutMs: number) {
  const msg = await page.waitForEvent('console', { predicate: (m) => m.text().startsWith(WATCH_TAG), timeout: timeoutMs });
  return JSON.parse(msg.text().slice(WATCH_TAG.length).trim()) as { ms: number; count: number };
}

export interface Timeline {
  htmlEnd: number;
  scriptsEnd: number;
  /** API calls other than thumbnails, in start order. */
  api: { path: string; start: number; end: number }[];
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
function timeline(page: Page, until: number): Promise<Timeline> {
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
        .map((r) => ({ path: new URL(r.name).pathname.replace(/[0-9a-f-]{36}/g, ':id'), start: r.startTime, end: r.responseEnd })),
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

const domCount = (page: Page) => page.evaluate(() => document.getElementsByTagName('*').length);

/**
 * Scrolls the page's scroller (the window, or the tallest scrollable element) to the bottom
 * in steps of 80 % of its height, counting DOM elements on the way. Bounded to 300 steps.
 */
async function scrollToBottom(page: Page) {
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
