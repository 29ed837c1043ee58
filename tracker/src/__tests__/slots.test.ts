import { describe, expect, it } from 'vitest';
import { seededRng } from '../rng.ts';
import {
  activeMinutes,
  closeSlot,
  countInput,
  MAX_PER_MINUTE,
  minuteIndex,
  openSlot,
  pickCaptureInstant,
  slotOutcome,
  slotStartOf,
} from '../slots.ts';

const T = (iso: string) => Date.parse(iso);

describe('slot cutting', () => {
  it('aligns slots to 10 minutes in UTC', () => {
    expect(slotStartOf(T('2026-11-25T14:19:59.999Z'))).toBe(T('2026-11-25T14:10:00Z'));
    expect(slotStartOf(T('2026-11-25T14:20:00Z'))).toBe(T('2026-11-25T14:20:00Z'));
    const s = openSlot('k', T('2026-11-25T14:13:20Z'), seededRng(1));
    expect([s.start, s.end]).toEqual([T('2026-11-25T14:10:00Z'), T('2026-11-25T14:20:00Z')]);
  });

  it('buckets input into the minute it happened in', () => {
    const start = T('2026-11-25T14:10:00Z');
    expect(minuteIndex(start, start)).toBe(0);
    expect(minuteIndex(start, start + 59_999)).toBe(0);
    expect(minuteIndex(start, start + 60_000)).toBe(1);
    expect(minuteIndex(start, start + 599_999)).toBe(9);
    expect(minuteIndex(start, start + 600_000)).toBe(-1);
    const s = openSlot('k', start, seededRng(1));
    countInput(s, 'keyboard', start + 2 * 60_000 + 5);
    countInput(s, 'keyboard', start + 2 * 60_000 + 59_000);
    countInput(s, 'mouse', start + 7 * 60_000);
    expect(s.keyboard).toEqual([0, 0, 2, 0, 0, 0, 0, 0, 0, 0]);
    expect(s.mouse).toEqual([0, 0, 0, 0, 0, 0, 0, 1, 0, 0]);
    expect(activeMinutes(s.keyboard, s.mouse)).toBe(2);
  });

  it('counts time before the tracker started as idle', () => {
    const s = openSlot('k', T('2026-11-25T14:14:30Z'), seededRng(1));
    expect(countInput(s, 'keyboard', T('2026-11-25T14:14:10Z'))).toBe(false);
    expect(countInput(s, 'keyboard', T('2026-11-25T14:14:40Z'))).toBe(true);
    expect(s.keyboard).toEqual([0, 0, 0, 0, 1, 0, 0, 0, 0, 0]);
  });

  it('clamps a minute at 10,000 events', () => {
    const s = openSlot('k', T('2026-11-25T14:10:00Z'), seededRng(1));
    for (let i = 0; i < MAX_PER_MINUTE + 50; i++) countInput(s, 'mouse', T('2026-11-25T14:11:00Z') + i);
    expect(s.mouse[1]).toBe(MAX_PER_MINUTE);
  });

  it('a slot ended by a contract switch keeps its minutes so far and counts nothing after', () => {
    const s = openSlot('k', T('2026-11-25T14:10:00Z'), () => 0.99);
    countInput(s, 'keyboard', T('2026-11-25T14:12:30Z'));
    closeSlot(s, T('2026-11-25T14:15:00Z'));
    expect(countInput(s, 'keyboard', T('2026-11-25T14:15:00Z'))).toBe(false);
    expect(countInput(s, 'keyboard', T('2026-11-25T14:18:00Z'))).toBe(false);
    expect(s.keyboard).toEqual([0, 0, 1, 0, 0, 0, 0, 0, 0, 0]);
    // The screenshot was planned after the switch (0.99 of the slot): it is not taken.
    expect(s.captureAt).toBeNull();
    expect(slotOutcome(s)).toBe('upload');
  });

  it('a slot with no screenshot and no activity is not uploaded; a discarded one neither', () => {
    const s = openSlot('k', T('2026-11-25T14:10:00Z'), seededRng(3));
    expect(slotOutcome(s)).toBe('empty');
    countInput(s, 'mouse', T('2026-11-25T14:11:00Z'));
    expect(slotOutcome(s)).toBe('upload');
    s.discarded = true;
    expect(slotOutcome(s)).toBe('discarded');
    expect(countInput(s, 'mouse', T('2026-11-25T14:12:00Z'))).toBe(false);
  });
});

describe('the random screenshot second', () => {
  const start = T('2026-11-25T14:10:00Z');

  it('is a whole second inside the running part of the slot', () => {
    const rng = seededRng(42);
    for (let i = 0; i < 2000; i++) {
      const from = start + Math.floor(rng() * 599_001);
      const at = pickCaptureInstant(rng, start, from);
      expect(at).not.toBeNull();
      expect(at! % 1000).toBe(0);
      expect(at!).toBeGreaterThanOrEqual(from);
      expect(at!).toBeLessThan(start + 600_000);
    }
  });

  it('is spread uniformly over the seconds left', () => {
    const rng = seededRng(7);
    const from = start + 300_000; // started half-way: seconds 300–599
    const buckets = new Array(6).fill(0);
    for (let i = 0; i < 6000; i++) buckets[Math.floor((pickCaptureInstant(rng, start, from)! - from) / 50_000)]++;
    for (const b of buckets) {
      expect(b).toBeGreaterThan(850);
      expect(b).toBeLessThan(1150);
    }
    expect(pickCaptureInstant(() => 0, start, from)).toBe(from);
    expect(pickCaptureInstant(() => 0.999999, start, from)).toBe(start + 599_000);
  });

  it('is the same for the same seed, and none when no whole second is left', () => {
    expect(pickCaptureInstant(seededRng(5), start, start)).toBe(pickCaptureInstant(seededRng(5), start, start));
    expect(pickCaptureInstant(seededRng(5), start, start + 599_500)).toBeNull();
    expect(pickCaptureInstant(seededRng(5), start, start + 599_000)).toBe(start + 599_000);
  });
});
