import { describe, expect, it } from 'vitest';
import { isTzChoice, resolveTimeZone, tzChoiceLabel, tzChoiceShortLabel, zoneOptions } from '../time-zone-choice.ts';

const winter = Date.parse('2026-11-26T12:00:00Z');
const summer = Date.parse('2026-07-02T12:00:00Z');

describe('time-zone switch', () => {
  it.each([
    ['utc', 'UTC', winter, 'UTC', 'UTC'],
    ['local', 'Europe/Berlin', winter, 'Your time · Europe/Berlin (UTC+01:00)', 'Your time · Berlin (UTC+1)'],
    ['local', 'Europe/Berlin', summer, 'Your time · Europe/Berlin (UTC+02:00)', 'Your time · Berlin (UTC+2)'],
    ['contractor', 'Europe/Berlin', summer, "Contractor's time · Europe/Berlin (UTC+02:00)", 'Contractor · Berlin (UTC+2)'],
    ['contractor', 'Asia/Kolkata', winter, "Contractor's time · Asia/Kolkata (UTC+05:30)", 'Contractor · Kolkata (UTC+5:30)'],
    ['contractor', 'America/Sao_Paulo', winter, "Contractor's time · America/Sao_Paulo (UTC\u221203:00)", 'Contractor · Sao Paulo (UTC\u22123)'],
    ['local', 'UTC', winter, 'Your time · UTC', 'Your time · UTC'],
    ['local', 'Europe/London', winter, 'Your time · Europe/London (UTC)', 'Your time · London (UTC)'],
  ] as const)('labels %s in %s with the zone and its offset in the week shown; on a phone its city and a compact offset', (choice, zone, at, label, short) => {
    expect(tzChoiceLabel(choice, zone, at)).toBe(label);
    expect(tzChoiceShortLabel(choice, zone, at)).toBe(short);
  });

  it('keeps the phone label shorter than the select shows at 375 px, where the long one was cut off', () => {
    expect(tzChoiceShortLabel('contractor', 'Europe/Berlin', winter).length).toBeLessThan(tzChoiceLabel('contractor', 'Europe/Berlin', winter).length - 10);
  });

  it('resolves a choice to an IANA zone, the contractor\'s once it is known', () => {
    const local = () => 'Europe/Berlin';
    expect(resolveTimeZone('utc', 'Asia/Kolkata', local)).toBe('UTC');
    expect(resolveTimeZone('local', 'Asia/Kolkata', local)).toBe('Europe/Berlin');
    expect(resolveTimeZone('contractor', 'Asia/Kolkata', local)).toBe('Asia/Kolkata');
    expect(resolveTimeZone('contractor', null, local)).toBeUndefined();
  });

  it('offers the contractor\'s time disabled until the contract says its zone', () => {
    const week = '2026-11-23';
    expect(zoneOptions(week, 'Europe/Berlin', null)).toEqual([
      { value: 'utc', label: 'UTC', title: 'UTC', disabled: false },
      { value: 'local', label: 'Your time · Berlin (UTC+1)', title: 'Your time · Europe/Berlin (UTC+01:00)', disabled: false },
      { value: 'contractor', label: "Contractor's time", title: "Contractor's time", disabled: true },
    ]);
    expect(zoneOptions(week, 'Europe/Berlin', 'Asia/Kolkata')[2]).toEqual({
      value: 'contractor',
      label: 'Contractor · Kolkata (UTC+5:30)',
      title: "Contractor's time · Asia/Kolkata (UTC+05:30)",
      disabled: false,
    });
  });

  it('accepts only the three choices from a URL', () => {
    expect(['utc', 'local', 'contractor'].every(isTzChoice)).toBe(true);
    expect(isTzChoice('Europe/Berlin')).toBe(false);
    expect(isTzChoice(null)).toBe(false);
  });
});
