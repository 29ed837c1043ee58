// Shared building blocks of the HTTP contract: ids, instants, weeks, time zones, errors.
import { z } from 'zod';

export const SLOT_MINUTES = 10;
export const SLOT_MS = SLOT_MINUTES * 60_000;
export const SLOTS_PER_HOUR = 6;
export const SLOTS_PER_WEEK = 7 * 24 * SLOTS_PER_HOUR; // 1008

export const Id = z.uuid({ error: 'must be a UUID, like 0b6a5c1e-8f4e-4c1a-9d7e-2f3b4a5c6d7e' });

/** A Monday date, `YYYY-MM-DD`, that names a billing week (Monday 00:00 UTC). */
export const WeekStart = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date written YYYY-MM-DD' })
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), {
    error: 'is not a real calendar date',
  })
  .refine((s) => new Date(`${s}T00:00:00Z`).getUTCDay() === 1, {
    error: 'must be a Monday: a billing week starts on Monday 00:00 UTC',
  });

/** An instant in UTC, ISO-8601 (`2026-11-23T09:10:00Z`, milliseconds optional). */
export const Instant = z.iso.datetime({ offset: false, error: 'must be an ISO-8601 instant in UTC, like 2026-11-23T09:10:00Z' });

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

export const TimeZone = z
  .string()
  .min(1)
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
