import { describe, expect, it } from 'vitest';
import { isPastReview, weekActions, weekStatus, type Allowed, type Approval, type WeekStatus } from '../lifecycle.ts';
import { formatUtc, formatUtcEnd, weekDeadlines, weekKey, weekStartOf } from '../week.ts';
import { WEEK_EDGES } from './week-edges.ts';

const at = (iso: string) => new Date(iso);
const W = at('2026-11-23T00:00:00.000Z'); // Monday; the review window is 2026-11-30 12:00 … 2026-12-04 23:59:59

const OPENS = 'The review window opens Monday 30 November 2026 at 12:00 UTC; until then the contractor may still edit the week.';
const AUTO = 'The review window closed Friday 4 December 2026 at 23:59:59 UTC; the week was approved automatically.';
const LOCKED = 'This week is approved and locked.';
const EDITS_CLOSED = 'Edits closed Monday 30 November 2026 at 12:00 UTC; the client is reviewing the week until Friday 4 December 2026 at 23:59:59 UTC.';
const NOT_STARTED = 'The week starts Monday 23 November 2026 at 00:00 UTC; its slots can be disputed from then until Friday 4 December 2026 at 23:59:59 UTC.';

const ok: Allowed = { ok: true };
const no = (reason: string): Allowed => ({ ok: false, reason });

// [label, now, status, approve, dispute, edit] for a week with no approval row.
const timeline: [string, string, WeekStatus, Allowed, Allowed, Allowed][] = [
  ['Sunday 23:59:59.999 before the week', '2026-11-22T23:59:59.999Z', 'in_progress', no(OPENS), no(NOT_STARTED), ok],
  ['Monday 00:00, the week starts', '2026-11-23T00:00:00.000Z', 'in_progress', no(OPENS), ok, ok],
  ['Monday 11:59:59.999 of the week', '2026-11-23T11:59:59.999Z', 'in_progress', no(OPENS), ok, ok],
  ['Monday 12:00 of the week', '2026-11-23T12:00:00.000Z', 'in_progress', no(OPENS), ok, ok],
  ['Friday 23:59:59.999 of the week', '2026-11-27T23:59:59.999Z', 'in_progress', no(OPENS), ok, ok],
  ['Saturday 00:00 of the week', '2026-11-28T00:00:00.000Z', 'in_progress', no(OPENS), ok, ok],
  ['Sunday 23:59:59.999, the last instant of the week', '2026-11-29T23:59:59.999Z', 'in_progress', no(OPENS), ok, ok],
  ['Monday 00:00 after, the week ends', '2026-11-30T00:00:00.000Z', 'editing', no(OPENS), ok, ok],
  ['Monday 11:59:59.999 after, last edit instant', '2026-11-30T11:59:59.999Z', 'editing', no(OPENS), ok, ok],
  ['Monday 12:00 after, the review opens', '2026-11-30T12:00:00.000Z', 'in_review', ok, ok, no(EDITS_CLOSED)],
  ['Wednesday in the review', '2026-12-02T08:30:00.000Z', 'in_review', ok, ok, no(EDITS_CLOSED)],
  ['Friday 23:59:59.999 after, last review instant', '2026-12-04T23:59:59.999Z', 'in_review', ok, ok, no(EDITS_CLOSED)],
  ['Saturday 00:00 after, the review closed', '2026-12-05T00:00:00.000Z', 'auto_approved', no(AUTO), no(AUTO), no(AUTO)],
  ['a year later', '2027-11-30T12:00:00.000Z', 'auto_approved', no(AUTO), no(AUTO), no(AUTO)],
];

describe('weekStatus and weekActions without an approval', () => {
  it.each(timeline)('%s (%s) → %s', (_label, now, status, approve, dispute, edit) => {
    expect(weekStatus(W, at(now), null)).toBe(status);
    expect(weekActions(W, at(now), null)).toEqual({ approve, dispute, edit });
  });
});

describe('an approval row wins over the clock', () => {
  const rows = timeline.flatMap(([label, now]) => [
    [label, now, { kind: 'manual' }, 'approved', LOCKED],
    [label, now, { kind: 'auto' }, 'auto_approved', AUTO],
  ]) as [string, string, Approval, WeekStatus, string][];

  it.each(rows)('%s (%s) with %o → %s, nothing allowed', (_label, now, approval, status, reason) => {
    expect(weekStatus(W, at(now), approval)).toBe(status);
    const actions = weekActions(W, at(now), approval);
    expect(actions).toEqual({ approve: no(reason), dispute: no(reason), edit: no(reason) });
  });
});

