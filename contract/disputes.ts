// Disputes: a client flags slots of one contract week with a reason; the contractor answers
// per slot; an admin resolves what stays contested. Every step lands in the audit trail.
import { z } from 'zod';
import { Id, Instant, SlotStart, Text, WeekStart, Written } from './common.ts';
import { SlotKind, SlotState } from './week.ts';
import { Person } from './timesheet.ts';

export const DISPUTE_REASONS = [
  'not_work_related',
  'low_activity',
  'memo_missing_or_wrong',
  'suspicious_screenshot',
  'outside_scope',
  'other',
] as const;
export const DisputeReason = z.enum(DISPUTE_REASONS, {
  error: `must be one of: ${DISPUTE_REASONS.join(', ')}`,
});
export type DisputeReason = z.infer<typeof DisputeReason>;

export const DISPUTE_STATUSES = ['open', 'escalated', 'settled', 'withdrawn'] as const;
export const DisputeStatus = z.enum(DISPUTE_STATUSES);
export type DisputeStatus = z.infer<typeof DisputeStatus>;

export const DISPUTE_SLOT_STATUSES = ['open', 'accepted', 'contested', 'resolved_client', 'resolved_contractor', 'withdrawn'] as const;
export const DisputeSlotStatus = z.enum(DISPUTE_SLOT_STATUSES);
export type DisputeSlotStatus = z.infer<typeof DisputeSlotStatus>;

export const MAX_COMMENT = 2000;

export const SlotRef = z.object({ contractId: Id, start: SlotStart });
export type SlotRef = z.infer<typeof SlotRef>;

export const CreateDispute = z
  .object({
    slots: z
      .array(SlotRef)
      .min(1, { error: 'must name at least one slot to dispute' })
      .max(1008, { error: 'may name at most 1,008 slots (one week)' }),
    reason: DisputeReason,
    comment: Written(MAX_COMMENT).default(''),
  })
  .superRefine((body, ctx) => {
    if (body.reason === 'other' && body.comment.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['comment'], message: 'is required when the reason is "other": say what is wrong' });
    }
    const first = body.slots[0];
    if (!first) return;
    const week = Math.floor((Date.parse(first.start) - 4 * 86_400_000) / (7 * 86_400_000));
    const seen = new Set<string>();
    body.slots.forEach((s, i) => {
      if (s.contractId !== first.contractId) {
        ctx.addIssue({ code: 'custom', path: ['slots', i, 'contractId'], message: 'must be the same contract as the first slot: a dispute covers one contract' });
      } else if (Math.floor((Date.parse(s.start) - 4 * 86_400_000) / (7 * 86_400_000)) !== week) {
        ctx.addIssue({ code: 'custom', path: ['slots', i, 'start'], message: 'must be in the same billing week (Monday to Sunday, UTC) as the first slot' });
      } else if (seen.has(s.start)) {
        ctx.addIssue({ code: 'custom', path: ['slots', i, 'start'], message: 'names the same slot twice' });
      }
      seen.add(s.start);
    });
  });
export type CreateDispute = z.input<typeof CreateDispute>;

export const DisputeParams = z.object({ disputeId: Id });
export const DisputeSlotParams = z.object({ disputeId: Id, start: SlotStart });

export const AnswerSlot = z
  .object({
    answer: z.enum(['accept', 'contest'], { error: 'must be "accept" (the slot is refunded) or "contest"' }),
    reply: Written(MAX_COMMENT).default(''),
  })
  .superRefine((body, ctx) => {
    if (body.answer === 'contest' && body.reply.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['reply'], message: 'is required to contest a slot: say why the time should be paid' });
    }
  });
export type AnswerSlot = z.input<typeof AnswerSlot>;

export const ResolveSlot = z.object({
  for: z.enum(['client', 'contractor'], { error: 'must be "client" (refunded) or "contractor" (billable)' }),
  note: Written(MAX_COMMENT).default(''),
});
export type ResolveSlot = z.input<typeof ResolveSlot>;

export const AddComment = z.object({ body: Written(MAX_COMMENT, 'must not be empty') });
export type AddComment = z.input<typeof AddComment>;

export const DisputeListQuery = z.object({
  contractId: Id.optional(),
  week: WeekStart.optional(),
  /** One status, or several separated by commas. */
  status: Text.optional()
    .transform((s, ctx) => {
      if (!s) return undefined;
      const list = s.split(',');
      for (const v of list) {
        if (!(DISPUTE_STATUSES as readonly string[]).includes(v)) {
          ctx.addIssue({ code: 'custom', message: `must be one or more of ${DISPUTE_STATUSES.join(', ')}, separated by commas` });
          return z.NEVER;
        }
      }
      return list as DisputeStatus[];
    }),
});

export const PersonWithRole = Person.extend({ role: z.enum(['client', 'contractor', 'admin']) });

