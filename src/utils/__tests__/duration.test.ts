import { describe, expect, it } from 'vitest';
import { formatMinutes, spokenMinutes } from '../duration.ts';

describe('durations', () => {
  it('reads like a timesheet', () => {
    expect(formatMinutes(460)).toBe('7 h 40 m');
    expect(formatMinutes(480)).toBe('8 h');
    expect(formatMinutes(50)).toBe('50 m');
    expect(formatMinutes(0)).toBe('0 h');
    expect(spokenMinutes(460)).toBe('7 hours 40 minutes');
    expect(spokenMinutes(60)).toBe('1 hour');
  });
});