describe('isPastReview', () => {
  it.each([
    ['2026-11-23T00:00:00.000Z', false],
    ['2026-11-30T11:59:59.999Z', false],
    ['2026-11-30T12:00:00.000Z', false],
    ['2026-12-04T23:59:59.999Z', false],
    ['2026-12-05T00:00:00.000Z', true],
    ['2026-12-05T00:00:00.001Z', true],
  ])('at %s → %s', (now, expected) => {
    expect(isPastReview(W, at(now))).toBe(expected);
  });

  it('agrees with weekStatus for every hour around the window', () => {
    for (let t = W.getTime(); t < W.getTime() + 14 * 86_400_000; t += 3_600_000) {
      const now = new Date(t);
      expect(isPastReview(W, now)).toBe(weekStatus(W, now, null) === 'auto_approved');
    }
  });
});

describe('weekStartOf at the edges of a week', () => {
  it.each(WEEK_EDGES)('%s (%s) is in the week of %s', (_label, instant, monday) => {
    expect(weekKey(weekStartOf(at(instant)))).toBe(monday);
  });
});

/** ISO-8601 week number of a UTC date (the week holding its Thursday). */
function isoWeek(d: Date): { year: number; week: number } {
  const thursday = new Date(weekStartOf(d).getTime() + 3 * 86_400_000);
  const year = thursday.getUTCFullYear();
  const jan1 = Date.UTC(year, 0, 1);
  return { year, week: Math.floor((thursday.getTime() - jan1) / (7 * 86_400_000)) + 1 };
}

describe('week 53 of an ISO year, crossing into the next year', () => {
  it.each([
    // [monday, an instant inside, next monday, editUntil, reviewUntil, iso year]
    ['2026-12-28', '2027-01-03T23:59:59.999Z', '2027-01-04T00:00:00.000Z', '2027-01-04T12:00:00.000Z', '2027-01-09T00:00:00.000Z', 2026],
    ['2020-12-28', '2021-01-01T00:00:00.000Z', '2021-01-04T00:00:00.000Z', '2021-01-04T12:00:00.000Z', '2021-01-09T00:00:00.000Z', 2020],
  ])('the week of %s', (monday, inside, end, editUntil, reviewUntil, year) => {
    const start = at(`${monday}T00:00:00.000Z`);
    expect(isoWeek(start)).toEqual({ year, week: 53 });
    expect(weekKey(weekStartOf(at(inside)))).toBe(monday);
    expect(weekKey(weekStartOf(at(end)))).toBe(end.slice(0, 10));
    const d = weekDeadlines(start);
    expect([d.end, d.editUntil, d.reviewFrom, d.reviewUntil].map((x) => x.toISOString())).toEqual([end, editUntil, editUntil, reviewUntil]);
  });

  const w53 = at('2026-12-28T00:00:00.000Z');
  it.each([
    ['2026-12-31T23:59:59.999Z', 'in_progress'],
    ['2027-01-01T00:00:00.000Z', 'in_progress'],
    ['2027-01-03T23:59:59.999Z', 'in_progress'],
    ['2027-01-04T00:00:00.000Z', 'editing'],
    ['2027-01-04T11:59:59.999Z', 'editing'],
    ['2027-01-04T12:00:00.000Z', 'in_review'],
    ['2027-01-08T23:59:59.999Z', 'in_review'],
    ['2027-01-09T00:00:00.000Z', 'auto_approved'],
  ] as const)('2026-W53 at %s is %s', (now, status) => {
    expect(weekStatus(w53, at(now), null)).toBe(status);
  });

  it('names the 2027 instants in its reasons', () => {
    expect(weekActions(w53, at('2027-01-02T10:00:00Z'), null).approve).toEqual(
      no('The review window opens Monday 4 January 2027 at 12:00 UTC; until then the contractor may still edit the week.'),
    );
    expect(weekActions(w53, at('2027-01-09T00:00:00Z'), null).dispute).toEqual(
      no('The review window closed Friday 8 January 2027 at 23:59:59 UTC; the week was approved automatically.'),
    );
  });
});

describe('formatUtc', () => {
  it.each([
    ['2026-11-30T12:00:00.000Z', 'Monday 30 November 2026 at 12:00 UTC'],
    ['2026-12-04T23:59:59.000Z', 'Friday 4 December 2026 at 23:59:59 UTC'],
    ['2027-01-01T00:05:00.000Z', 'Friday 1 January 2027 at 00:05 UTC'],
    ['2024-02-29T09:10:07.500Z', 'Thursday 29 February 2024 at 09:10:07 UTC'],
  ])('%s → %s', (iso, text) => {
    expect(formatUtc(at(iso))).toBe(text);
  });

  it('shows an exclusive end as the last second before it', () => {
    expect(formatUtcEnd(at('2026-12-05T00:00:00.000Z'))).toBe('Friday 4 December 2026 at 23:59:59 UTC');
  });
});
