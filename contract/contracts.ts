import { z } from 'zod';
import { Id } from './common.ts';

export const ContractStatus = z.enum(['pending', 'active', 'paused', 'ended']);

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
