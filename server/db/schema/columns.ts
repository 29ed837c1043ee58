// Column kinds every table uses alike.
import { timestamp, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';

/** An instant: timestamptz, read as a Date. */
export const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** A row's own key: a random uuid. */
export const id = () => uuid('id').primaryKey().defaultRandom();

/** A required reference to another table's row. */
export const ref = (name: string, target: () => AnyPgColumn) => uuid(name).notNull().references(target);
