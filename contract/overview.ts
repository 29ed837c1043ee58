// The home page across every contract the viewer may see: this week and last week of each,
// what waits on the viewer (weeks in review, disputes), and totals per currency. The server
// derives all of it with the timesheet's rules, so the figures agree with the timesheet.
import { z } from 'zod';
import { Id, Role } from './common.ts';
import { ContractStatus } from './contracts.ts';
import { Amounts, WeekStatus } from './timesheet.ts';
import { DisputeSummary } from './disputes.ts';
import { QuestionSummary } from './questions.ts';
import { StateMinutes } from './week.ts';

/** One contract week as the timesheet shows it: its state, minutes by state and amounts now. */
export const OverviewWeek = z.object({
  weekStart: z.string(),
  status: WeekStatus,
  /** The end of the week's review window (exclusive): Saturday 00:00 UTC after the week. */
  reviewUntil: z.string(),
  /** Minor units per hour, and the cap, of the terms this week uses. */
  hourlyRate: z.number().int(),
  weeklyLimitHours: z.number().int().nullable(),
  minutes: StateMinutes,
  amounts: Amounts,
});
export type OverviewWeek = z.infer<typeof OverviewWeek>;

/** Minutes shown per UTC day of this week (Monday first): every state but deleted, and the billable ones. */
export const OverviewDay = z.object({ date: z.string(), total: z.number().int(), billable: z.number().int() });
export type OverviewDay = z.infer<typeof OverviewDay>;

export const OverviewContract = z.object({
  id: Id,
  title: z.string(),
  status: ContractStatus,
  currency: z.string(),
  company: z.object({ id: Id, name: z.string() }),
  contractor: z.object({ id: Id, name: z.string() }),
  thisWeek: OverviewWeek.extend({ days: z.array(OverviewDay) }),
  lastWeek: OverviewWeek,
  /** Disputes of the contract not settled yet, as they stand now. */
  disputes: z.object({ open: z.number().int(), escalated: z.number().int() }),
});
export type OverviewContract = z.infer<typeof OverviewContract>;

const PeriodTotals = z.object({ minutes: StateMinutes, amounts: Amounts });

export const CurrencyTotals = z.object({ currency: z.string(), thisWeek: PeriodTotals, lastWeek: PeriodTotals });
export type CurrencyTotals = z.infer<typeof CurrencyTotals>;

/** A week in its review window that the client may approve now. */
export const ReviewDue = z.object({
  contractId: Id,
  contractTitle: z.string(),
  contractorName: z.string(),
  weekStart: z.string(),
  reviewUntil: z.string(),
  minutes: z.number().int(),
  amount: z.number().int(),
  currency: z.string(),
});
export type ReviewDue = z.infer<typeof ReviewDue>;

/**
 * A dispute whose next move is the viewer's: a contractor answers an open one (by `answerDue`),
 * an admin resolves an escalated one, and a client reads the contractor's answer to an
 * escalated one and withdraws it or leaves it to the admin.
 */
export const DisputeDue = DisputeSummary;
export type DisputeDue = z.infer<typeof DisputeDue>;

/** A question on a slot that waits on the contractor: the client sees it unanswered, the contractor answers it. */
export const QuestionDue = QuestionSummary.extend({
  contractTitle: z.string(),
  /** The other side: the contractor for a client, the company for a contractor. */
  counterpart: z.string(),
  /** The Monday of the slot's week, for the diary's link. */
  weekStart: z.string(),
});
export type QuestionDue = z.infer<typeof QuestionDue>;

export const Overview = z.object({
  now: z.string(),
  role: Role,
  weekStart: z.string(),
  lastWeekStart: z.string(),
  contracts: z.array(OverviewContract),
  totals: z.array(CurrencyTotals),
  needs: z.object({ reviews: z.array(ReviewDue), disputes: z.array(DisputeDue), questions: z.array(QuestionDue) }),
  /** A contractor's latest tracker upload (any device), or null; always null for other roles. */
  lastUpload: z.string().nullable(),
});
export type Overview = z.infer<typeof Overview>;
