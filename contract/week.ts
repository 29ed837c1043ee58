// The week of slots, in a compact columnar encoding: one 1,008-slot week stays far under
// 60 KB gzip. Slots are offsets (in 10-minute steps) from the week's Monday 00:00 UTC;
// memos and window titles are each sent once and referenced by index.
import { z } from 'zod';
import { Id, SlotStart, TimeZone, WeekStart } from './common.ts';

/** Every slot has exactly one state; the order is the precedence (first wins). */
export const SLOT_STATES = ['deleted', 'refunded', 'held', 'inactive', 'over_limit', 'billable'] as const;
export const SlotState = z.enum(SLOT_STATES);
export type SlotState = z.infer<typeof SlotState>;

export const SLOT_KINDS = ['tracked', 'manual'] as const;
export const SlotKind = z.enum(SLOT_KINDS);
export type SlotKind = z.infer<typeof SlotKind>;

export const WeekParams = z.object({ contractId: Id, weekStart: WeekStart });
export const WeekQuery = z.object({ tz: TimeZone.default('UTC') });

export const StateMinutes = z.object({
  billable: z.number().int(),
  /** Part of `billable` that is manual time. */
  manual: z.number().int(),
  inactive: z.number().int(),
  overLimit: z.number().int(),
  held: z.number().int(),
  refunded: z.number().int(),
  /** billable + inactive + overLimit + held + refunded. */
  total: z.number().int(),
});
export type StateMinutes = z.infer<typeof StateMinutes>;

export const WeekDay = z.object({
  /** The local calendar date in the requested zone. */
  date: z.string(),
  /** The part of this local day inside the billing week, as UTC instants. */
  start: z.string(),
  end: z.string(),
  /** Length of the local day in hours (23 or 25 on a daylight-saving change). */
  hoursInDay: z.number(),
  /** True when the billing week covers only part of this local day. */
  partial: z.boolean(),
  minutes: StateMinutes,
});
export type WeekDay = z.infer<typeof WeekDay>;

export const WeekSlots = z.object({
  /** Offset of each slot from the week start, in 10-minute steps (0–1007). Sorted. */
  offset: z.array(z.number().int()),
  /** Index into SLOT_KINDS. */
  kind: z.array(z.number().int()),
  /** Index into SLOT_STATES. */
  state: z.array(z.number().int()),
  /** Active minutes 0–10 (0 for manual slots). */
  active: z.array(z.number().int()),
  /** Index into `memos`, or -1. */
  memo: z.array(z.number().int()),
  /** Index into `titles`, or -1. */
  title: z.array(z.number().int()),
  /** 1 when the slot has a screenshot. */
  shot: z.array(z.number().int()),
  /** 1 when the slot's screenshot is identical to another slot's in the contract. */
  dup: z.array(z.number().int()),
  /** 1 when the slot has been in a dispute (a slot is disputed once, ever, even if withdrawn). */
  disputed: z.array(z.number().int()),
  /**
   * When the contractor deleted the slot (ISO instant), or null. A deleted slot is shown, so
   * that it does not read as untracked time, but it is never billed or counted in any minutes.
   */
  deletedAt: z.array(z.string().nullable()),
});
export type WeekSlots = z.infer<typeof WeekSlots>;

export const WEEK_STATUSES = ['in_progress', 'editing', 'in_review', 'approved', 'auto_approved'] as const;

/** Which contract week an answer is about, in which zone, and when it was computed. */
export const WeekHeader = z.object({
  contractId: Id,
  weekStart: z.string(),
  /** Monday 00:00 UTC and the next Monday 00:00 UTC. */
  start: z.string(),
  end: z.string(),
  timeZone: z.string(),
  /** The server's clock when this was computed. */
  now: z.string(),
});

export const Week = WeekHeader.extend({
  /** The week's lifecycle now (see the timesheet for its deadlines). */
  status: z.enum(WEEK_STATUSES),
  /** Whether the viewer may dispute slots of this week (client) or edit them (contractor) now. */
  canDispute: z.boolean(),
  canEdit: z.boolean(),
  memos: z.array(z.string()),
  titles: z.array(z.string()),
  slots: WeekSlots,
  days: z.array(WeekDay),
  totals: StateMinutes,
});
export type Week = z.infer<typeof Week>;

export const SlotParams = z.object({ contractId: Id, start: SlotStart });

export const SlotDetail = z.object({
  contractId: Id,
  start: z.string(),
  end: z.string(),
  kind: SlotKind,
  state: SlotState,
  activeMinutes: z.number().int(),
  /** Per-minute input counts, 10 each (empty for manual slots). */
  keyboard: z.array(z.number().int()),
  mouse: z.array(z.number().int()),
  memo: z.string(),
  windowTitle: z.string(),
  /** When the contractor deleted the slot (its screenshot is gone then), or null. */
  deletedAt: z.string().nullable(),
  /**
   * When the contractor redacted the screenshot: the image shown is then a blurred copy, and the
   * original is gone for good (its sha256 stays on the contract's chain), or null.
   */
  redactedAt: z.string().nullable(),
  /**
   * The contract blurs every screenshot: the image shown is a blurred copy; the original is kept
   * encrypted, for an admin to see only on an escalated dispute.
   */
  blurred: z.boolean(),
  /** The dispute the slot is in, if any (a slot is in one dispute, ever). */
  dispute: z.object({ id: Id, status: z.enum(['open', 'escalated', 'settled', 'withdrawn']) }).nullable(),
  screenshot: z
    .object({
      capturedAt: z.string(),
      width: z.number().int(),
      height: z.number().int(),
      mime: z.string(),
      bytes: z.number().int(),
      sha256: z.string(),
      duplicate: z.boolean(),
      /** When retention (WORKDIARY_RETENTION_DAYS) deleted its bytes; the hash and receipt stay. */
      purgedAt: z.string().nullable(),
    })
    .nullable(),
});
export type SlotDetail = z.infer<typeof SlotDetail>;
