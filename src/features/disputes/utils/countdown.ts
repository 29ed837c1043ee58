// The contractor's 3-day answer window as people read it: "2 days 4 hours left", "45 minutes
// left", "Overdue by 3 hours". Pure: the caller supplies the server's "now".

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The two largest units of a duration, rounded down: "2 days 4 hours", "3 hours 5 minutes", "under a minute". */
export function formatSpan(ms: number): string {
  const m = Math.max(0, ms);
  const days = Math.floor(m / DAY);
  const hours = Math.floor((m % DAY) / HOUR);
  const minutes = Math.floor((m % HOUR) / MINUTE);
  if (days > 0) return hours > 0 ? `${unit(days, 'day')} ${unit(hours, 'hour')}` : unit(days, 'day');
  if (hours > 0) return minutes > 0 ? `${unit(hours, 'hour')} ${unit(minutes, 'minute')}` : unit(hours, 'hour');
  if (minutes > 0) return unit(minutes, 'minute');
  return 'under a minute';
}

export type Urgency = 'calm' | 'soon' | 'urgent' | 'overdue';

export interface Countdown {
  /** "2 days 4 hours left" or "Overdue by 3 hours". */
  text: string;
  urgency: Urgency;
  overdue: boolean;
}

/** Less than a day left is urgent, less than two is soon. */
export function countdown(dueMs: number, nowMs: number): Countdown {
  const left = dueMs - nowMs;
  if (left <= 0) return { text: `Overdue by ${formatSpan(-left)}`, urgency: 'overdue', overdue: true };
  const urgency: Urgency = left < DAY ? 'urgent' : left < 2 * DAY ? 'soon' : 'calm';
  return { text: `${formatSpan(left)} left`, urgency, overdue: false };
}

/** How far back an instant is: "just now", "5 minutes ago", "2 days ago". */
export function ago(atMs: number, nowMs: number): string {
  const d = nowMs - atMs;
  if (d < MINUTE) return 'just now';
  const days = Math.floor(d / DAY);
  if (days > 0) return `${unit(days, 'day')} ago`;
  const hours = Math.floor(d / HOUR);
  if (hours > 0) return `${unit(hours, 'hour')} ago`;
  return `${unit(Math.floor(d / MINUTE), 'minute')} ago`;
}

