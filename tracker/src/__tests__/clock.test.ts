import { describe, expect, it } from 'vitest';
import { normalizeServer } from '../api.ts';
import { findContract } from '../cli.ts';
import { fakeClock, systemClock } from '../clock.ts';
import { formatStatus } from '../status.ts';
import type { TrackerStatus } from '../status.ts';

describe('the clocks', () => {
  it('the fake clock fires due timers in time order, each at its instant, waiting for each', async () => {
    const c = fakeClock('2026-11-25T14:00:00Z');
    const seen: string[] = [];
    c.at(Date.parse('2026-11-25T14:05:00Z'), async () => {
      await new Promise((r) => setTimeout(r, 20));
      seen.push(`b ${new Date(c.now()).toISOString()}`);
      // A timer set by a timer, still inside the advance, fires in the same advance.
      c.at(c.now() + 1000, () => void seen.push(`c ${new Date(c.now()).toISOString()}`));
    });
    c.at(Date.parse('2026-11-25T14:01:00Z'), () => void seen.push(`a ${new Date(c.now()).toISOString()}`));
    const late = c.at(Date.parse('2026-11-25T14:20:00Z'), () => void seen.push('late'));
    await c.advance(10 * 60_000);
    expect(seen).toEqual(['a 2026-11-25T14:01:00.000Z', 'b 2026-11-25T14:05:00.000Z', 'c 2026-11-25T14:05:01.000Z']);
    expect(new Date(c.now()).toISOString()).toBe('2026-11-25T14:10:00.000Z');
    late.cancel();
    await c.advance(20 * 60_000);
    expect(seen).not.toContain('late');
    await expect(c.advanceTo('2026-11-25T13:00:00Z')).rejects.toThrow(/cannot go back/);
  });

  it('the system clock fires at the instant', async () => {
    const c = systemClock();
    const t0 = c.now();
    const fired = await new Promise<number>((resolve) => c.at(t0 + 30, () => resolve(c.now())));
    expect(fired).toBeGreaterThanOrEqual(t0 + 29);
  });
});

describe('what the contractor reads and types', () => {
  const contracts = [
    { id: 'k1', title: 'Backend work', companyName: 'Acme Robotics', timeZone: 'UTC', status: 'active', manualTimeAllowed: false },
    { id: 'k2', title: 'Brochure', companyName: 'Globex', timeZone: 'UTC', status: 'active', manualTimeAllowed: true },
  ];

  it('the status line: slot, contract, activity so far, queue, last error', () => {
    const now = Date.parse('2026-11-25T14:14:30Z');
    const s: TrackerStatus = {
      contractId: 'k1',
      slot: { contractId: 'k1', start: Date.parse('2026-11-25T14:10:00Z'), end: Date.parse('2026-11-25T14:20:00Z'), keyboard: [], mouse: [], activeMinutes: 3, discarded: false },
      nextSlotAt: null,
      paused: false,
      memo: 'API tests',
      queued: 2,
      uploader: { phase: 'waiting', uploaded: 17, rejected: 0, failuresInARow: 3, nextAttemptAt: now + 40_000, lastError: null },
      lastShot: null,
      lastError: { at: Date.parse('2026-11-25T14:12:03Z'), message: 'http://diary.test is unreachable (ECONNREFUSED)' },
    };
    expect(formatStatus(s, contracts, now)).toBe(
      '14:10–14:20 UTC · Backend work (Acme Robotics) · active 3 of 5 min · queued 2 (retry in 40 s) · uploaded 17 · memo "API tests" · last error 14:12:03: http://diary.test is unreachable (ECONNREFUSED)',
    );
    expect(formatStatus({ ...s, paused: true, slot: null, nextSlotAt: Date.parse('2026-11-25T14:20:00Z'), uploader: { ...s.uploader, phase: 'unauthorized' } }, contracts, now)).toMatch(
      /^next slot 14:20 UTC · Backend work \(Acme Robotics\) · PAUSED · queued 2 \(uploads stopped: token refused, reconnect\)/,
    );
  });

  it('a contract is picked by its number or its id', () => {
    expect(findContract(contracts, '2')?.id).toBe('k2');
    expect(findContract(contracts, ' k1 ')?.id).toBe('k1');
    expect(findContract(contracts, '3')).toBeNull();
    expect(findContract(contracts, '0')).toBeNull();
  });

  it('the server address is taken as people write it', () => {
    expect(normalizeServer('https://diary.example.com/')).toBe('https://diary.example.com');
    expect(normalizeServer('localhost:3000')).toBe('http://localhost:3000');
    expect(normalizeServer('http://host/workdiary/api/')).toBe('http://host/workdiary');
  });
});
