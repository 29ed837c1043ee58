// An admin list the server searches and caps: its loading, error and empty states, how many
// match, and a note when only the first page of them is listed.
import type { ReactNode } from 'react';
import { MatchCount, QueryList } from '#src/components/ui/query-list.tsx';

interface Capped {
  total: number;
}

export function CappedList<T extends Capped>({
  query,
  noun,
  nouns,
  items,
  page,
  order,
  emptyText,
  children,
}: {
  query: Parameters<typeof QueryList<T>>[0]['query'];
  noun: string;
  nouns: string;
  /** The rows the answer lists. */
  items: (data: T) => unknown[];
  page: number;
  /** How the listed ones are chosen: "by name". */
  order: string;
  emptyText: string;
  children: (data: T) => ReactNode;
}) {
  return (
    <QueryList query={query} what={`the ${nouns}`} isEmpty={(d) => items(d).length === 0} empty={{ title: `No ${noun} matches`, text: emptyText }}>
      {(data) => (
        <>
          <MatchCount shown={items(data).length} total={data.total} noun={noun} nouns={nouns} />
          {children(data)}
          {data.total > page && (
            <p className="muted small">
              Only the first {page} are listed, {order}.
            </p>
          )}
        </>
      )}
    </QueryList>
  );
}
