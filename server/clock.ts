// The server's one clock. `WORKDIARY_NOW` starts it at a chosen instant and it runs forward;
// tests use a clock they can set.
export interface Clock {
  now(): Date;
}

export function runningClock(startAt?: Date): Clock {
  const offset = startAt ? startAt.getTime() - Date.now() : 0;
  return { now: () => new Date(Date.now() + offset) };
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
