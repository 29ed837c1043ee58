// Instants at the edges of billing weeks (UTC, Monday 00:00 to Sunday 23:59:59.999), each with
// the Monday of its week: the cases every rule keyed on "the week of an instant" must get right.
export const WEEK_EDGES: [label: string, instant: string, monday: string][] = [
  ['Sunday 23:59:59.999 before', '2026-11-22T23:59:59.999Z', '2026-11-16'],
  ['Monday 00:00', '2026-11-23T00:00:00.000Z', '2026-11-23'],
  ['Monday 00:00:00.001', '2026-11-23T00:00:00.001Z', '2026-11-23'],
  ['Monday 11:59:59.999', '2026-11-23T11:59:59.999Z', '2026-11-23'],
  ['Monday 12:00', '2026-11-23T12:00:00.000Z', '2026-11-23'],
  ['Wednesday, mid-week', '2026-11-25T15:37:00.000Z', '2026-11-23'],
  ['Friday 23:59:59.999', '2026-11-27T23:59:59.999Z', '2026-11-23'],
  ['Saturday 00:00', '2026-11-28T00:00:00.000Z', '2026-11-23'],
  ['Sunday 23:59:59.999', '2026-11-29T23:59:59.999Z', '2026-11-23'],
  ['next Monday 00:00', '2026-11-30T00:00:00.000Z', '2026-11-30'],
  ['New Year’s Eve in 2026-W53', '2026-12-31T18:00:00.000Z', '2026-12-28'],
  ['New Year’s Day in 2026-W53', '2027-01-01T00:00:00.000Z', '2026-12-28'],
  ['in 2020-W53', '2021-01-03T23:59:59.999Z', '2020-12-28'],
  ['before 1970: Monday 00:00', '1969-12-29T00:00:00.000Z', '1969-12-29'],
  ['before 1970: Sunday 23:59:59.999', '1970-01-04T23:59:59.999Z', '1969-12-29'],
];

/** The Monday a week after `monday` (both YYYY-MM-DD). */
export const mondayAfter = (monday: string) => new Date(Date.parse(`${monday}T00:00:00.000Z`) + 7 * 86_400_000).toISOString().slice(0, 10);
