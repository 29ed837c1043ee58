import { describe, expect, it } from 'vitest';
import { addWeeks, isWeekStart, weekOfDate, weekOfInstant } from '../week.ts';

describe('billing weeks', () => {
  it('names a week by its Monday, in UTC', () => {
    expect(weekOfInstant(Date.parse('2026-11-23T00:00:00Z'))).toBe('2026-11-23');
    expect(weekOfInstant(Date.parse('2026-11-29T23:59:59Z'))).toBe('2026-11-23');
    expect(weekOfInstant(Date.parse('2026-11-30T00:00:00Z'))).toBe('2026-11-30');
    expect(weekOfDate('2026-11-29')).toBe('2026-11-23');
    expect(weekOfDate('2027-01-01')).toBe('2026-12-28');
  });

  it('steps weeks across months and years', () => {
    expect(addWeeks('2026-12-28', 1)).toBe('2027-01-04');
    expect(addWeeks('2026-03-02', -1)).toBe('2026-02-23');
  });

  it('accepts only real Mondays', () => {
    expect(isWeekStart('2026-11-23')).toBe(true);
    expect(isWeekStart('2026-11-24')).toBe(false);
    expect(isWeekStart('2026-02-30')).toBe(false);
    expect(isWeekStart(null)).toBe(false);
  });
});