export const DisputeSlot = z.object({
  start: z.string(),
  /** The slot's state now (held while unsettled, refunded or billable after). */
  state: SlotState,
  status: DisputeSlotStatus,
  kind: SlotKind,
  activeMinutes: z.number().int(),
  memo: z.string(),
  windowTitle: z.string(),
  hasScreenshot: z.boolean(),
  duplicate: z.boolean(),
  /** The contractor's reply when contesting (or a note when accepting). */
  reply: z.string().nullable(),
  answeredAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  resolvedBy: Person.nullable(),
  resolutionNote: z.string().nullable(),
});
export type DisputeSlot = z.infer<typeof DisputeSlot>;

export const DisputeComment = z.object({
  id: Id,
  author: PersonWithRole,
  body: z.string(),
  createdAt: z.string(),
});
export type DisputeComment = z.infer<typeof DisputeComment>;

export const AuditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  /** null: the system (a deadline passed). */
  actor: PersonWithRole.nullable(),
  action: z.string(),
  subject: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const DisputeActions = z.object({
  /** Contractor: accept or contest the slots still open. */
  answer: z.boolean(),
  /** Client: withdraw the dispute. */
  withdraw: z.boolean(),
  /** Admin: resolve the open or contested slots of an escalated dispute. */
  resolve: z.boolean(),
  comment: z.boolean(),
  /** Admin, on a contract that blurs every screenshot: open the originals of the escalated dispute's slots (each look is audited). */
  originals: z.boolean(),
  /** Why the viewer can do nothing more, when that is the case. */
  reason: z.string().nullable(),
});
export type DisputeActions = z.infer<typeof DisputeActions>;

export const DisputeSummary = z.object({
  id: Id,
  contract: z.object({ id: Id, title: z.string() }),
  company: Person,
  contractor: Person,
  weekStart: z.string(),
  status: DisputeStatus,
  reason: DisputeReason,
  createdAt: z.string(),
  createdBy: Person,
  answerDue: z.string(),
  slotCount: z.number().int(),
  /** Slots still waiting for the contractor (open) or the admin (open or contested, when escalated). */
  pendingCount: z.number().int(),
  currency: z.string(),
  heldAmount: z.number().int(),
});
export type DisputeSummary = z.infer<typeof DisputeSummary>;

export const DisputeList = z.object({ disputes: z.array(DisputeSummary) });
export type DisputeList = z.infer<typeof DisputeList>;

export const Dispute = DisputeSummary.extend({
  comment: z.string(),
  escalatedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  hourlyRate: z.number().int(),
  refundedAmount: z.number().int(),
  slots: z.array(DisputeSlot),
  thread: z.array(DisputeComment),
  audit: z.array(AuditEntry),
  actions: DisputeActions,
});
export type Dispute = z.infer<typeof Dispute>;

/** Body of a contractor's slot edit. */
export const EditSlot = z.object({
  memo: Written(500),
});
export type EditSlot = z.input<typeof EditSlot>;

/** Body of a contractor's manual time: whole slots from `start` to `end` (exclusive). */
export const AddManualTime = z
  .object({
    start: SlotStart,
    end: SlotStart,
    memo: Written(500, 'is required: say what the time was spent on'),
  })
  .superRefine((b, ctx) => {
    const n = (Date.parse(b.end) - Date.parse(b.start)) / 600_000;
    if (n < 1) ctx.addIssue({ code: 'custom', path: ['end'], message: 'must be after start: manual time is at least one 10-minute slot' });
    else if (n > 144) ctx.addIssue({ code: 'custom', path: ['end'], message: 'may be at most 24 hours after start' });
  });
export type AddManualTime = z.input<typeof AddManualTime>;

export const ManualTimeAdded = z.object({ starts: z.array(Instant) });

/** A contract's rate: whole minor units (cents) per hour. */
export const HourlyRate = z
  .number({ error: 'must be a whole number of minor units (cents) per hour' })
  .int({ error: 'must be a whole number of minor units (cents) per hour' })
  .min(0, { error: 'must not be negative' })
  .max(10_000_000, { error: 'must be at most 10,000,000 minor units an hour' });

/** The weekly cap in whole hours, or null for none. */
export const WeeklyCap = z.number().int().min(0).max(168, { error: 'must be 0–168 hours, or null for no cap' }).nullable();

/** Body of a change of a contract's terms (its company's client or an admin); it applies from the next Monday 00:00 UTC. */
export const ChangeTerms = z
  .object({
    weeklyLimitHours: WeeklyCap.optional(),
    manualTimeAllowed: z.boolean().optional(),
    hourlyRate: HourlyRate.optional(),
  })
  .refine((b) => b.weeklyLimitHours !== undefined || b.manualTimeAllowed !== undefined || b.hourlyRate !== undefined, {
    error: 'name hourlyRate, weeklyLimitHours or manualTimeAllowed to change',
  });
export type ChangeTerms = z.input<typeof ChangeTerms>;
