// A billing week's lifecycle, in UTC: in progress during the week, then the contractor's edit
// window until the following Monday 12:00, then the client's review window until the end of
// the following Friday, then approved automatically. A manual approval locks it at any point.
import { formatUtc, formatUtcEnd, weekDeadlines } from './week.ts';

export type WeekStatus = 'in_progress' | 'editing' | 'in_review' | 'approved' | 'auto_approved';

export interface Approval {
  kind: 'manual' | 'auto';
}

/**
 * manual approval → 'approved'; auto approval row → 'auto_approved'; else by `now` against
 * weekDeadlines(weekStart): now < end → in_progress; < editUntil → editing;
 * < reviewUntil → in_review; else auto_approved.
 */
export function weekStatus(weekStart: Date, now: Date, approval: Approval | null): WeekStatus {
  if (approval) return approval.kind === 'manual' ? 'approved' : 'auto_approved';
  const d = weekDeadlines(weekStart);
  const t = now.getTime();
  if (t < d.end.getTime()) return 'in_progress';
  if (t < d.editUntil.getTime()) return 'editing';
  if (t < d.reviewUntil.getTime()) return 'in_review';
  return 'auto_approved';
}

export type Allowed = { ok: true } | { ok: false; reason: string };

const OK: Allowed = Object.freeze({ ok: true });
const no = (reason: string): Allowed => ({ ok: false, reason });

/** A week whose review window has ended is approved automatically (every slot not held). */
export function isPastReview(weekStart: Date, now: Date): boolean {
  return now.getTime() >= weekDeadlines(weekStart).reviewUntil.getTime();
}

/**
 * What each party may do to the week now. Reasons are sentences a person can act on, naming
 * the instants in UTC.
 * - approve (client): only in the review window (Monday 12:00 ≤ now < Saturday 00:00 after the week), unless approved;
 * - dispute (client): from the week's start until the end of the review window, unless approved;
 * - edit (contractor: delete slots, edit memos, add manual time): until the following Monday 12:00 (exclusive), unless approved.
 */
export function weekActions(
  weekStart: Date,
  now: Date,
  approval: Approval | null,
): { approve: Allowed; dispute: Allowed; edit: Allowed } {
  const d = weekDeadlines(weekStart);
  const t = now.getTime();
  const reviewOpens = formatUtc(d.reviewFrom);
  const reviewCloses = formatUtcEnd(d.reviewUntil);
  const autoApproved = `The review window closed ${reviewCloses}; the week was approved automatically.`;

  if (approval?.kind === 'manual') {
    const locked = no('This week is approved and locked.');
    return { approve: locked, dispute: locked, edit: locked };
  }
  if (approval?.kind === 'auto' || t >= d.reviewUntil.getTime()) {
    const closed = no(autoApproved);
    return { approve: closed, dispute: closed, edit: closed };
  }

  const approve =
    t < d.reviewFrom.getTime()
      ? no(`The review window opens ${reviewOpens}; until then the contractor may still edit the week.`)
      : OK;
  const dispute =
    t < d.start.getTime()
      ? no(`The week starts ${formatUtc(d.start)}; its slots can be disputed from then until ${reviewCloses}.`)
      : OK;
  const edit =
    t < d.editUntil.getTime()
      ? OK
      : no(`Edits closed ${reviewOpens}; the client is reviewing the week until ${reviewCloses}.`);
  return { approve, dispute, edit };
}
