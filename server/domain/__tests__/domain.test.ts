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

describe('the weekly cap, in time order', () => {
  // One letter a slot, in time order: A active tracked, I idle tracked, M manual, H held (active),
  // R refunded (active), D deleted (active). Out: b billable, i inactive, o over the limit,
  // h held, r refunded, d deleted.
  const facts: Record<string, SlotFacts> = {
    A: tracked(7),
    I: tracked(0),
    M: manual(),
    H: tracked(7, { dispute: 'held' }),
    R: tracked(7, { dispute: 'refunded' }),
    D: tracked(7, { deleted: true }),
  };
  const short: Record<string, string> = { billable: 'b', inactive: 'i', over_limit: 'o', held: 'h', refunded: 'r', deleted: 'd' };
  const run = (slots: string, limit: number | null, manualTimeAllowed = false) =>
    slotStates([...slots.replace(/ /g, '')].map((c) => facts[c]!), { weeklyLimitHours: limit, manualTimeAllowed })
      .map((s) => short[s])
      .join('');

  it.each([
    // [label, slots, limit hours, manual allowed, states]
    ['no cap', 'AAAA AAAA', null, false, 'bbbbbbbb'],
    ['a cap of 1 h = 6 slots', 'AAAA AAAA', 1, false, 'bbbbbboo'],
    ['exactly at the cap', 'AAAAAA', 1, false, 'bbbbbb'],
    ['a zero cap', 'AIA', 0, false, 'oio'],
    ['inactive slots do not count', 'AIAI AAAA A', 1, false, 'bibibbbbo'],
    ['a refund before the cap does not free room', 'ARAA AAAA', 1, false, 'brbbbboo'],
    ['a refund after the cap is still refunded', 'AAAA AAR', 1, false, 'bbbbbbr'],
    ['a held slot counts toward the cap', 'HAAA AAA', 1, false, 'hbbbbbo'],
    ['a held slot past the cap stays held', 'AAAA AAH A', 1, false, 'bbbbbbho'],
    ['seven active slots, one over', 'AAAA AAA', 1, false, 'bbbbbbo'],
    ['a deleted slot before the cap moves it', 'ADAA AAA', 1, false, 'bdbbbbb'],
    ['a deleted slot after the cap does not', 'AAAA AADA', 1, false, 'bbbbbbdo'],
    ['manual slots where allowed count toward the cap', 'MMMA AAA', 1, true, 'bbbbbbo'],
    ['manual slots where not allowed are inactive and do not count', 'MMMA AAA', 1, false, 'iiibbbb'],
  ])('%s: %s with %s h (manual %s) → %s', (_label, slots, limit, manualAllowed, expected) => {
    expect(run(slots, limit, manualAllowed)).toBe(expected);
  });

  it('a cap reached in the middle of a day, then a refund before it, keeps the later slot over the limit', () => {
    // Tuesday 09:00 … 12:50 UTC, 24 active slots, with a cap of 3 hours (18 slots): it is reached at
    // 11:50, so 12:00 … 12:50 are over the limit.
    const day = Array.from({ length: 24 }, (_, i) => ({ start: new Date(Date.UTC(2026, 10, 24, 9, i * 10)), facts: tracked(6) }));
    const terms = { weeklyLimitHours: 3, manualTimeAllowed: false };
    const before = slotStates(day.map((s) => s.facts), terms);
    const firstOver = before.indexOf('over_limit');
    expect(day[firstOver]!.start.toISOString()).toBe('2026-11-24T12:00:00.000Z');
    expect(before.filter((s) => s === 'billable')).toHaveLength(18);

    // The client's dispute of 10:20 is settled for the client: the refund does not move the cap.
    const refundedAt = day.findIndex((s) => s.start.toISOString() === '2026-11-24T10:20:00.000Z');
    const after = slotStates(day.map((s, i) => (i === refundedAt ? { ...s.facts, dispute: 'refunded' as const } : s.facts)), terms);
    expect(after[refundedAt]).toBe('refunded');
    expect(after.slice(firstOver)).toEqual(Array(6).fill('over_limit'));
    expect(after.filter((s) => s === 'billable')).toHaveLength(17);

    // The contractor deleting 10:20 before the edit deadline does move it: 12:00 becomes billable.
    const deleted = slotStates(day.map((s, i) => (i === refundedAt ? { ...s.facts, deleted: true } : s.facts)), terms);
    expect(deleted[firstOver]).toBe('billable');
    expect(deleted.slice(firstOver + 1)).toEqual(Array(5).fill('over_limit'));
  });

  it('a fractional cap counts whole slots (1.5 h = 9 slots)', () => {
    expect(run('AAAA AAAA AA', 1.5)).toBe('bbbbbbbbbo');
  });
});
