import { z } from 'zod';
import { Id } from './common.ts';

export const ContractStatus = z.enum(['pending', 'active', 'paused', 'ended']);

const TrueOrFalse = z.boolean({ error: 'must be true or false' });

/**
 * The privacy terms a new contract is made with, wherever it is made (the admin console, the
 * command line, a client's invitation); left out, they take the defaults.
 */
export const NewPrivacyTerms = z.object({
  /** Whether a slot whose screenshot the contractor redacted stays billable… */
  redactedBillable: TrueOrFalse.default(true),
  /** …and how many a week (past that, a redaction costs the slot's time). */
  redactionsPerWeek: z
    .number({ error: 'must be a whole number of slots' })
    .int({ error: 'must be a whole number of slots' })
    .min(0, { error: 'must be 0 or more' })
    .max(100, { error: 'must be at most 100 a week' })
    .default(3),
  /** The client sees every screenshot blurred; the originals are kept encrypted, revealed to an admin only on an escalated dispute. */
  blurAll: TrueOrFalse.default(false),
});

/** A contract's privacy terms as they were agreed (what the contract, its card and its invitation show). */
export const PrivacyTerms = z.object({
  /** Whether a slot whose screenshot the contractor redacted stays billable… */
  redactedBillable: z.boolean(),
  /** …and how many a week (past that, a redaction costs the slot's time). */
  redactionsPerWeek: z.number().int(),
  /** The client sees every screenshot blurred; the originals are kept encrypted, revealed to an admin only on an escalated dispute. */
  blurAll: z.boolean(),
});
export type PrivacyTerms = z.infer<typeof PrivacyTerms>;

export const Contract = z.object({
  id: Id,
  title: z.string(),
  company: z.object({ id: Id, name: z.string() }),
  contractor: z.object({ id: Id, name: z.string(), email: z.string() }),
  /** The terms in force this week. Integer minor units (cents) per hour. */
  hourlyRate: z.number().int(),
  currency: z.string().length(3),
  /** Weekly cap in hours, or null when there is none. */
  weeklyLimitHours: z.number().int().nullable(),
  manualTimeAllowed: z.boolean(),
  /** The contractor's IANA time zone. */
  timeZone: z.string(),
  status: ContractStatus,
  /** Privacy terms, agreed when the contract was made and not changed after. */
  privacy: PrivacyTerms,
  /** A change of terms made this week: it applies from `effectiveFrom` (the next Monday 00:00 UTC). */
  nextTerms: z
    .object({
      effectiveFrom: z.string(),
      hourlyRate: z.number().int(),
      weeklyLimitHours: z.number().int().nullable(),
      manualTimeAllowed: z.boolean(),
    })
    .nullable(),
});
export type Contract = z.infer<typeof Contract>;

export const ContractSummary = Contract.extend({
  thisWeek: z.object({
    weekStart: z.string(),
    /** Minutes of all slots shown to the client this week (every state but deleted). */
    trackedMinutes: z.number().int(),
    billableMinutes: z.number().int(),
    /** Average activity of tracked slots, 0–100, or null with no tracked slot. */
    activityPercent: z.number().int().nullable(),
  }),
});
export type ContractSummary = z.infer<typeof ContractSummary>;

export const ContractList = z.object({ contracts: z.array(ContractSummary) });
export type ContractList = z.infer<typeof ContractList>;

export const ContractParams = z.object({ contractId: Id });
