import { describe, expect, it } from 'vitest';
import { isTzChoice, resolveTimeZone, tzChoiceLabel, tzChoiceShortLabel, zoneOptions } from '../time-zone-choice.ts';

const winter = Date.parse('2026-11-26T12:00:00Z');
const summer = Date.parse('2026-07-02T12:00:00Z');

describe('time-zone switch', () => {
  it('labels each choice with the zone name and its offset in the week shown', () => {
    expect(tzChoiceLabel('utc', 'UTC', winter)).toBe('UTC');
    expect(tzChoiceLabel('local', 'Europe/Berlin', winter)).toBe('Your time · Europe/Berlin (UTC+01:00)');
    expect(tzChoiceLabel('local', 'Europe/Berlin', summer)).toBe('Your time · Europe/Berlin (UTC+02:00)');
    expect(tzChoiceLabel('contractor', 'Asia/Kolkata', winter)).toBe("Contractor's time · Asia/Kolkata (UTC+05:30)");
    expect(tzChoiceLabel('contractor', 'America/Sao_Paulo', winter)).toBe("Contractor's time · America/Sao_Paulo (UTC\u221203:00)");
    expect(tzChoiceLabel('local', 'UTC', winter)).toBe('Your time · UTC');
  });

  it('shortens each label for a phone to the zone’s city and a compact offset', () => {
    expect(tzChoiceShortLabel('utc', 'UTC', winter)).toBe('UTC');
    expect(tzChoiceShortLabel('local', 'Europe/Berlin', winter)).toBe('Your time · Berlin (UTC+1)');
    expect(tzChoiceShortLabel('contractor', 'Europe/Berlin', summer)).toBe('Contractor · Berlin (UTC+2)');
    expect(tzChoiceShortLabel('contractor', 'Asia/Kolkata', winter)).toBe('Contractor · Kolkata (UTC+5:30)');
    expect(tzChoiceShortLabel('contractor', 'America/Sao_Paulo', winter)).toBe('Contractor · Sao Paulo (UTC\u22123)');
    expect(tzChoiceShortLabel('local', 'UTC', winter)).toBe('Your time · UTC');
    expect(tzChoiceShortLabel('local', 'Europe/London', winter)).toBe('Your time · London (UTC)');
    // No longer than the select shows at 375 px, where the long one was cut off.
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
