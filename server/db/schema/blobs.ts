// Blob intents: an upload says which blob keys it is about to write before it writes them, and
// its slot's transaction removes the row. The orphan sweep deletes only keys that neither a
// screenshot row nor a recent intent names, so it never races an upload in flight. (An S3 object
// cannot be touched the way a file is.)
import { bigint, index, pgTable, text } from 'drizzle-orm/pg-core';
import { ts } from './columns.ts';

export const blobIntents = pgTable(
  'blob_intents',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    namespace: text('namespace').notNull(),
    keys: text('keys').array().notNull(),
    /** The database's wall clock, like the blobs' own times (never WORKDIARY_NOW). */
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('blob_intents_namespace_idx').on(t.namespace, t.createdAt), index('blob_intents_created_idx').on(t.createdAt)],
);
