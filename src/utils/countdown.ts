// Time left or gone by, as the short words the overview and the review banner use.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A short span, the two largest units rounded down: "2 d 4 h", "5 h 20 m", "12 m", "under a minute". */
export function shortSpan(ms: number): string {
  const m = Math.max(0, ms);
  const d = Math.floor(m / DAY);
  const h = Math.floor((m % DAY) / HOUR);
  const min = Math.floor((m % HOUR) / 60_000);
  if (d > 0) return h > 0 ? `${d} d ${h} h` : `${d} d`;
  if (h > 0) return min > 0 ? `${h} h ${min} m` : `${h} h`;
  return min > 0 ? `${min} m` : 'under a minute';
}
