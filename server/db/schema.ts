// The one schema, for embedded PGlite and for PostgreSQL alike, a file per concern under schema/.
// drizzle-kit reads this file (drizzle.config.ts); the app imports its tables from here.
export * from './schema/accounts.ts';
export * from './schema/work.ts';
export * from './schema/disputes.ts';
export * from './schema/questions.ts';
export * from './schema/audit.ts';
export * from './schema/notify.ts';
export * from './schema/blobs.ts';
export * from './schema/clock.ts';
export * from './schema/proof.ts';
