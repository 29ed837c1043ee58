import { describe, expect, it } from 'vitest';
import { formatCountdown, formatShortOffset, reviewClock } from '../countdown.ts';

const s = 1000;
const m = 60 * s;
const h = 60 * m;
const d = 24 * h;

// The week of 2026-11-23: review from Monday 30 Nov 12:00 UTC to Saturday 5 Dec 00:00 UTC.
const deadlines = { reviewFrom: '2026-11-30T12:00:00.000Z', reviewUntil: '2026-12-05T00:00:00.000Z' };

describe('formatCountdown', () => {
  it('shows days, hours and minutes while more than a day is left', () => {
    expect(formatCountdown(2 * d + 5 * h + 12 * m + 40 * s)).toBe('2 d 5 h 12 m');
    expect(formatCountdown(1 * d)).toBe('1 d 0 h 0 m');
  });

  it('drops to hours and minutes, then minutes and seconds, as the deadline nears', () => {
    expect(formatCountdown(5 * h + 59 * s)).toBe('5 h 0 m');
    expect(formatCountdown(12 * m + 5 * s + 999)).toBe('12 m 5 s');
    expect(formatCountdown(45 * s)).toBe('45 s');
  });

  it('never says more time is left than there is, nor less than nothing', () => {
    expect(formatCountdown(59 * m + 59 * s + 999)).toBe('59 m 59 s');
    expect(formatCountdown(-5 * s)).toBe('0 s');
  });
});

describe('formatShortOffset', () => {
  it('writes offsets the short way, with a true minus sign', () => {
    expect(formatShortOffset(0)).toBe('UTC');
    expect(formatShortOffset(60)).toBe('UTC+1');
    expect(formatShortOffset(330)).toBe('UTC+5:30');
    expect(formatShortOffset(-180)).toBe('UTC\u22123');
    expect(formatShortOffset(-570)).toBe('UTC\u22129:30');
  });
});

describe('reviewClock', () => {
  it('counts down to the last second of the review window, in the viewer’s zone', () => {
    const now = Date.parse('2026-12-02T18:47:00Z');
    const clock = reviewClock(deadlines, false, now, 'Europe/Berlin')!;
    expect(clock.phase).toBe('closes');
    // Until Friday 23:59:59 UTC = Saturday 00:59:59 in Berlin (UTC+1).
    expect(clock.text).toBe('Review closes in 2 d 5 h 12 m \u2014 Saturday 5 December, 00:59:59 your time (UTC+1)');
  });

  it('says Friday 23:59:59 to a viewer in UTC', () => {
    const clock = reviewClock(deadlines, false, Date.parse('2026-12-04T23:59:00Z'), 'UTC')!;
    expect(clock.text).toBe('Review closes in 59 s \u2014 Friday 4 December, 23:59:59 your time (UTC)');
  });

  it('before the window opens, says when it opens', () => {
    const clock = reviewClock(deadlines, false, Date.parse('2026-11-28T09:00:00Z'), 'America/New_York')!;
    expect(clock.phase).toBe('opens');
    expect(clock.text).toBe('Review opens in 2 d 3 h 0 m \u2014 Monday 30 November, 07:00 your time (UTC\u22125)');
  });

  it('has nothing to count once the week is approved or the window has closed', () => {
    expect(reviewClock(deadlines, true, Date.parse('2026-12-01T10:00:00Z'), 'UTC')).toBeNull();
    expect(reviewClock(deadlines, false, Date.parse('2026-12-05T00:00:00Z'), 'UTC')).toBeNull();
  });
});
