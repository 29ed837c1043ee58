// "Now" on the server's clock (null until known), redrawn every `intervalMs` so countdowns
// stay current.
import { useEffect, useState } from 'react';
import { useServerClockOffset } from '../api/get-server-clock.ts';

export function useServerNow(intervalMs = 60_000): number | null {
  const offset = useServerClockOffset();
  const [local, setLocal] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setLocal(Date.now()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return offset === null ? null : local + offset;
}
