// The diary is where people land (a shared link to a week). Its first screenful is three hour
// rows of thumbnails, and on a cold visit they would be requested only once the dashboard's
// scripts have run and the grid has rendered: hundreds of ms after the HTML. So when the
// dashboard's HTML is asked for a diary page, the server adds a few inline lines that name
// the first screenful's thumbnails, and the browser fetches them while it runs the scripts.
// Only for a signed-in viewer who may see the contract, and only for the week's top (a link
// to a day or a slot scrolls elsewhere).
import { WeekParams } from '../../contract/week.ts';
import type { Queryable } from '../db/client.ts';
import { findVisibleContract } from '../data/contracts.ts';
import { findFirstScreenshotStarts } from '../data/slots.ts';
import type { User } from '../data/users.ts';
import { addWeeks, parseWeekKey } from '../domain/week.ts';

/** Three hour rows of six cards: what a laptop's first screen shows of the grid. */
export const PRELOADED_THUMBNAILS = 18;

const DIARY_PATH = /^\/contracts\/([^/]+)\/diary\/?$/;

export interface DiaryTop {
  contractId: string;
  weekStart: Date;
  /** The URL's time zone choice (`utc`, `local`, `contractor`), or null. */
  tz: string | null;
}

/** The contract and week a diary URL asks for, when it names a week (a Monday) and no day or slot. */
export function diaryTopOfWeek(url: string): DiaryTop | null {
  const { pathname, searchParams } = new URL(url, 'http://localhost');
  const m = DIARY_PATH.exec(pathname);
  if (!m || searchParams.has('day') || searchParams.has('slot')) return null;
  // The same rules as the week's API route: a contract id and a Monday.
  const parsed = WeekParams.safeParse({ contractId: m[1], weekStart: searchParams.get('week') ?? '' });
  if (!parsed.success) return null;
  return { contractId: parsed.data.contractId, weekStart: parseWeekKey(parsed.data.weekStart), tz: searchParams.get('tz') };
}

/**
 * The thumbnail URLs of the week's first slots with a screenshot, exactly as the dashboard
 * writes them (src/features/diary/api/get-slot.ts), or none when the viewer may not see them.
 */
export async function firstScreenfulThumbnails(q: Queryable, user: User, target: DiaryTop): Promise<string[]> {
  const contract = await findVisibleContract(q, user, target.contractId);
  if (!contract) return [];
  const starts = await findFirstScreenshotStarts(q, contract.id, target.weekStart, addWeeks(target.weekStart, 1), PRELOADED_THUMBNAILS);
  return starts.map((start) => `/api/contracts/${encodeURIComponent(contract.id)}/slots/${start.toISOString()}/thumbnail`);
}

/** The data block the preload script reads its URLs from. */
export const THUMBNAIL_PRELOADS_ELEMENT_ID = 'wd-thumbnail-preloads';

/**
 * Requests the thumbnails once the dashboard's own scripts have arrived (every
 * `modulepreload` link loaded, and the HTML parsed), or at DOMContentLoaded at the latest:
 * earlier, eighteen images would share the browser's six connections, and the server, with
 * the scripts the first render needs; later, they would wait for that render. Either way
 * they load while the scripts run and the grid renders, so the cards find them in the cache.
 * The script is the same on every page (the Content-Security-Policy allows it by its hash);
 * the URLs are in the JSON block before it.
 */
export const THUMBNAIL_PRELOAD_SCRIPT = `(function () {
  var urls = JSON.parse(document.getElementById('${THUMBNAIL_PRELOADS_ELEMENT_ID}').textContent);
  var done = false;
  var go = function () {
    if (done) return;
    done = true;
    var f = document.createDocumentFragment();
    urls.forEach(function (href) {
      var l = document.createElement('link');
      l.rel = 'preload';
      l.as = 'image';
      l.href = href;
      f.appendChild(l);
    });
    document.head.appendChild(f);
  };
  var loaded = 0;
  var check = function () {
    if (document.readyState !== 'loading' && loaded >= document.querySelectorAll('link[rel=modulepreload]').length) go();
  };
  document.addEventListener('load', function (e) {
    if (e.target && e.target.rel === 'modulepreload') { loaded++; check(); }
  }, true);
  document.addEventListener('readystatechange', check);
  document.addEventListener('DOMContentLoaded', go);
})();`.replace(/\n\s*/g, ' ');

/** index.html with the script that preloads the thumbnails, ahead of the style sheets (so it never waits for them). */
export function withImagePreloads(html: string, urls: string[]): string {
  if (urls.length === 0) return html;
  // JSON in a script: `<` is escaped so no URL can close the element.
  const json = JSON.stringify(urls).replace(/</g, '\\u003c');
  const scripts = `<script type="application/json" id="${THUMBNAIL_PRELOADS_ELEMENT_ID}">${json}</script><script>${THUMBNAIL_PRELOAD_SCRIPT}</script>`;
  // A function, not a string, as the replacement: a `$` in the data is no replacement pattern.
  return html.replace('</title>', () => `</title>${scripts}`);
}
