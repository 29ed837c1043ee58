// A cold visit of a diary link would show nothing but a spinner until the dashboard's scripts
// have downloaded and run, its API requests have answered and React has rendered the grid:
// over a second on a 2-core machine. So the server renders the diary's first screen itself,
// with the dashboard's own components (src/entry-server.tsx, built into dist/.ssr), from the
// same answers the API would give, and sends it inside index.html with those answers as JSON.
// The browser paints the week (its thumbnails are ordinary <img>s in the HTML) while the
// scripts load; the dashboard then renders over it from the same data (src/main.tsx).
//
// The grid is laid out for the viewport's width, which the server learns from the browser's
// client hints (Sec-CH-Viewport-Width, asked for with Accept-CH and Critical-CH: Chromium
// repeats the request with them at once). A browser that sends none gets the plain page, as
// does a week in "your time" before the dashboard has left the browser's zone in a cookie,
// or a link to a day or a slot (which scrolls elsewhere).
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { IncomingHttpHeaders } from 'node:http';
import { isValidTimeZone } from '../../contract/common.ts';
import { FIRST_RENDER_ELEMENT_ID, FIRST_THUMBNAIL_TOKEN, type FirstRenderData } from '../../contract/first-render.ts';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/client.ts';
import { findThumbnailKeys } from '../data/slots.ts';
import type { BlobStore } from '../storage/blob-store.ts';
import { toMe, type User } from '../data/users.ts';
import { weekKey } from '../domain/week.ts';
import { contractPayload } from './contract-service.ts';
import type { DiaryTop } from './diary-preload.ts';
import { weekPayload } from './week-service.ts';
import { loadVisibleWeekState } from './week-state.ts';

/** The cookie's zone, or undefined when it is missing or not a zone. */
export function zoneCookie(value: string | undefined): string | undefined {
  if (!value || value.length > 64) return undefined;
  return isValidTimeZone(value) ? value : undefined;
}

/** The hints the server asks for; the width is critical (the layout depends on it). */
export const VIEWPORT_HINTS = 'Sec-CH-Viewport-Width, Sec-CH-Viewport-Height';
export const CRITICAL_HINTS = 'Sec-CH-Viewport-Width';

export interface Viewport {
  width: number;
  height: number;
}

const hintNumber = (value: string | string[] | undefined, fallback: number | null): number | null => {
  const n = typeof value === 'string' && /^\d{2,5}$/.test(value.trim()) ? Number(value) : NaN;
  return n >= 200 && n <= 20_000 ? n : fallback;
};

/** The viewport the browser announced, or null without (a valid) width. */
export function viewportOf(headers: IncomingHttpHeaders): Viewport | null {
  const width = hintNumber(headers['sec-ch-viewport-width'], null);
  if (width === null) return null;
  return { width, height: hintNumber(headers['sec-ch-viewport-height'], 800)! };
}

interface FirstRenderer {
  /** src/entry-server.tsx: the inside of #root, with a token for each on-screen thumbnail. */
  renderDiaryPage(request: { url: string; data: FirstRenderData; viewport: Viewport }): Promise<{ html: string; thumbnails: string[] } | null>;
}

const renderers = new Map<string, Promise<FirstRenderer | null>>();

/** The built server render (dist/.ssr/entry-server.js beside the dashboard), or null when it was not built. */
export function loadFirstRenderer(staticDir: string): Promise<FirstRenderer | null> {
  const file = path.join(staticDir, '.ssr', 'entry-server.js');
  let loading = renderers.get(file);
  if (!loading) {
    // A build that cannot be loaded leaves the plain page (the caller logs why).
    loading = fs.existsSync(file) ? (import(pathToFileURL(file).href) as Promise<FirstRenderer>) : Promise.resolve(null);
    loading.catch(() => renderers.set(file, Promise.resolve(null)));
    renderers.set(file, loading);
  }
  return loading;
}

