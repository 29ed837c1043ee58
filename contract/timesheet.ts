// The timesheet of one contract week: its lifecycle, minutes by state per day, the amounts,
// and what the viewer may do to it now. The server derives all of it; the SPA shows it.
import { z } from 'zod';
import { Id } from './common.ts';
import { StateMinutes, WEEK_STATUSES, WeekDay, WeekHeader } from './week.ts';

export { WEEK_STATUSES };
export const WeekStatus = z.enum(WEEK_STATUSES);
export type WeekStatus = z.infer<typeof WeekStatus>;

/** Amounts in the contract's currency, integer minor units: slots × rate ÷ 6, rounded half up once. */
export const Amounts = z.object({
  billable: z.number().int(),
  held: z.number().int(),
  refunded: z.number().int(),
});
export type Amounts = z.infer<typeof Amounts>;

export const Terms = z.object({
  /** Minor units per hour. */
  hourlyRate: z.number().int(),
  weeklyLimitHours: z.number().int().nullable(),
  manualTimeAllowed: z.boolean(),
});
export type Terms = z.infer<typeof Terms>;

export const WeekDeadlines = z.object({
  /** The contractor may delete slots, edit memos and add manual time until this instant. */
  editUntil: z.string(),
  /** The client's review window: from … */
  reviewFrom: z.string(),
  /** … until this instant (exclusive): Saturday 00:00 UTC after the week. */
  reviewUntil: z.string(),
});
export type WeekDeadlines = z.infer<typeof WeekDeadlines>;

/** Whether the viewer may do something now, and if not, why (a sentence a person can act on). */
export const Action = z.object({ allowed: z.boolean(), reason: z.string().nullable() });
export type Action = z.infer<typeof Action>;

export const WeekActions = z.object({
  /** Client: approve the week. */
  approve: Action,
  /** Client: dispute slots of the week. */
  dispute: Action,
  /** Contractor: delete slots, edit memos, add manual time. */
  edit: Action,
});
export type WeekActions = z.infer<typeof WeekActions>;

export const Person = z.object({ id: Id, name: z.string() });

export const Approval = z.object({
  contractId: Id,
  weekStart: z.string(),
  /** `manual`: a client approved it; `auto`: the review window ended. */
  kind: z.enum(['manual', 'auto']),
  approvedAt: z.string(),
  approvedBy: Person.nullable(),
  currency: z.string(),
  /** The terms the week was approved with. */
  terms: Terms,
  /** Minutes and amounts as they stood when it was approved. Held slots are settled later. */
  minutes: StateMinutes,
  amounts: Amounts,
});
export type Approval = z.infer<typeof Approval>;

export const Timesheet = WeekHeader.extend({
  status: WeekStatus,
  deadlines: WeekDeadlines,
  currency: z.string(),
  /** The terms in force for this week (those at its Monday 00:00, or those it was approved with). */
  terms: Terms,
  /** Per local day in the requested zone; each day's columns add up to its total. */
  days: z.array(WeekDay),
  totals: StateMinutes,
  /** The amounts now, from the current slot states. */
  amounts: Amounts,
  approval: Approval.nullable(),
  /** Disputes of this week by status. */
  disputes: z.object({
    open: z.number().int(),
    escalated: z.number().int(),
    settled: z.number().int(),
    withdrawn: z.number().int(),
  }),
  /** Set once the approval is final and the week sealed: the seal's fingerprint (GET …/seal has the rest). */
  seal: z.object({ fingerprint: z.string(), sealedAt: z.string() }).nullable(),
  actions: WeekActions,
});
export type Timesheet = z.infer<typeof Timesheet>;
