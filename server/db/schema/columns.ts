// Column kinds every table uses alike.
import { timestamp } from 'drizzle-orm/pg-core';

/** An instant: timestamptz, read as a Date. */
export const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