/**
 * The answers the page is rendered from, or null where the viewer may not see the contract.
 * "Your time" needs the browser's zone, which the dashboard leaves in a cookie (ZONE_COOKIE):
 * `browserTimeZone` is that cookie as sent (checked here by zoneCookie); without a zone, null.
 */
export async function firstRenderData(
  deps: { database: Database; clock: Clock },
  viewer: User,
  top: DiaryTop,
  browserTimeZone?: string,
): Promise<FirstRenderData | null> {
  const browserZone = top.tz === 'local' ? zoneCookie(browserTimeZone) : undefined;
  if (top.tz !== 'utc' && top.tz !== 'contractor' && !browserZone) return null;
  const now = deps.clock.now();
  // The week as the API reads it (its access check included); the zone only shapes the answer.
  const ws = await loadVisibleWeekState(deps.database, viewer, top.contractId, top.weekStart, now);
  if (!ws) return null;
  const timeZone = top.tz === 'utc' ? 'UTC' : top.tz === 'contractor' ? ws.contract.timeZone : browserZone!;
  const contract = await contractPayload(deps.database, ws.contract, now);
  return { me: toMe(viewer), contract, week: { weekStart: weekKey(top.weekStart), timeZone, data: weekPayload(ws, viewer, timeZone, now) } };
}

/** At most this many thumbnails go inside the page (a very tall window shows more: those load by URL). */
export const MAX_INLINE_THUMBNAILS = 48;

/** A token, capturing its slot start (an ISO instant, as in slot URLs). */
const TOKEN_SOURCE = `${FIRST_THUMBNAIL_TOKEN}([0-9T:.Z-]{24})`;
const TOKEN = new RegExp(TOKEN_SOURCE, 'g');
/** React's preload of an on-screen image (it hoists one per `fetchPriority="high"` <img>): pointless for an image inside the page. */
const TOKEN_PRELOAD = new RegExp(`<link rel="preload" as="image" href="${TOKEN_SOURCE}"[^>]*>`, 'g');

/**
 * Puts the on-screen thumbnails into the rendered markup as data URLs, in place of the
 * renderer's tokens: the browser shows the first screen without one request per image (on a
 * 2-core machine, 18 of them took half a second, sharing it with the page's scripts). The
 * contract is one the viewer may see (its data was read for them). A token without a stored
 * image, or beyond the first `max`, becomes the thumbnail's URL.
 */
export async function inlineFirstThumbnails(
  deps: { database: Database; blobs: BlobStore },
  contractId: string,
  markup: string,
  starts: string[],
  max = MAX_INLINE_THUMBNAILS,
): Promise<string> {
  const inline = starts.slice(0, max);
  const keys = await findThumbnailKeys(
    deps.database,
    contractId,
    inline.map((s) => new Date(s)),
  );
  const images = new Map<string, string>();
  await Promise.all(
    inline.map(async (start) => {
      const sha = keys.get(Date.parse(start));
      const bytes = sha ? await deps.blobs.get(contractId, sha) : null;
      if (bytes) images.set(start, `data:image/webp;base64,${bytes.toString('base64')}`);
    }),
  );
  return markup
    .replace(TOKEN_PRELOAD, (link, start: string) => (images.has(start) ? '' : link))
    .replace(TOKEN, (_, start: string) => images.get(start) ?? `/api/contracts/${contractId}/slots/${start}/thumbnail`);
}

const SCRIPT_TAGS = /\s*<script type="module" crossorigin src="[^"]+"><\/script>|\s*<link rel="modulepreload" crossorigin href="[^"]+">/g;
const ENTRY_SCRIPT = /<script type="module" crossorigin src="([^"]+)"><\/script>/;
const MODULE_PRELOAD = /<link rel="modulepreload" crossorigin href="([^"]+)">/;

/** The data block naming the dashboard's scripts for START_WHEN_PAINTED_SCRIPT: the entry first, then its preloads. */
export const DASHBOARD_SCRIPTS_ELEMENT_ID = 'wd-dashboard-scripts';

