// The dispute deadline: an open dispute the contractor has not answered within 3 days is
// escalated, by the system, at its answer deadline. Every read and write of a dispute runs
// the check for that dispute first, so nobody ever sees an open dispute past its deadline;
// `escalateOverdueDisputes` does it for all of them (a list, or a periodic sweep).
import type { Queryable } from '../db/client.ts';
import { escalateOverdue } from '../data/disputes.ts';

/**
 * Escalates every open dispute whose answer deadline is at or before `now`, each with one audit
 * row (actor: the system). One statement: safe when several API instances run it at once, and
 * idempotent. Returns the ids it escalated.
 */
export function escalateOverdueDisputes(database: Queryable, now: Date): Promise<string[]> {
  return escalateOverdue(database, now);
}

/** The same for one dispute: true when this call escalated it. */
export async function escalateIfOverdue(database: Queryable, disputeId: string, now: Date): Promise<boolean> {
  return (await escalateOverdue(database, now, disputeId)).length > 0;
}
