// The diary is where people land (a shared link to a week). Its first screenful is three hour
// rows of thumbnails, and on a cold visit they would be requested only once the dashboard's
// scripts have run and the grid has rendered: hundreds of ms after the HTML. So when the
// dashboard's HTML is asked for a diary page, the server names the first screenful's
// thumbnails in `<link rel="preload" as="image">` tags, and the browser fetches them while
// it downloads and runs the scripts. Only for a signed-in viewer who may see the contract,
// and only for the week's top (a link to a day or a slot scrolls elsewhere).
import type { Database } from '../db/client.ts';
import { findVisibleContract } from '../data/contracts.ts';
import { findSessionUser } from '../data/users.ts';
import { addWeeks } from '../domain/week.ts';

/** Three hour rows of six cards: what a laptop's first screen shows of the grid. */
export const PRELOADED_THUMBNAILS = 18;

const DIARY_PATH = /^\/contracts\/([0-9a-f-]{36})\/diary\/?$/i;
const MONDAY = /^\d{4}-\d{2}-\d{2}$/;

/** The week the diary's URL asks for, when it names one (a Monday) and no day or slot. */
export function diaryTopOfWeek(pathname: string, search: URLSearchParams): { contractId: string; weekStart: Date } | null {
  const m = DIARY_PATH.exec(pathname);
  if (!m || search.has('day') || search.has('slot')) return null;
  const week = search.get('week') ?? '';
  if (!MONDAY.test(week)) return null;
  const weekStart = new Date(`${week}T00:00:00Z`);
  if (Number.isNaN(weekStart.getTime()) || weekStart.toISOString().slice(0, 10) !== week || weekStart.getUTCDay() !== 1) return null;
  return { contractId: m[1]!.toLowerCase(), weekStart };
}

/**
 * The thumbnail URLs of the week's first slots with a screenshot, exactly as the dashboard
 * writes them (src/features/diary/api/get-slot.ts), or none when the viewer may not see them.
 */
export async function firstScreenfulThumbnails(q: Database, sessionToken: string | undefined, url: string, now: Date): Promise<string[]> {
  if (!sessionToken || sessionToken.length > 100) return [];
  const parsed = new URL(url, 'http://localhost');
  const target = diaryTopOfWeek(parsed.pathname, parsed.searchParams);
  if (!target) return [];
  const user = await findSessionUser(q, sessionToken, now);
  if (!user) return [];
  const contract = await findVisibleContract(q, user, target.contractId);
  if (!contract) return [];
  const rows = await q.query<{ start: Date }>(
    `select start from slots
      where contract_id = $1 and start >= $2 and start < $3 and deleted_at is null and screenshot_sha256 is not null
      order by start limit ${PRELOADED_THUMBNAILS}`,
    [contract.id, target.weekStart, addWeeks(target.weekStart, 1)],
  );
  return rows.map((r) => `/api/contracts/${encodeURIComponent(contract.id)}/slots/${new Date(r.start).toISOString()}/thumbnail`);
}

/**
 * Requests the thumbnails once the dashboard's own scripts have arrived (every
 * `modulepreload` link loaded, and the HTML parsed), or at DOMContentLoaded at the latest:
 * earlier, eighteen images would share the browser's six connections, and the server, with
 * the scripts the first render needs; later, they would wait for that render. Either way
 * they load while the scripts run and the grid renders, so the cards find them in the cache.
 */
const SCHEDULE = `(function (urls) {
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
})(URLS);`.replace(/\n\s*/g, ' ');

/** index.html with the script that preloads the thumbnails, ahead of the style sheets (so it never waits for them). */
export function withImagePreloads(html: string, urls: string[]): string {
  if (urls.length === 0) return html;
  // JSON in a script: `<` is escaped so no URL can close the element.
  const script = `<script>${SCHEDULE.replace('URLS', JSON.stringify(urls).replace(/</g, '\\u003c'))}</script>`;
  return html.replace('</title>', `</title>${script}`);
}
