import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppProvider } from './app/provider.tsx';
import { AppRouter, startAppRouter } from './app/router.tsx';
import { createQueryClient } from './lib/react-query.ts';
import './index.css';
import './styles/top-bar.css';
import './styles/page.css';
import './styles/controls.css';
import './styles/states.css';
import './styles/login.css';

// Query cache and router first: the router starts the page's loaders (and so its API
// requests, which index.html has already preloaded) right away, in parallel with React's
// first render.
const queryClient = createQueryClient();
const router = startAppRouter(queryClient);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppProvider queryClient={queryClient}>
      <AppRouter router={router} />
    </AppProvider>
  </StrictMode>,
);
