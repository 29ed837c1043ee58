import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppProvider } from './app/provider.tsx';
import { AppRouter, startAppRouter } from './app/router.tsx';
import { adoptFirstThumbnails, readFirstRenderData, seedQueryCache } from './lib/first-render.ts';
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
if (firstRender) adoptFirstThumbnails(container);
const render = () =>
  createRoot(container).render(
    <StrictMode>
      <AppProvider queryClient={queryClient}>
        <AppRouter router={router} />
      </AppProvider>
    </StrictMode>,
  );
// The server's page stays on screen until the router is ready to show the same page (its
// route's code loaded), so the first render replaces it with itself, not with a spinner.
if (firstRender && container.firstChild && !router.state.initialized) {
  const unsubscribe = router.subscribe((state) => {
    if (!state.initialized) return;
    unsubscribe();
    render();
  });
} else {
  render();
}
