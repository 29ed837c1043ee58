import { StrictMode, useLayoutEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { AppProvider } from './app/provider.tsx';
import { AppRouter, startAppRouter } from './app/router.tsx';
import { adoptFirstThumbnails, followServerPageScroll, readFirstRenderData, seedQueryCache } from './lib/first-render.ts';
import { createQueryClient } from './lib/react-query.ts';
import './index.css';

// Query cache and router first: the router starts the page's loaders (and so its API
// requests) right away, in parallel with React's first render. A diary page the server has
// rendered (server/services/diary-page.ts) brings the answers it was rendered from: they go
// into the cache, so the loaders find them and no request is made.
const queryClient = createQueryClient();
const firstRender = readFirstRenderData();
if (firstRender) seedQueryCache(queryClient, firstRender);
const router = startAppRouter(queryClient);

const container = document.getElementById('root')!;
const serverPage = firstRender && container.firstChild ? container : null;
if (serverPage) adoptFirstThumbnails(serverPage);
const restoreScroll = serverPage ? followServerPageScroll() : null;

/** After the router's own scroll restoration (a layout effect inside it): back where the reader was. */
function RestoreServerPageScroll({ restore }: { restore: () => void }) {
  useLayoutEffect(restore, [restore]);
  return null;
}

const render = () =>
  createRoot(container).render(
    <StrictMode>
      <AppProvider queryClient={queryClient}>
        <AppRouter router={router} />
      </AppProvider>
      {restoreScroll && <RestoreServerPageScroll restore={restoreScroll} />}
    </StrictMode>,
  );
// The server's page stays on screen until the router is ready to show the same page (its
// route's code loaded), so the first render replaces it with itself, not with a spinner.
if (serverPage && !router.state.initialized) {
  const unsubscribe = router.subscribe((state) => {
    if (!state.initialized) return;
    unsubscribe();
    render();
  });
} else {
  render();
}
