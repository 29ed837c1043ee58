// The server's own render of a diary page (built by `vite build --ssr` into dist/.ssr; used
// by server/services/diary-page.ts). It is the dashboard's real route tree, rendered to HTML
// from the same API answers the page would ask for, so a cold visit shows the week's first
// screenful (thumbnails included) straight from the HTML, before the scripts have run. The
// dashboard then renders itself over it (src/main.tsx), from the same answers.
import { renderToString } from 'react-dom/server';
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from 'react-router';
import { AppProvider } from './app/provider.tsx';
import { appRoutes } from './app/router.tsx';
import { seedQueryCache, withFirstThumbnails, withViewport, type FirstRenderData } from './lib/first-render.ts';
import { createQueryClient } from './lib/react-query.ts';
import { withBrowserTimeZone } from './utils/time-zone.ts';

export interface FirstRenderRequest {
  /** The page's absolute URL. */
  url: string;
  data: FirstRenderData;
  viewport: { width: number; height: number };
}

export interface FirstRenderResult {
  /** The inside of #root. The on-screen thumbnails' `src` is FIRST_THUMBNAIL_TOKEN + the slot start, for the server to fill in. */
  html: string;
  /** Those slots' starts (ISO). */
  thumbnails: string[];
}

/** The page's HTML, or null where this page is not the diary it expected. */
export async function renderDiaryPage({ url, data, viewport }: FirstRenderRequest): Promise<FirstRenderResult | null> {
  const queryClient = createQueryClient();
  seedQueryCache(queryClient, data);
  const handler = createStaticHandler(appRoutes(queryClient));
  const context = await handler.query(new Request(url));
  // A redirect (a URL the loader completes) or a loader's error: the dashboard handles it.
  if (context instanceof Response || context.errors) return null;
  const router = createStaticRouter(handler.dataRoutes, context);
  // "Your time" is the zone the week was read in (the browser's, from its cookie).
  const { result: html, starts } = withFirstThumbnails(() =>
    withViewport(viewport, () =>
      withBrowserTimeZone(data.week.timeZone, () =>
        renderToString(
          <AppProvider queryClient={queryClient}>
            <StaticRouterProvider router={router} context={context} hydrate={false} />
          </AppProvider>,
        ),
      ),
    ),
  );
  queryClient.clear();
  return { html, thumbnails: starts };
}
