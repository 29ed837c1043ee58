// The words disputes are shown and announced with. The status list is repeated
// from `contract/disputes.ts` so its zod schemas stay out of the browser bundle; a unit test
// keeps the copies equal to the contract's.
import type { DisputeSlotStatus, DisputeStatus } from '#contract/disputes.ts';

export const DISPUTE_STATUSES = ['open', 'escalated', 'settled', 'withdrawn'] as const satisfies readonly DisputeStatus[];

/** A dispute's status in a badge. */
export const STATUS_LABEL: Record<DisputeStatus, string> = {
  open: 'Open',
  escalated: 'Escalated',
  settled: 'Settled',
  withdrawn: 'Withdrawn',
};

/** What the status means, in one sentence, beside the badge. */
export const STATUS_MEANING: Record<DisputeStatus, string> = {
  open: 'Waiting for the contractor to accept or contest each slot.',
  escalated: 'Contested or unanswered: an admin decides the remaining slots.',
  settled: 'Every slot is decided.',
  withdrawn: 'The client withdrew it; the undecided slots became billable again.',
};

/** One slot's answer, with its outcome where there is one. */
export const SLOT_STATUS_LABEL: Record<DisputeSlotStatus, string> = {
  open: 'Open',
  accepted: 'Accepted — refunded',
  contested: 'Contested',
  resolved_client: 'Resolved for client — refunded',
  resolved_contractor: 'Resolved for contractor — billable',
  withdrawn: 'Withdrawn — billable',
};

/** The colour family of a slot answer (the same tokens as the slot states). */
export const SLOT_STATUS_TONE: Record<DisputeSlotStatus, 'pending' | 'contested' | 'refunded' | 'billable'> = {
  open: 'pending',
  accepted: 'refunded',
  contested: 'contested',
  resolved_client: 'refunded',
  resolved_contractor: 'billable',
  withdrawn: 'billable',
};

export const ROLE_LABEL = { client: 'Client', contractor: 'Contractor', admin: 'Admin' } as const;

/** Parses `status=open,escalated` into known statuses (unknown ones are dropped). */
export function parseStatuses(value: string | null | undefined): DisputeStatus[] {
  if (!value) return [];
  const wanted = new Set(value.split(','));
  return DISPUTE_STATUSES.filter((s) => wanted.has(s));
}

/** "1 slot", "3 slots". */
export const slotCountText = (n: number) => `${n} ${n === 1 ? 'slot' : 'slots'}`;

/**
 * What is still pending, from the viewer's side: "2 waiting for your answer", "1 waiting for the
 * contractor", "1 for the admin", or "All decided".
 */
export function pendingText(status: DisputeStatus, pending: number, role: 'client' | 'contractor' | 'admin'): string {
  if (pending === 0 || status === 'settled' || status === 'withdrawn') return 'All decided';
  if (status === 'open') return role === 'contractor' ? `${pending} waiting for your answer` : `${pending} waiting for the contractor`;
  return role === 'admin' ? `${pending} to resolve` : `${pending} with the admin`;
}

/** A contest sent without a reply. */
export const MISSING_REPLY = 'Write why this time should be paid: the admin reads it if the client does not agree.';
