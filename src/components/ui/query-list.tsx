// What a list page shows while its query loads, when it failed, and when nothing matches — the
// same three states everywhere — and the "Older …" button of a list that pages back in time.
import type { ReactNode } from 'react';
import { QueryErrorState } from './error-state.tsx';

/** What of a TanStack query the list states need. */
interface ListQuery<T> {
  isPending: boolean;
  isError: boolean;
  isFetching: boolean;
  error: Error | null;
  data: T | undefined;
  refetch: () => unknown;
}

/** A panel saying why there is nothing to list. */
export function EmptyPanel({ title, text }: { title: string; text: ReactNode }) {
  return (
    <div className="state-panel">
      <h2 className="state-panel__title">{title}</h2>
      <p className="state-panel__text">{text}</p>
    </div>
  );
}

/**
 * A skeleton labelled `loading` while `query` loads, its error with Retry when it failed, the
 * `empty` panel when `isEmpty` says the data holds nothing, and otherwise `children(data)`.
 */
export function QueryList<T>({
  query,
  loading,
  failed,
  isEmpty,
  empty,
  children,
}: {
  query: ListQuery<T>;
  loading: string;
  failed: string;
  isEmpty?: (data: T) => boolean;
  empty?: { title: string; text: ReactNode };
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <div className="skeleton skeleton--block" aria-busy="true" aria-label={loading} />;
  if (query.isError || query.data === undefined) return <QueryErrorState title={failed} query={query} />;
  if (empty && isEmpty?.(query.data)) return <EmptyPanel title={empty.title} text={empty.text} />;
  return children(query.data);
}

/** "X of Y: narrow the search" when a capped list holds fewer than match, else "Y nouns". */
export function MatchCount({ shown, total, noun, nouns }: { shown: number; total: number; noun: string; nouns: string }) {
  return (
    <p className="muted small" aria-live="polite">
      {total > shown ? `Showing ${shown} of ${total} ${nouns}: narrow the search to see the rest.` : `${total} ${total === 1 ? noun : nouns}`}
    </p>
  );
}

/** The button under a newest-first list that loads the next, older page while there is one. */
export function OlderButton({ query, label }: { query: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown }; label: string }) {
  if (!query.hasNextPage) return null;
  return (
    <button type="button" className="btn btn--secondary" onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>
      {query.isFetchingNextPage ? 'Loading…' : label}
    </button>
  );
}
