import { describe, expect, it } from 'vitest';
import { shortSpan } from '../countdown.ts';

const H = 3_600_000;

describe('shortSpan', () => {
  it('gives the two largest units, rounded down', () => {
    expect(shortSpan(2 * 24 * H + 4 * H + 59 * 60_000)).toBe('2 d 4 h');
    expect(shortSpan(3 * 24 * H)).toBe('3 d');
    expect(shortSpan(5 * H + 20 * 60_000 + 59_000)).toBe('5 h 20 m');
    expect(shortSpan(12 * 60_000)).toBe('12 m');
    expect(shortSpan(30_000)).toBe('under a minute');
    expect(shortSpan(-5 * H)).toBe('under a minute');
  });
});
