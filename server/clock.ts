// The server's one clock. `WORKDIARY_NOW` starts it at a chosen instant and it runs forward;
// tests use a clock they can set. The demo may run on a clock of its own (server/demo/clock.ts).
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
