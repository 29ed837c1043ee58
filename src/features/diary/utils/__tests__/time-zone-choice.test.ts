import { describe, expect, it } from 'vitest';
import { isTzChoice, resolveTimeZone, tzChoiceLabel } from '../time-zone-choice.ts';

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

  it('resolves a choice to an IANA zone', () => {
    const zones = { local: 'Europe/Berlin', contractor: 'Asia/Kolkata' };
    expect(resolveTimeZone('utc', zones)).toBe('UTC');
    expect(resolveTimeZone('local', zones)).toBe('Europe/Berlin');
    expect(resolveTimeZone('contractor', zones)).toBe('Asia/Kolkata');
  });

  it('accepts only the three choices from a URL', () => {
    expect(['utc', 'local', 'contractor'].every(isTzChoice)).toBe(true);
    expect(isTzChoice('Europe/Berlin')).toBe(false);
    expect(isTzChoice(null)).toBe(false);
  });
});
