import { describe, expect, it } from 'vitest';
import { ago, countdown, formatSpan } from '../countdown.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const now = Date.parse('2026-11-25T15:00:00Z');

describe('formatSpan', () => {
  it('shows the two largest units, rounded down', () => {
    expect(formatSpan(3 * DAY)).toBe('3 days');
    expect(formatSpan(2 * DAY + 4 * HOUR + 59 * MIN)).toBe('2 days 4 hours');
    expect(formatSpan(DAY + HOUR)).toBe('1 day 1 hour');
    expect(formatSpan(3 * HOUR + 5 * MIN + 30_000)).toBe('3 hours 5 minutes');
    expect(formatSpan(HOUR)).toBe('1 hour');
    expect(formatSpan(45 * MIN)).toBe('45 minutes');
    expect(formatSpan(30_000)).toBe('under a minute');
  });
});

describe('countdown', () => {
  it('counts down to the answer deadline', () => {
    expect(countdown(now + 3 * DAY, now)).toEqual({ text: '3 days left', urgency: 'calm', overdue: false });
    expect(countdown(now + DAY + 2 * HOUR, now)).toEqual({ text: '1 day 2 hours left', urgency: 'soon', overdue: false });
    expect(countdown(now + 5 * HOUR, now)).toEqual({ text: '5 hours left', urgency: 'urgent', overdue: false });
  });
  it('says when the deadline has passed', () => {
    expect(countdown(now, now)).toEqual({ text: 'Overdue by under a minute', urgency: 'overdue', overdue: true });
    expect(countdown(now - 3 * HOUR, now)).toEqual({ text: 'Overdue by 3 hours', urgency: 'overdue', overdue: true });
  });
});

describe('ago', () => {
  it('says how long ago', () => {
    expect(ago(now - 20_000, now)).toBe('just now');
    expect(ago(now - 5 * MIN, now)).toBe('5 minutes ago');
    expect(ago(now - HOUR, now)).toBe('1 hour ago');
    expect(ago(now - 2 * DAY - HOUR, now)).toBe('2 days ago');
  });
});
