// A failed load, said plainly, with the way out: Retry (and, where given, a link elsewhere).
import type { ReactNode } from 'react';

export function ErrorState({
  title = 'Something went wrong',
  message,
  onRetry,
  retrying = false,
  children,
}: {
  title?: string;
  message?: string;
  onRetry?: () => void;
  retrying?: boolean;
  children?: ReactNode;
}) {
  return (
    <div className="state-panel" role="alert">
      <svg className="state-panel__icon" viewBox="0 0 24 24" aria-hidden="true" width="28" height="28">
        <circle cx="12" cy="12" r="10" fill="none" stroke="currentColor" strokeWidth="1.6" />
        <path d="M12 7v6" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
        <circle cx="12" cy="16.5" r="1.1" fill="currentColor" />
      </svg>
      <h2 className="state-panel__title">{title}</h2>
      {message && <p className="state-panel__text">{message}</p>}
      <div className="state-panel__actions">
        {onRetry && (
          <button type="button" className="btn btn--primary" onClick={onRetry} disabled={retrying}>
            {retrying ? 'Retrying…' : 'Retry'}
          </button>
        )}
        {children}
      </div>
    </div>
  );
}

/** What of a failed TanStack query the error state needs. */
interface FailedQuery {
  error: Error | null;
  refetch: () => unknown;
  isFetching: boolean;
}

/** A query that failed to load: its message, and Retry refetches it. */
export function QueryErrorState({ title, query }: { title: string; query: FailedQuery }) {
  return <ErrorState title={title} message={query.error?.message} onRetry={() => void query.refetch()} retrying={query.isFetching} />;
}
