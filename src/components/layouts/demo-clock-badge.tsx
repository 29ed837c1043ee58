// "Demo clock" in the header when the demo runs on a clock of its own rather than today's
// (the server chooses it so that there is always a week to review; see /api/health), with the
// demo's time, so nobody takes the dates for today's.
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { HealthClock } from '#contract/demo-clock.ts';
import { api } from '#src/lib/api-client.ts';
import { formatInZone } from '#src/utils/date-format.ts';
import './demo-clock-badge.css';

const MINUTE = 60_000;

/** The wall clock, renewed every minute while `on`, so the shown time keeps up. */
function useWallClock(on: boolean): number {
  const [wall, setWall] = useState(() => Date.now());
  useEffect(() => {
    if (!on) return;
    const id = window.setInterval(() => setWall(Date.now()), MINUTE);
    return () => window.clearInterval(id);
  }, [on]);
  return wall;
}

export function DemoClockBadge() {
  // The clock does not change while the server runs: asked once per page load.
  const health = useQuery({
    queryKey: ['health', 'clock'],
    queryFn: ({ signal }) => api.get<HealthClock>('/health', { signal, redirectOn401: false }),
    staleTime: Infinity,
    retry: false,
  });
  const clock = health.data?.demoClock;
  const wall = useWallClock(Boolean(clock));
  if (!health.data || !clock) return null;
  // The server's clock runs at the wall clock's pace: now on it = its answer + the time since.
  const demoNow = Date.parse(health.data.now) + Math.max(0, wall - health.dataUpdatedAt);
  const weekday = formatInZone(demoNow, 'UTC', 'EEE');
  const shown = formatInZone(demoNow, 'UTC', 'd MMM, HH:mm');
  const started = formatInZone(clock.startedAt, 'UTC', 'EEEE d MMMM yyyy, HH:mm');
  const why =
    `The demo runs on its own clock, not today's, so that last week waits for review. ` +
    `It started at ${started} UTC and runs forward in real time; every date in the app is on this clock.`;
  return (
    <span className="demo-clock" title={why}>
      <span className="demo-clock__label">Demo clock</span>
      <time className="demo-clock__time" dateTime={new Date(demoNow).toISOString()}>
        <span className="demo-clock__weekday">{weekday} </span>
        {shown}
        <span className="demo-clock__zone"> UTC</span>
      </time>
    </span>
  );
}
