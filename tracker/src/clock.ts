// The tracker's one clock. Every component reads time and sets timers through a Clock, so
// tests drive whole 10-minute slots in seconds with a fake one. Timers are absolute: a
// laptop that sleeps through a boundary fires it late, and the tracker recomputes from now().
export interface Timer {
  cancel(): void;
}

export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
  /** Runs `fn` once the clock reaches `at` (epoch ms); at once if it already has. */
  at(at: number, fn: () => void | Promise<void>): Timer;
}

export function systemClock(onError: (err: unknown) => void = (err) => console.error(err)): Clock {
  return {
    now: () => Date.now(),
    at(at, fn) {
      // setTimeout caps near 24.8 days; re-arm until the instant really comes.
      let handle: NodeJS.Timeout;
      const arm = () => {
        const wait = at - Date.now();
        if (wait > 2 ** 31 - 1) {
          handle = setTimeout(arm, 2 ** 31 - 1);
          return;
        }
        handle = setTimeout(() => {
          try {
            void Promise.resolve(fn()).catch(onError);
          } catch (err) {
            onError(err);
          }
        }, Math.max(0, wait));
      };
      arm();
      return { cancel: () => clearTimeout(handle) };
    },
  };
}

export interface FakeClock extends Clock {
  /**
   * Moves the clock forward by `ms`, firing each due timer in time order with the clock set
   * to its instant, and waiting for what the timer returns before the next one.
   */
  advance(ms: number): Promise<void>;
  /** Moves the clock to `instant` (not backwards), like advance. */
  advanceTo(instant: number | string | Date): Promise<void>;
  /** Timers not yet fired. */
  pending(): number;
}

export function fakeClock(start: number | string | Date): FakeClock {
  let t = new Date(start).getTime();
  let seq = 0;
  const timers = new Map<number, { at: number; seq: number; fn: () => void | Promise<void> }>();

  const advanceTo = async (target: number) => {
    if (target < t) throw new Error(`the fake clock cannot go back from ${new Date(t).toISOString()} to ${new Date(target).toISOString()}`);
    for (;;) {
      let next: { id: number; at: number; seq: number } | null = null;
      for (const [id, x] of timers) {
        if (x.at <= target && (!next || x.at < next.at || (x.at === next.at && x.seq < next.seq))) next = { id, at: x.at, seq: x.seq };
      }
      if (!next) break;
      const timer = timers.get(next.id)!;
      timers.delete(next.id);
      t = Math.max(t, timer.at);
      await timer.fn();
      // Let promise chains the timer started (but did not return) take their next step.
      await new Promise((r) => setImmediate(r));
    }
    t = target;
  };

  return {
    now: () => t,
    at(at, fn) {
      const id = seq++;
      timers.set(id, { at, seq: id, fn });
      return { cancel: () => void timers.delete(id) };
    },
    advance: (ms) => advanceTo(t + ms),
    advanceTo: (instant) => advanceTo(new Date(instant).getTime()),
    pending: () => timers.size,
  };
}
