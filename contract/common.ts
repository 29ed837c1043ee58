// Shared building blocks of the HTTP contract: ids, instants, weeks, time zones, errors.
import { z } from 'zod';

export const SLOT_MINUTES = 10;
export const SLOT_MS = SLOT_MINUTES * 60_000;
export const SLOTS_PER_HOUR = 6;
export const SLOTS_PER_WEEK = 7 * 24 * SLOTS_PER_HOUR; // 1008

export const Id = z.uuid({ error: 'must be a UUID, like 0b6a5c1e-8f4e-4c1a-9d7e-2f3b4a5c6d7e' });

// PostgreSQL's text cannot hold U+0000, and UTF-8 cannot carry half of a surrogate pair (it
// would be stored as U+FFFD, so the identical replay of an upload would no longer match).
// Every other character is kept as it was sent: tabs and line breaks belong in memos and
// comments, and other control characters are stored, sent back JSON-escaped and shown as text,
// so refusing them would only cost the tracker a slot over a window title nobody typed.
export const NUL_MESSAGE = 'must not contain a NUL character (U+0000)';
export const LONE_SURROGATE_MESSAGE = 'must not contain an unpaired surrogate (it is not valid Unicode text)';

// With the u flag, a surrogate pair is one code point, so only a half without its partner matches.
const LONE_SURROGATE = /\p{Surrogate}/u;

/** The checks of every text field a request carries; `Text` is built on them, `Email` reuses them. */
export const TEXT_CHECKS = [
  z.refine<string>((s) => !s.includes('\u0000'), { error: NUL_MESSAGE }),
  z.refine<string>((s) => !LONE_SURROGATE.test(s), { error: LONE_SURROGATE_MESSAGE }),
] as const;

/**
 * Any text a person or the tracker sends: memos, window titles, comments, replies, notes,
 * device names, passwords, query parameters. Add the field's own trim and length limits.
 */
export const Text = z
  // Only the type's own issue: a message here would also replace the fields' length messages.
  .string({ error: (issue) => (issue.code !== 'invalid_type' ? undefined : issue.input === undefined ? 'is required' : 'must be a string') })
  .check(...TEXT_CHECKS);

/** What a person writes (a comment, reply, note or question): trimmed, at most `max` characters, and
 * when `empty` is given, not empty, with that message. */
export function Written(max: number, empty?: string) {
  const text = empty === undefined ? Text.trim() : Text.trim().min(1, { error: empty });
  return text.max(max, { error: `must be at most ${max.toLocaleString('en-US')} characters` });
}

export const Email = z.email({ error: 'must be an email address' }).max(254).check(...TEXT_CHECKS);

// The dates the diary accepts. Outside them the database's date arithmetic fails (the years
// 0000 and 9999 answered 500), and no work week of a contract lies there.
export const FIRST_DATE = '2000-01-01';
export const LAST_DATE = '2100-12-31';
const FIRST_MS = Date.parse(`${FIRST_DATE}T00:00:00Z`);
const AFTER_LAST_MS = Date.parse(`${LAST_DATE}T00:00:00Z`) + 86_400_000;
/** Dates that do not parse are left to the format's own message. */
const inDateRange = (ms: number) => !(ms < FIRST_MS || ms >= AFTER_LAST_MS);

/** A Monday date, `YYYY-MM-DD`, that names a billing week (Monday 00:00 UTC). */
export const WeekStart = Text.regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date written YYYY-MM-DD' })
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), {
    error: 'is not a real calendar date',
  })
  .refine((s) => new Date(`${s}T00:00:00Z`).getUTCDay() === 1, {
    error: 'must be a Monday: a billing week starts on Monday 00:00 UTC',
  })
  .refine((s) => inDateRange(Date.parse(`${s}T00:00:00Z`)), {
    error: `must be a week between ${FIRST_DATE} and ${LAST_DATE}`,
  });

/** An instant in UTC, ISO-8601 (`2026-11-23T09:10:00Z`, milliseconds optional). */
export const Instant = z.iso
  .datetime({ offset: false, error: 'must be an ISO-8601 instant in UTC, like 2026-11-23T09:10:00Z' })
  .refine((s) => inDateRange(Date.parse(s)), { error: `must be between ${FIRST_DATE} and ${LAST_DATE} (UTC)` });

/** A slot's start: an instant aligned to :00, :10, :20 … in UTC. */
export const SlotStart = Instant.refine((s) => Date.parse(s) % SLOT_MS === 0, {
  error: 'must be aligned to a 10-minute boundary (:00, :10, :20 …) with zero seconds',
});

const knownZones = new Map<string, boolean>();

export function isValidTimeZone(tz: string): boolean {
  let ok = knownZones.get(tz);
  if (ok === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: tz });
      ok = true;
    } catch {
      ok = false;
    }
    if (knownZones.size < 1000) knownZones.set(tz, ok);
  }
  return ok;
}

export const TimeZone = Text.min(1)
  .max(64)
  .refine(isValidTimeZone, { error: 'must be an IANA time zone, like UTC or Europe/Berlin' });

export const Role = z.enum(['client', 'contractor', 'admin']);
export type Role = z.infer<typeof Role>;

/** RFC 9457 problem details: every 4xx/5xx body. */
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
});
export type Problem = z.infer<typeof Problem>;

/** What a write may answer instead: bad input, not signed in, not allowed, not found, or a conflict with the state now. */
export const WriteProblems = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };
