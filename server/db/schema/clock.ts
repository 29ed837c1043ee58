// The app's clock origin, shared by every server on one database. `WORKDIARY_NOW` (or the
// demo's own clock) starts the clock at a chosen instant that then runs forward; two servers
// started at different moments agree only when they read the same origin: the chosen instant
// and the real moment it was first taken.
import { integer, pgTable, text } from 'drizzle-orm/pg-core';
import { ts } from './columns.ts';

export const clockOrigin = pgTable('clock_origin', {
  /** Always 1: there is one clock. */
  id: integer('id').primaryKey().default(1),
  /** What set it: 'env' (WORKDIARY_NOW) or 'demo' (the demo's own clock). */
  source: text('source').notNull(),
  /** The app's instant at `realAt`. */
  startsAt: ts('starts_at').notNull(),
  /** The wall-clock moment the first server took this origin. */
  realAt: ts('real_at').notNull(),
});
