// The review deadline as people read it: a countdown ("2 d 5 h 12 m") and the instant in the
// viewer's own zone ("Friday 4 December, 23:59:59 your time (UTC+1)").
import { formatInZone } from '#src/utils/date-format.ts';
import { zoneOffsetMinutes } from '#src/utils/time-zone.ts';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Time left, counting down: "2 d 5 h 12 m", "5 h 0 m", "12 m 5 s", "45 s". Each unit is
 * floored, so the text never says more time is left than there is.
 */
export function formatCountdown(ms: number): string {
  const left = Math.max(0, Math.floor(ms / SECOND) * SECOND);
  const d = Math.floor(left / DAY);
  const h = Math.floor((left % DAY) / HOUR);
  const m = Math.floor((left % HOUR) / MINUTE);
  const s = Math.floor((left % MINUTE) / SECOND);
  if (d > 0) return `${d} d ${h} h ${m} m`;
  if (h > 0) return `${h} h ${m} m`;
  if (m > 0) return `${m} m ${s} s`;
  return `${s} s`;
}

/** A short UTC offset: "UTC", "UTC+1", "UTC+5:30", "UTC−3" (a true minus sign). */
export function formatShortOffset(minutes: number): string {
  if (minutes === 0) return 'UTC';
  const sign = minutes > 0 ? '+' : '\u2212';
  const abs = Math.abs(minutes);
  const h = Math.floor(abs / 60);
  const m = abs % 60;
  return `UTC${sign}${h}${m ? `:${String(m).padStart(2, '0')}` : ''}`;
}

/** "Friday 4 December, 23:59:59" (with seconds) or "Monday 30 November, 13:00", in a zone. */
export function formatDeadline(ms: number, timeZone: string, { seconds = false } = {}): string {
  return formatInZone(ms, timeZone, seconds ? 'EEEE d MMMM, HH:mm:ss' : 'EEEE d MMMM, HH:mm');
}

export interface ReviewClock {
  /** What the countdown counts to. */
  phase: 'opens' | 'closes';
  /** "Review opens in" / "Review closes in". */
  lead: string;
  /** Milliseconds left (≥ 0). */
  remaining: number;
  /** "2 d 5 h 12 m". */
  countdown: string;
  /** The instant in the viewer's zone: "Friday 4 December, 23:59:59". */
  at: string;
  /** The viewer's offset at that instant: "UTC+1". */
  offset: string;
  /** The whole sentence: "Review closes in 2 d 5 h 12 m — Friday 4 December, 23:59:59 your time (UTC+1)". */
  text: string;
}

/**
 * The review window's countdown, or null when there is nothing to count down to (the week is
 * approved, or the window has closed). Before the window opens it counts to the opening.
 * The window ends at `reviewUntil` exclusive (Saturday 00:00 UTC), so the last second shown
 * is one second before it.
 */
export function reviewClock(
  deadlines: { reviewFrom: string; reviewUntil: string },
  approved: boolean,
  now: number,
  viewerZone: string,
): ReviewClock | null {
  if (approved) return null;
  const from = Date.parse(deadlines.reviewFrom);
  const until = Date.parse(deadlines.reviewUntil);
  if (now >= until) return null;
  const opens = now < from;
  const target = opens ? from : until - SECOND;
  const remaining = Math.max(0, target - now);
  const at = formatDeadline(target, viewerZone, { seconds: !opens });
  const offset = formatShortOffset(zoneOffsetMinutes(viewerZone, target));
  const lead = opens ? 'Review opens in' : 'Review closes in';
  const countdown = formatCountdown(remaining);
  return { phase: opens ? 'opens' : 'closes', lead, remaining, countdown, at, offset, text: `${lead} ${countdown} \u2014 ${at} your time (${offset})` };
}
