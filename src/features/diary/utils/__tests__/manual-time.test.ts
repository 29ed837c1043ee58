import { describe, expect, it } from 'vitest';
import { fieldOfApiError, manualTimeRange, parseClock, slotsSummary, zonedInstant } from '../manual-time.ts';

const iso = (s: string) => new Date(s).toISOString();

describe('parseClock', () => {
  it('reads HH:mm and the seconds a time input may add', () => {
    expect(parseClock('09:10')).toBe(550);
    expect(parseClock('00:00')).toBe(0);
    expect(parseClock('23:59:00')).toBe(1439);
  });
  it('refuses what is not a clock time', () => {
    expect(parseClock('')).toBeNull();
    expect(parseClock('24:00')).toBeNull();
    expect(parseClock('9:7')).toBeNull();
  });
});

describe('manualTimeRange', () => {
  it('turns a morning in Berlin (winter, UTC+1) into UTC slot instants', () => {
    const range = manualTimeRange({ date: '2026-11-25', from: '09:00', to: '09:30', timeZone: 'Europe/Berlin' });
    expect(range).toMatchObject({
      ok: true,
      start: iso('2026-11-25T08:00:00Z'),
      end: iso('2026-11-25T08:30:00Z'),
      slots: 3,
      minutes: 30,
      nextDay: false,
      snapped: false,
    });
  });

  it('widens times off the 10-minute grid to the whole slots that cover them', () => {
    const range = manualTimeRange({ date: '2026-11-25', from: '09:05', to: '09:21', timeZone: 'UTC' });
    expect(range).toMatchObject({ ok: true, start: iso('2026-11-25T09:00:00Z'), end: iso('2026-11-25T09:30:00Z'), slots: 3, snapped: true });
  });

  it('aligns slots in UTC, not on the wall clock, in a zone 45 minutes off the hour', () => {
    // Kathmandu is UTC+05:45: 09:05 local is 03:20 UTC, a slot boundary.
    const range = manualTimeRange({ date: '2026-11-25', from: '09:05', to: '09:35', timeZone: 'Asia/Kathmandu' });
    expect(range).toMatchObject({ ok: true, start: iso('2026-11-25T03:20:00Z'), end: iso('2026-11-25T03:50:00Z'), slots: 3, snapped: false });
  });

  it('counts the extra hour of the autumn change in Berlin (25 Oct 2026, 02:00–03:00 twice)', () => {
    const range = manualTimeRange({ date: '2026-10-25', from: '00:00', to: '06:00', timeZone: 'Europe/Berlin' });
    // 00:00 CEST is 22:00 UTC the day before; 06:00 CET is 05:00 UTC: seven hours of slots.
    expect(range).toMatchObject({ ok: true, start: iso('2026-10-24T22:00:00Z'), end: iso('2026-10-25T05:00:00Z'), slots: 42, minutes: 420 });
  });

  it('counts the missing hour of the spring change in New York (8 Mar 2026)', () => {
    const range = manualTimeRange({ date: '2026-03-08', from: '01:00', to: '04:00', timeZone: 'America/New_York' });
    // 01:00 EST is 06:00 UTC; 04:00 EDT is 08:00 UTC: two hours, not three.
    expect(range).toMatchObject({ ok: true, start: iso('2026-03-08T06:00:00Z'), end: iso('2026-03-08T08:00:00Z'), slots: 12 });
  });

  it('refuses a time the spring change skips', () => {
    expect(manualTimeRange({ date: '2026-03-29', from: '02:30', to: '04:00', timeZone: 'Europe/Berlin' })).toEqual({
      ok: false,
      field: 'from',
      message: '02:30 does not exist that day in Europe/Berlin: the clocks skip it.',
    });
    expect(manualTimeRange({ date: '2026-03-29', from: '01:00', to: '02:10', timeZone: 'Europe/Berlin' })).toMatchObject({ ok: false, field: 'to' });
  });

  it('reads an end at or before the start as the next day, up to midnight', () => {
    const late = manualTimeRange({ date: '2026-11-25', from: '23:00', to: '00:00', timeZone: 'Europe/Berlin' });
    expect(late).toMatchObject({ ok: true, start: iso('2026-11-25T22:00:00Z'), end: iso('2026-11-25T23:00:00Z'), slots: 6, nextDay: true });
    const overnight = manualTimeRange({ date: '2026-11-25', from: '22:00', to: '01:30', timeZone: 'UTC' });
    expect(overnight).toMatchObject({ ok: true, end: iso('2026-11-26T01:30:00Z'), slots: 21, nextDay: true });
  });

  it('allows 24 hours at most', () => {
    expect(manualTimeRange({ date: '2026-11-25', from: '09:00', to: '09:00', timeZone: 'UTC' })).toMatchObject({ ok: true, slots: 144 });
    expect(manualTimeRange({ date: '2026-11-25', from: '09:05', to: '09:01', timeZone: 'UTC' })).toMatchObject({
      ok: false,
      field: 'to',
      message: 'Add at most 24 hours at once.',
    });
  });

  it('keeps the range inside the billing week', () => {
    const bounds = { start: Date.parse('2026-11-23T00:00:00Z'), end: Date.parse('2026-11-30T00:00:00Z') };
    // Monday 00:30 in Berlin is still Sunday 23:30 UTC, the week before.
    const early = manualTimeRange({ date: '2026-11-23', from: '00:30', to: '01:30', timeZone: 'Europe/Berlin' }, bounds);
    expect(early).toMatchObject({ ok: false, field: 'from' });
    if (!early.ok) expect(early.message).toBe('Manual time must fall within this billing week: Mon 23 Nov 01:00 to Mon 30 Nov 01:00.');
    const inside = manualTimeRange({ date: '2026-11-23', from: '01:00', to: '01:30', timeZone: 'Europe/Berlin' }, bounds);
    expect(inside).toMatchObject({ ok: true, start: iso('2026-11-23T00:00:00Z') });
  });

  it('names the input that is missing', () => {
    expect(manualTimeRange({ date: '', from: '09:00', to: '10:00', timeZone: 'UTC' })).toMatchObject({ ok: false, field: 'date' });
    expect(manualTimeRange({ date: '2026-11-25', from: '', to: '10:00', timeZone: 'UTC' })).toMatchObject({ ok: false, field: 'from' });
    expect(manualTimeRange({ date: '2026-11-25', from: '09:00', to: '', timeZone: 'UTC' })).toMatchObject({ ok: false, field: 'to' });
  });
});

describe('zonedInstant', () => {
  it('carries minutes past midnight into the next day', () => {
    expect(new Date(zonedInstant('2026-11-29', 1440 + 30, 'Europe/Berlin')).toISOString()).toBe(iso('2026-11-29T23:30:00Z'));
  });
});

describe('slotsSummary and fieldOfApiError', () => {
  it('says how many slots and hours', () => {
    expect(slotsSummary(1)).toBe('1 slot · 10 m');
    expect(slotsSummary(9)).toBe('9 slots · 1 h 30 m');
  });
  it('maps the API’s fields to the inputs', () => {
    expect(fieldOfApiError('body.start')).toBe('from');
    expect(fieldOfApiError('body.end')).toBe('to');
    expect(fieldOfApiError('body.memo')).toBe('memo');
    expect(fieldOfApiError('params.contractId')).toBeNull();
  });
});
