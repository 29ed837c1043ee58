// Reads and writes the dispute list's filters in the URL; each change replaces the entry
// (filters are not places to go Back to).
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { orderedParams } from '#src/utils/search-params.ts';
import { readDisputesSearch, type Role } from '../utils/disputes-search.ts';

type Key = 'status' | 'contractId' | 'week';
const ORDER: Key[] = ['status', 'contractId', 'week'];

export function useDisputesSearch(role: Role) {
  const [params, setParams] = useSearchParams();
  const search = useMemo(() => readDisputesSearch(params, role), [params, role]);
  const update = useCallback(
    (changes: Partial<Record<Key, string | null>>) =>
      setParams(
        (prev) => orderedParams(prev, ORDER, changes),
        { replace: true, preventScrollReset: true },
      ),
    [setParams],
  );
  return { search, update };
}
