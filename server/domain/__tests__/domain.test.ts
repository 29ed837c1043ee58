import { describe, expect, it } from 'vitest';
import { slotStates, type SlotFacts } from '../slot-state.ts';
import { localDays } from '../local-days.ts';
import { weekDeadlines, weekStartOf, weekKey } from '../week.ts';

const tracked = (active: number, extra: Partial<SlotFacts> = {}): SlotFacts => ({ kind: 'tracked', activeMinutes: active, deleted: false, ...extra });
const manual = (extra: Partial<SlotFacts> = {}): SlotFacts => ({ kind: 'manual', activeMinutes: 0, deleted: false, ...extra });

describe('slot states', () => {
  const terms = { weeklyLimitHours: null, manualTimeAllowed: false };

  it.each([
    ['active tracked', tracked(5), 'billable'],
    ['one active minute', tracked(1), 'billable'],
    ['idle tracked', tracked(0), 'inactive'],
    ['deleted wins over everything', tracked(5, { deleted: true, dispute: 'held' }), 'deleted'],
    ['refunded wins over held facts', tracked(5, { dispute: 'refunded' }), 'refunded'],
    ['held', tracked(5, { dispute: 'held' }), 'held'],
    ['manual where not allowed', manual(), 'inactive'],
  ] as const)('%s → %s', (_name, slot, expected) => {
    expect(slotStates([slot], terms)).toEqual([expected]);
  });

  it('bills manual time where the contract allows it', () => {
    expect(slotStates([manual()], { weeklyLimitHours: null, manualTimeAllowed: true })).toEqual(['billable']);
  });

  it('applies the cap in time order and skips inactive slots', () => {
    const cap = { weeklyLimitHours: 1, manualTimeAllowed: false }; // 6 slots
    const slots = [tracked(3), tracked(0), ...Array.from({ length: 6 }, () => tracked(9))];
    expect(slotStates(slots, cap)).toEqual(['billable', 'inactive', 'billable', 'billable', 'billable', 'billable', 'billable', 'over_limit']);
  });

  it('does not let a refund free room under the cap', () => {
    const cap = { weeklyLimitHours: 1, manualTimeAllowed: false };
    const slots = [tracked(5, { dispute: 'refunded' }), ...Array.from({ length: 6 }, () => tracked(5))];
    const states = slotStates(slots, cap);
    expect(states[0]).toBe('refunded');
    expect(states[6]).toBe('over_limit');
  });

  it('lets a deleted slot free room under the cap', () => {
    const cap = { weeklyLimitHours: 1, manualTimeAllowed: false };
    const slots = [tracked(5, { deleted: true }), ...Array.from({ length: 6 }, () => tracked(5))];
    expect(slotStates(slots, cap).slice(1)).toEqual(Array(6).fill('billable'));
  });

  it('a zero cap makes every active slot over the limit', () => {
    expect(slotStates([tracked(5), tracked(0)], { weeklyLimitHours: 0, manualTimeAllowed: false })).toEqual(['over_limit', 'inactive']);
  });
});

describe('billing week', () => {
  it.each([
    ['2026-11-23T00:00:00.000Z', '2026-11-23'],
    ['2026-11-29T23:59:59.999Z', '2026-11-23'],
    ['2026-11-30T00:00:00.000Z', '2026-11-30'],
    ['2027-01-01T12:00:00.000Z', '2026-12-28'], // week 53 of ISO 2026
    ['2020-12-31T12:00:00.000Z', '2020-12-28'],
  ])('%s is in the week of %s', (instant, monday) => {
    expect(weekKey(weekStartOf(new Date(instant)))).toBe(monday);
  });

  it('has the edit deadline on Monday 12:00 and the review until Friday’s end', () => {
    const d = weekDeadlines(new Date('2026-11-23T00:00:00Z'));
    expect(d.end.toISOString()).toBe('2026-11-30T00:00:00.000Z');
    expect(d.editUntil.toISOString()).toBe('2026-11-30T12:00:00.000Z');
    expect(d.reviewUntil.toISOString()).toBe('2026-12-05T00:00:00.000Z');
  });
});

describe('local days of a week', () => {
  const start = new Date('2026-03-23T00:00:00Z');
  const end = new Date('2026-03-30T00:00:00Z');

  it('are the seven days in UTC, none partial', () => {
    const days = localDays(start, end, 'UTC');
    expect(days).toHaveLength(7);
    expect(days.every((d) => !d.partial && d.hoursInDay === 24)).toBe(true);
  });

  it('have partial first and last days and a 23-hour spring-forward day in Berlin', () => {
    const days = localDays(start, end, 'Europe/Berlin');
    expect(days).toHaveLength(8);
    expect(days[0]!.partial && days[7]!.partial).toBe(true);
    expect(days.find((d) => d.date === '2026-03-29')!.hoursInDay).toBe(23);
    const covered = days.reduce((ms, d) => ms + d.end.getTime() - d.start.getTime(), 0);
    expect(covered).toBe(7 * 86_400_000);
  });

  it('handle a zone with a half-hour offset west of UTC', () => {
    const days = localDays(start, end, 'America/St_Johns');
    expect(days[0]!.date).toBe('2026-03-22');
    expect((days[0]!.end.getTime() - days[0]!.start.getTime()) / 3_600_000).toBe(2.5);
  });
});
