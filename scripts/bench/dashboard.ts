// The dashboard: the initial route's JavaScript (gzip level 9), and the diary of a full
// week with real screenshots in Chromium, each figure from navigation start: the first
// viewport's thumbnails loaded, the first click on a thumbnail that opens its lightbox, a
// warm revisit (from the browser's cache), and the DOM's size.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { chromium, type Browser } from 'playwright-core';
import { benchReviewActions, type ReviewActionFigures } from './review-actions.ts';
import { openDatabase, type Database } from '#server/db/client.ts';
import { hashPassword } from '#server/lib/password.ts';
import { diskBlobStore } from '#server/storage/blob-store.ts';
import { storeScreenshot } from '#server/storage/screenshots.ts';
import { addMeasuredWeek, BENCH, createBase, type Exec } from './data.ts';
import { startApiServer, type ApiServer } from './api.ts';
import { clickVisit, staticServing, thumbnailServing, visit, VISITS, warmServer, type FirstClick, type StaticServing, type ThumbnailServing, type Visit, type WarmRevisit } from './diary-visits.ts';
import { THUMB_SELECTOR, type Timeline } from './page-watch.ts';
import { initialJs, type JsFile } from './built-js.ts';

/**
 * The diary route (src/config/paths.ts `paths.diary`; the query is read by
 * src/features/diary/utils/diary-search.ts): the week, and times in UTC like the API figures.
 */
export const diaryPath = (contractId: string, week: string) => `/contracts/${encodeURIComponent(contractId)}/diary?week=${week}&tz=utc`;

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

export const run = (root: string, args: string[], timeoutMs: number) =>
  spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', timeout: timeoutMs });

/**
 * `npx vite build` into a folder of its own (dist/ may be rebuilt by someone else while the
 * visits run), then the sizes and the diary; `built: false` when there is no dashboard yet.
 */
export async function benchDashboard(root: string, log: (msg: string) => void): Promise<DashboardResult> {
  if (!fs.existsSync(path.join(root, 'index.html'))) return { built: false, reason: 'no index.html' };
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'wd-bench-dist-'));
  try {
    log('vite build');
    const t = performance.now();
    const r = run(root, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn', '--outDir', dist, '--emptyOutDir'], 240_000);
    const buildSeconds = (performance.now() - t) / 1000;
    if (r.status !== 0) {
      const tail = `${r.stdout ?? ''}\n${r.stderr ?? ''}`.trim().split('\n').slice(-8).join('\n');
      return { built: false, reason: `vite build failed (${r.status ?? r.signal}):\n${tail}`, buildSeconds };
    }
    if (!fs.existsSync(path.join(dist, 'index.html'))) return { built: false, reason: 'no index.html after the build', buildSeconds };

    const result: DashboardResult = { built: true, buildSeconds, initialJs: initialJs(dist) };
    try {
      result.diary = await benchDiary(dist, log);
    } catch (err) {
      result.reason = `diary: ${(err as Error).message}`;
    }
    return result;
  } finally {
    fs.rmSync(dist, { recursive: true, force: true });
  }
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

export async function benchDiary(dist: string, log: (msg: string) => void): Promise<DiaryFigures> {
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
