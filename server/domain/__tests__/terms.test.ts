import { describe, expect, it } from 'vitest';
import { changeEffectiveFrom, termsForWeek, type ContractTerms, type TermsChange } from '../terms.ts';
import { addWeeks, weekStartOf } from '../week.ts';
import { WEEK_EDGES, mondayAfter } from './week-edges.ts';

const at = (iso: string) => new Date(iso);
const monday = (date: string) => at(`${date}T00:00:00.000Z`);

const base: ContractTerms = { hourlyRate: 5000, weeklyLimitHours: 40, manualTimeAllowed: false };
const t2: ContractTerms = { hourlyRate: 6000, weeklyLimitHours: 40, manualTimeAllowed: true };
const t3: ContractTerms = { hourlyRate: 6500, weeklyLimitHours: null, manualTimeAllowed: true };
const t4: ContractTerms = { hourlyRate: 7000, weeklyLimitHours: 20, manualTimeAllowed: false };

// Deliberately out of order.
const changes: TermsChange[] = [
  { effectiveFrom: monday('2027-01-04'), terms: t3 }, // the Monday after 2026-W53
  { effectiveFrom: monday('2026-11-30'), terms: t2 },
  { effectiveFrom: monday('2027-02-01'), terms: t4 },
];

describe('termsForWeek: as they stood at the week’s Monday 00:00', () => {
  it.each([
    ['before any change', '2026-11-23', base, null],
    ['the week a change takes effect', '2026-11-30', t2, '2026-11-30'],
    ['a week between two changes', '2026-12-14', t2, '2026-11-30'],
    ['2026-W53, the last week before the next change', '2026-12-28', t2, '2026-11-30'],
    ['the first week of 2027', '2027-01-04', t3, '2027-01-04'],
    ['the week before the last change', '2027-01-25', t3, '2027-01-04'],
    ['the last change', '2027-02-01', t4, '2027-02-01'],
    ['long after the last change', '2030-06-03', t4, '2027-02-01'],
  ] as const)('%s (%s)', (_label, week, terms, from) => {
    expect(termsForWeek(base, changes, monday(week))).toEqual({ ...terms, effectiveFrom: from ? monday(from) : null });
  });

  it('is the base with no changes at all', () => {
    expect(termsForWeek(base, [], monday('2026-11-23'))).toEqual({ ...base, effectiveFrom: null });
  });

  it('does not depend on the order of the changes', () => {
    const reversed = [...changes].reverse();
    for (const week of ['2026-11-23', '2026-11-30', '2027-01-04', '2027-02-01', '2027-03-01']) {
      expect(termsForWeek(base, reversed, monday(week))).toEqual(termsForWeek(base, changes, monday(week)));
    }
  });

  it('lets the later of two changes with the same effectiveFrom win', () => {
    const same: TermsChange[] = [
      { effectiveFrom: monday('2026-11-30'), terms: t2 },
      { effectiveFrom: monday('2026-11-30'), terms: t3 },
    ];
    expect(termsForWeek(base, same, monday('2026-12-07'))).toMatchObject(t3);
  });

  it('returns fresh values that share nothing with the inputs', () => {
    const got = termsForWeek(base, changes, monday('2026-12-07'));
    expect(got.effectiveFrom).not.toBe(changes[1]!.effectiveFrom);
    got.hourlyRate = 1;
    got.effectiveFrom!.setTime(0);
    expect(changes[1]).toEqual({ effectiveFrom: monday('2026-11-30'), terms: t2 });
  });
});

describe('changeEffectiveFrom: the Monday 00:00 after the current week', () => {
  it.each(WEEK_EDGES)('%s (%s): the Monday after %s', (_label, now, thisMonday) => {
    const got = changeEffectiveFrom(at(now));
    expect(got).toEqual(monday(mondayAfter(thisMonday)));
    expect(got.getTime()).toBeGreaterThan(at(now).getTime());
  });
});

describe('a rate change in the middle of a week', () => {
  it.each([
    ['Wednesday', '2026-11-25T15:00:00.000Z'],
    ['Monday 00:00', '2026-11-23T00:00:00.000Z'],
    ['Sunday 23:59:59.999', '2026-11-29T23:59:59.999Z'],
  ])('made %s: the current week keeps the old terms, the next Monday gets the new', (_label, now) => {
    const current = weekStartOf(at(now));
    const change: TermsChange = { effectiveFrom: changeEffectiveFrom(at(now)), terms: t2 };
    const existing = [{ effectiveFrom: monday('2026-10-05'), terms: t4 }];
    expect(termsForWeek(base, [...existing, change], current)).toEqual({ ...t4, effectiveFrom: monday('2026-10-05') });
    expect(termsForWeek(base, [...existing, change], addWeeks(current, 1))).toEqual({ ...t2, effectiveFrom: addWeeks(current, 1) });
    expect(termsForWeek(base, [change], current)).toEqual({ ...base, effectiveFrom: null });
  });
});
