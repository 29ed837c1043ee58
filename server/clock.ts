// The server's one clock. `WORKDIARY_NOW` starts it at a chosen instant and it runs forward;
// tests use a clock they can set. The demo may run on a clock of its own (server/demo/clock.ts).
// Servers agree on the origin through the database (services/clock-service.ts).
export interface Clock {
  now(): Date;
  /** Set when the demo runs on its own clock, not today's: the instant that clock started at. */
  demoStartedAt?: Date;
}

export function runningClock(startAt?: Date): Clock {
  const offset = startAt ? startAt.getTime() - Date.now() : 0;
  return { now: () => new Date(Date.now() + offset) };
}

/** A running clock that says it is the demo's, so the dashboard can tell people. */
export function demoClock(startAt: Date): Clock {
  return { ...runningClock(startAt), demoStartedAt: startAt };
}

/** What a clock origin stored for every server (data/clock-origin.ts) says. */
export interface ClockOrigin {
  source: 'env' | 'demo';
  /** The clock's instant at `realAt`. */
  startsAt: Date;
  /** The wall-clock moment the origin was taken. */
  realAt: Date;
}

/** The clock that reads `startsAt` at `realAt` and runs forward from there. */
export function clockFromOrigin(origin: ClockOrigin): Clock {
  const offset = origin.startsAt.getTime() - origin.realAt.getTime();
  const now = () => new Date(Date.now() + offset);
  return origin.source === 'demo' ? { now, demoStartedAt: origin.startsAt } : { now };
}

export interface SettableClock extends Clock {
  set(instant: Date | string): void;
  advance(ms: number): void;
}

export function fixedClock(instant: Date | string): SettableClock {
  let t = new Date(instant).getTime();
  return {
    now: () => new Date(t),
    set: (i) => {
      t = new Date(i).getTime();
    },
    advance: (ms) => {
      t += ms;
    },
  };
}
