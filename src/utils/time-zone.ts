// Instants in an IANA zone by offset arithmetic: cheap enough for hundreds of slot labels and
// small enough (only @date-fns/tz's tzOffset) to live in the main bundle.
import { tzOffset } from '@date-fns/tz';

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** The zone's UTC offset in minutes at an instant (Europe/Berlin in winter: 60). */
export function zoneOffsetMinutes(timeZone: string, ms: number): number {
  // UTC needs no Intl (whose first use costs ~80 ms of ICU setup in Chromium).
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return 0;
  const offset = tzOffset(timeZone, new Date(ms));
  return Number.isFinite(offset) ? offset : 0;
}

/** Wall-clock milliseconds: the instant shifted so its UTC fields read as local time. */
export const wallClockMs = (ms: number, timeZone: string) => ms + zoneOffsetMinutes(timeZone, ms) * 60_000;

/** 24-hour `HH:mm` of an instant in a zone. */
export function formatClock(ms: number, timeZone: string): string {
  const wall = new Date(wallClockMs(ms, timeZone));
  return `${pad2(wall.getUTCHours())}:${pad2(wall.getUTCMinutes())}`;
}


/** "UTC", "UTC+01:00", "UTC−05:00", "UTC+05:45". */
export function formatUtcOffset(minutes: number): string {
  if (minutes === 0) return 'UTC';
  const sign = minutes > 0 ? '+' : '\u2212';
  const abs = Math.abs(minutes);
  return `UTC${sign}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
}

/** The browser's own IANA zone. */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}
