// The dispute deadline: an open dispute the contractor has not answered within 3 days is
// escalated, by the system, at its answer deadline. Reads show it escalated from then on
// (domain/disputes.ts `disputeAt`); these record it: the periodic sweep for all of them, and a
// change to one dispute for that one before it is judged.
import type { Database } from '../db/client.ts';
import { appendAudit } from '../data/audit.ts';
import { escalateOverdue } from '../data/disputes.ts';
import { overdueEscalated } from '../notify/events.ts';

/**
 * Escalates every open dispute whose answer deadline is at or before `now` (or only `disputeId`),
 * each with one audit row (actor: the system), in one transaction. Safe when several API
 * instances run it at once, and idempotent. Returns the ids it escalated.
 */
export function escalateOverdueDisputes(database: Database, now: Date, disputeId?: string): Promise<string[]> {
  return database.transaction(async (tx) => {
    const escalated = await escalateOverdue(tx, now, disputeId);
    await appendAudit(
      tx,
      escalated.map((d) => ({
        at: d.answerDue,
        actorId: null,
        action: 'dispute.escalated',
        contractId: d.contractId,
        weekStart: d.weekStart,
        disputeId: d.id,
        before: { status: 'open' },
        after: { status: 'escalated', reason: 'no answer within 3 days' },
      })),
    );
    await overdueEscalated(tx, escalated);
    return escalated.map((d) => d.id);
  });
}
