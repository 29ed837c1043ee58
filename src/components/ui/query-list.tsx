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
 * A skeleton while `query` loads ("Loading {what}"), its error with Retry when it failed ("{What}
 * could not be loaded"), the `empty` panel when `isEmpty` says the data holds nothing, and
 * otherwise `children(data)`.
 */
export function QueryList<T>({
  query,
  what,
  isEmpty,
  empty,
  children,
}: {
  query: ListQuery<T>;
  /** What is listed, as in "Loading the outbox": "the outbox", "webhooks". */
  what: string;
  isEmpty?: (data: T) => boolean;
  empty?: { title: string; text: ReactNode };
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <div className="skeleton skeleton--block" aria-busy="true" aria-label={`Loading ${what}`} />;
  if (query.isError || query.data === undefined) return <QueryErrorState title={`${what[0]!.toUpperCase()}${what.slice(1)} could not be loaded`} query={query} />;
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

/**
 * A newest-first list loaded a page at a time: its states (empty when `count` is 0), the list,
 * the time zone its times are in, and `older` ("Older mails") loading the next page while there is one.
 */
export function PagedList<T>({
  query,
  count,
  timeZone,
  older,
  children,
  ...states
}: Omit<Parameters<typeof QueryList<T>>[0], 'isEmpty' | 'children'> & {
  query: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown };
  count: number;
  timeZone: string;
  older: string;
  children: ReactNode;
}) {
  return (
    <QueryList query={query} isEmpty={() => count === 0} {...states}>
      {() => (
        <>
          {children}
          <p className="muted small">Times in {timeZone}.</p>
          {query.hasNextPage && (
            <button type="button" className="btn btn--secondary" onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>
              {query.isFetchingNextPage ? 'Loading…' : older}
            </button>
          )}
        </>
      )}
    </QueryList>
  );
}
