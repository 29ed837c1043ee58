// What the server hands the dashboard with a diary page it rendered itself: the API answers
// the page was rendered from (so the dashboard's first render needs no request), each exactly
// as its endpoint answers it. Shared by server/services/diary-page.ts and src/lib/first-render.ts.
import type { Me } from './auth.ts';
import type { Contract } from './contracts.ts';
import type { Week } from './week.ts';

export interface FirstRenderData {
  /** GET /api/auth/me */
  me: Me;
  /** GET /api/contracts/:id */
  contract: Contract;
  /** GET /api/contracts/:id/weeks/:weekStart?tz=:timeZone */
  week: { weekStart: string; timeZone: string; data: Week };
}

/** The id of the script element (JSON) that carries FirstRenderData, first in the page's head. */
export const FIRST_RENDER_ELEMENT_ID = 'wd-first-render';

/** The cookie in which the dashboard leaves the browser's IANA zone, for a render in "your time". */
export const ZONE_COOKIE = 'wd_tz';

/**
 * The first screen's thumbnails come inside the server's page, as data URLs: the server
 * renders each as `src="wd-first-thumbnail:<slot start>"` and then puts the image in its place.
 * Their <img>s carry the slot start in FIRST_THUMBNAIL_ATTRIBUTE, so the dashboard's own first
 * render shows the same images again, without asking for them.
 */
export const FIRST_THUMBNAIL_TOKEN = 'wd-first-thumbnail:';
export const FIRST_THUMBNAIL_ATTRIBUTE = 'data-first-thumbnail';
