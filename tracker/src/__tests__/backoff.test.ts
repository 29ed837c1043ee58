import { describe, expect, it } from 'vitest';
import { backoffDelay, retryAfterMs, verdictFor } from '../backoff.ts';
import { seededRng } from '../rng.ts';

describe('upload retries', () => {
  it('reads each answer: stored, retry later, refused for good, token gone', () => {
    expect([201, 200].map(verdictFor)).toEqual(['done', 'done']);
    expect([500, 502, 503, 504, 429, 408].map(verdictFor)).toEqual(new Array(6).fill('retry'));
    expect([400, 404, 409, 410, 413, 415, 422].map(verdictFor)).toEqual(new Array(7).fill('reject'));
    expect(verdictFor(401)).toBe('unauthorized');
  });

  it('waits twice as long after each failure, with jitter, up to the cap', () => {
    const policy = { baseMs: 1000, maxMs: 60_000 };
    expect(backoffDelay(1, () => 0, policy)).toBe(500);
    expect(backoffDelay(1, () => 0.999999, policy)).toBe(1000);
    expect(backoffDelay(4, () => 0, policy)).toBe(4000);
    expect(backoffDelay(4, () => 0.999999, policy)).toBe(8000);
    expect(backoffDelay(50, () => 0.999999, policy)).toBe(60_000);
    expect(backoffDelay(50, () => 0, policy)).toBe(30_000);
    // Jitter: trackers failing together do not retry together.
    const rng = seededRng(3);
    const waits = new Set(Array.from({ length: 20 }, () => backoffDelay(5, rng, policy)));
    expect(waits.size).toBeGreaterThan(15);
    for (const w of waits) {
      expect(w).toBeGreaterThanOrEqual(8000);
      expect(w).toBeLessThanOrEqual(16_000);
    }
  });

  it('honours Retry-After in seconds or as a date', () => {
    expect(retryAfterMs('30', 0)).toBe(30_000);
    expect(retryAfterMs(new Date(90_000).toUTCString(), 30_000)).toBe(60_000);
    expect(retryAfterMs(null, 0)).toBeNull();
    expect(retryAfterMs('soon', 0)).toBeNull();
  });
});
