// The review's place in the URL: the filter, and the current slot once the user pauses.
import { useCallback, useEffect, useRef } from 'react';
import { useNavigation, type SetURLSearchParams } from 'react-router';

export function useReviewUrl(params: URLSearchParams, setParams: SetURLSearchParams, item: { startIso: string } | undefined) {
  const setParam = useCallback(
    (key: string, value: string | null) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (value) next.set(key, value);
          else next.delete(key);
          return next;
        },
        { replace: true, preventScrollReset: true },
      ),
    [setParams],
  );

  // The URL follows the current slot once the user pauses (J held down is many moves), but
  // never once the page is being left: that rewrite is a navigation too, and would replace
  // the one under way (Enter opens the diary, which may take longer than the pause).
  const leaving = useNavigation().state !== 'idle';
  const slotWrite = useRef(0);
  useEffect(() => {
    if (!item || leaving || params.get('slot') === item.startIso) return;
    slotWrite.current = window.setTimeout(() => setParam('slot', item.startIso), 400);
    return () => window.clearTimeout(slotWrite.current);
  }, [item, leaving, params, setParam]);
  // Leaving for the diary: a pending write would replace that navigation.
  const cancelSlotWrite = useCallback(() => window.clearTimeout(slotWrite.current), []);
  return { setParam, cancelSlotWrite };
}
