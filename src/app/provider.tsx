// Everything the whole app stands on: the query cache, a crash boundary and a suspense edge.
import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Suspense, type ReactNode } from 'react';
import { ErrorBoundary } from '../components/errors/error-boundary.tsx';
import { MainErrorFallback } from '../components/errors/main-error-fallback.tsx';
import { Spinner } from '../components/ui/spinner.tsx';

// The QueryClient is made by main.tsx, before the first render, so the router's loaders can
// fill it while React is still starting.
export function AppProvider({ queryClient, children }: { queryClient: QueryClient; children: ReactNode }) {
  return (
    <Suspense
      fallback={
        <div className="page page--center">
          <Spinner size={28} />
        </div>
      }
    >
      <ErrorBoundary fallback={() => <MainErrorFallback />}>
        <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
      </ErrorBoundary>
    </Suspense>
  );
}
