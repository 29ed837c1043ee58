// Everything the whole app stands on: the query cache, a crash boundary and a suspense edge.
import { QueryClientProvider } from '@tanstack/react-query';
import { Suspense, useState, type ReactNode } from 'react';
import { ErrorBoundary } from '../components/errors/error-boundary.tsx';
import { MainErrorFallback } from '../components/errors/main-error-fallback.tsx';
import { Spinner } from '../components/ui/spinner.tsx';
import { createQueryClient } from '../lib/react-query.ts';

export function AppProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
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
