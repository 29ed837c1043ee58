// The demo's own clock, as /api/health tells it: set only when the demo runs on a clock that
// is not today's (see server/demo/clock.ts), so the dashboard can say so in its header.
import { z } from 'zod';

export const DemoClock = z
  .object({
    /** The instant the demo's clock started at when the server started. */
    startedAt: z.string(),
  })
  .nullable();
export type DemoClock = z.infer<typeof DemoClock>;

/** What the dashboard reads of /api/health. */
export interface HealthClock {
  /** The server's clock now. */
  now: string;
  demoClock: DemoClock;
}
