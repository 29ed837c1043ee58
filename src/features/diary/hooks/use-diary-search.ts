// Reads and writes the diary's URL state. Changing week is a new history entry (Back returns
// to the last week); opening a slot is too (Back closes the lightbox); the rest replaces.
import { useCallback, useMemo } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { readDiarySearch } from '../utils/diary-search.ts';
import { orderedParams } from '#src/utils/search-params.ts';
import type { TzChoice } from '#src/utils/time-zone-choice.ts';

type Key = 'week' | 'tz' | 'day' | 'slot';
const ORDER: Key[] = ['week', 'tz', 'day', 'slot'];

interface LightboxState {
  lightbox?: boolean;
}

export function useDiarySearch() {
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const search = useMemo(() => readDiarySearch(params), [params]);
  const openedHere = Boolean((location.state as LightboxState | null)?.lightbox);

  const update = useCallback(
    (changes: Partial<Record<Key, string | null>>, { push = false, state }: { push?: boolean; state?: LightboxState } = {}) => {
      setParams(
        (prev) => orderedParams(prev, ORDER, changes, true),
        { replace: !push, preventScrollReset: true, state },
      );
    },
    [setParams],
  );

  const setWeek = useCallback((week: string, day: string | null = null) => update({ week, day, slot: null }, { push: true }), [update]);
  const setTz = useCallback((tz: TzChoice) => update({ tz }), [update]);
  const setDay = useCallback((day: string | null) => update({ day }), [update]);
  const openSlot = useCallback((slot: string) => update({ slot }, { push: true, state: { lightbox: true } }), [update]);
  const stepSlot = useCallback(
    (slot: string) => update({ slot }, { state: openedHere ? { lightbox: true } : undefined }),
    [update, openedHere],
  );
  const closeSlot = useCallback(() => {
    if (openedHere) void navigate(-1);
    else update({ slot: null });
  }, [navigate, openedHere, update]);

  return { search, setWeek, setTz, setDay, openSlot, stepSlot, closeSlot };
}
