import { describe, expect, it } from 'vitest';
import { formatCalendarDate, formatInZone } from '../date-format.ts';
import { formatClock, zoneOffsetMinutes } from '../time-zone.ts';

describe('formatCalendarDate', () => {
  it('formats the calendar date itself, whatever the zone', () => {
    expect(formatCalendarDate('2026-11-24', 'EEE d MMM')).toBe('Tue 24 Nov');
    expect(formatCalendarDate('2026-11-24', 'd MMM yyyy')).toBe('24 Nov 2026');
    expect(formatCalendarDate('2026-03-29', 'EEEE d MMMM')).toBe('Sunday 29 March');
    expect(formatCalendarDate('2026-12-31', 'EEE d')).toBe('Thu 31');
    expect(formatCalendarDate('2024-02-29', 'd MMM yyyy')).toBe('29 Feb 2024');
  });
});

describe('UTC shortcut', () => {
  it('gives the same offsets and clocks as Intl', () => {
    const at = Date.parse('2026-11-24T09:10:00Z');
    expect(zoneOffsetMinutes('UTC', at)).toBe(0);
    expect(zoneOffsetMinutes('Etc/UTC', at)).toBe(0);
    expect(formatClock(at, 'UTC')).toBe('09:10');
    expect(formatClock(at, 'UTC')).toBe(formatInZone(at, 'UTC', 'HH:mm'));
    expect(zoneOffsetMinutes('Europe/Berlin', at)).toBe(60);
  });
});