/**
 * Starts the dashboard's scripts once the thumbnails on screen have loaded (or failed, or
 * after a second at most) and a frame has shown them. Fetching, compiling and running the
 * scripts takes the main thread (and, on a 2-core machine, the cores) for a few hundred ms,
 * which would hold back the very frame that shows the week; so even their modulepreloads
 * wait until then. The script is the same on every page (the Content-Security-Policy allows
 * it by its hash); the scripts it starts are named in the JSON block before it.
 */
export const START_WHEN_PAINTED_SCRIPT = `(function () {
  var scripts = JSON.parse(document.getElementById('${DASHBOARD_SCRIPTS_ELEMENT_ID}').textContent);
  var started = false;
  var start = function () {
    if (started) return;
    started = true;
    scripts.forEach(function (href) {
      var l = document.createElement('link');
      l.rel = 'modulepreload';
      l.crossOrigin = '';
      l.href = href;
      document.head.appendChild(l);
    });
    var s = document.createElement('script');
    s.type = 'module';
    s.crossOrigin = '';
    s.src = scripts[0];
    document.body.appendChild(s);
  };
  var painted = function () { requestAnimationFrame(function () { setTimeout(start, 0); }); };
  var pending = [].filter.call(document.querySelectorAll('#root img[fetchpriority="high"]'), function (img) { return !img.complete; });
  var left = pending.length;
  if (left === 0) return painted();
  var done = function () {
    if (--left === 0) painted();
  };
  pending.forEach(function (img) {
    img.addEventListener('load', done, { once: true });
    img.addEventListener('error', done, { once: true });
  });
  setTimeout(start, 1000);
})();`.replace(/\n\s*/g, ' ');

/** JSON inside a <script> element: `<` is escaped so no memo can close the element. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

const startWhenPainted = (src: string, preloads: string[]) =>
  `<script type="application/json" id="${DASHBOARD_SCRIPTS_ELEMENT_ID}">${scriptJson([src, ...preloads])}</script><script>${START_WHEN_PAINTED_SCRIPT}</script>`;

/**
 * index.html with the rendered page in #root and its data first in the head. The diary's
 * style sheets are applied (not only preloaded), and the scripts move to the end of the body:
 * the browser then requests the thumbnails on screen before the scripts (over the same six
 * connections), and the page is complete without the scripts until they take over. The entry
 * script runs once the screen's thumbnails are shown (startWhenPainted).
 */
export function withFirstRender(html: string, markup: string, data: FirstRenderData): string {
  const tags = (html.match(SCRIPT_TAGS) ?? []).map((tag) => tag.trim());
  const entry = tags.map((tag) => ENTRY_SCRIPT.exec(tag)?.[1]).find(Boolean);
  const preloads = tags.map((tag) => MODULE_PRELOAD.exec(tag)?.[1]).filter((href): href is string => !!href);
  const scripts = entry ? startWhenPainted(entry, preloads) : tags.join('');
  // Every replacement that carries data (a memo, a contract's title) is a function: as a
  // string, a `$'` or `$&` in it would be read as a replacement pattern and copy the page.
  // The page's <title> (rendered in place by React) belongs in the head, instead of the default one.
  const title = /<title>[^<]*<\/title>/.exec(markup)?.[0];
  if (title) {
    markup = markup.replace(title, '');
    html = html.replace(/<title>[^<]*<\/title>/, () => title);
  }
  return html
    .replace(SCRIPT_TAGS, '')
    .replace('<head>', () => `<head><script type="application/json" id="${FIRST_RENDER_ELEMENT_ID}">${scriptJson(data)}</script>`)
    .replace(/<link rel="preload" as="style" crossorigin href="([^"]+)">/g, '<link rel="stylesheet" crossorigin href="$1">')
    // Inert until the dashboard renders over it (its first render replaces the whole of #root):
    // a click or key on the server's page would otherwise be lost without a word.
    .replace('<div id="root"></div>', () => `<div id="root"><div inert style="display:contents">${markup}</div></div>`)
    .replace('</body>', () => `${scripts}</body>`);
}
