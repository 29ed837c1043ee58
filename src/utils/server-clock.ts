// The server's clock, read in the browser: the timesheet says what time it was on the server
// when it was computed (a demo or test clock may be far from the browser's), and time runs on
// from there at the browser's pace.
import { useCallback, useEffect, useState } from 'react';

/** A function that returns the server's time now, in ms, from its `now` and when that arrived. */
export function useServerClock(serverNow: string | undefined, receivedAt: number): () => number {
  return useCallback(() => {
    if (!serverNow) return Date.now();
    return Date.parse(serverNow) + Math.max(0, Date.now() - receivedAt);
  }, [serverNow, receivedAt]);
}

/** Re-renders every `tickMs` with the clock's time (null ticks: stopped). */
export function useTicking(clock: () => number, tickMs: number | null): number {
  const [now, setNow] = useState(clock);
  useEffect(() => {
    if (tickMs === null) return;
    const update = () => setNow(clock());
    const first = window.setTimeout(update, 0);
    const timer = window.setInterval(update, tickMs);
    return () => {
      window.clearTimeout(first);
      window.clearInterval(timer);
    };
  }, [clock, tickMs]);
  return now;
}
