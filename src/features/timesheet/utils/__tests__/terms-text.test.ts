import { describe, expect, it } from 'vitest';
import { capText, effectiveText, manualText, parseCapHours, rateText } from '../terms-text.ts';

describe('terms in words', () => {
  it('says the rate in the contract’s currency, the cap and manual time', () => {
    expect(rateText(6500, 'USD')).toMatch(/^\$65\.00 an hour$/);
    expect(rateText(4200, 'EUR')).toMatch(/42[.,]00/);
    expect(capText(40)).toBe('40 h a week');
    expect(capText(null)).toBe('No weekly cap');
    expect(manualText(true)).toBe('Manual time allowed');
    expect(manualText(false)).toBe('No manual time');
    expect(effectiveText('2026-12-07T00:00:00.000Z')).toBe('Monday 7 December');
  });
});

describe('parseCapHours', () => {
  it('accepts whole hours 0–168, or no cap', () => {
    expect(parseCapHours(false, ' 30 ')).toEqual({ ok: true, value: 30 });
    expect(parseCapHours(false, '0')).toEqual({ ok: true, value: 0 });
    expect(parseCapHours(false, '168')).toEqual({ ok: true, value: 168 });
    expect(parseCapHours(true, 'whatever')).toEqual({ ok: true, value: null });
  });

  it('explains what is wrong with anything else', () => {
    expect(parseCapHours(false, '')).toEqual({ ok: false, error: 'Enter the weekly cap in hours, or choose no cap.' });
    expect(parseCapHours(false, '12.5')).toEqual({ ok: false, error: 'Enter a whole number of hours, like 40.' });
    expect(parseCapHours(false, '-3')).toEqual({ ok: false, error: 'Enter a whole number of hours, like 40.' });
    expect(parseCapHours(false, '169')).toEqual({ ok: false, error: 'A week has 168 hours: enter 0–168.' });
  });
});
