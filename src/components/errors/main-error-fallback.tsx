import { ErrorState } from '../ui/error-state.tsx';

export function MainErrorFallback() {
  return (
    <main className="page page--center">
      <ErrorState
        title="Something went wrong"
        message="The page hit an unexpected problem. Reloading usually fixes it."
        onRetry={() => window.location.reload()}
      />
    </main>
  );
}
