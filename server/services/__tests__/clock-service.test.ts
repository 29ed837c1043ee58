// Two servers on one database tell the same time, however far apart they started: the clock's
// origin (WORKDIARY_NOW or the demo's own start) is kept in the database, not in a process.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '#server/db/client.ts';
import { backends, openTestDatabase } from '#server/test/harness.ts';
import { agreeOnClock } from '../clock-service.ts';

const SECOND = 1000;
const ago = (ms: number) => new Date(Date.now() - ms);

describe.each(backends)('the clock every server agrees on (%s)', (backend) => {
  let database: Database;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ database, drop } = await openTestDatabase(backend));
  });
  afterAll(async () => {
    await database.close();
    await drop();
  });

  it('WORKDIARY_NOW: a server started 90 s after the first reads the same time, which has run on', async () => {
    const startAt = new Date('2026-11-25T15:00:00Z');
    const a = await agreeOnClock(database, { startAt, demo: false }, ago(90 * SECOND));
    const b = await agreeOnClock(database, { startAt, demo: false });
    const [ta, tb] = [a.now().getTime(), b.now().getTime()];
    expect(Math.abs(ta - tb)).toBeLessThan(SECOND);
    expect(tb - startAt.getTime()).toBeGreaterThanOrEqual(90 * SECOND);
    expect(tb - startAt.getTime()).toBeLessThan(95 * SECOND);
  });

  it('a new WORKDIARY_NOW starts the clock again at the new instant', async () => {
    const startAt = new Date('2027-01-04T09:00:00Z');
    const clock = await agreeOnClock(database, { startAt, demo: false });
    expect(Math.abs(clock.now().getTime() - startAt.getTime())).toBeLessThan(SECOND);
    expect(clock.demoStartedAt).toBeUndefined();
  });

  describe('the demo', () => {
    // The wall clock is set, so what the stored demo clock reads is known.
    beforeAll(() => {
      vi.useFakeTimers({ toFake: ['Date'] });
    });
    afterAll(() => {
      vi.useRealTimers();
    });

    it('a second server keeps the first one’s demo clock while it has work to show', async () => {
      // Saturday 28 November 2026: the demo's clock starts at Wednesday 25 November 15:00 UTC.
      vi.setSystemTime(new Date('2026-11-28T10:00:00Z'));
      const first = await agreeOnClock(database, { demo: true });
      expect(first.demoStartedAt?.toISOString()).toBe('2026-11-25T15:00:00.000Z');
      vi.setSystemTime(new Date('2026-11-28T12:00:00Z'));
      const second = await agreeOnClock(database, { demo: true });
      expect(second.demoStartedAt?.toISOString()).toBe('2026-11-25T15:00:00.000Z');
      expect(first.now().toISOString()).toBe('2026-11-25T17:00:00.000Z');
      expect(second.now().toISOString()).toBe('2026-11-25T17:00:00.000Z');
    });

    it('once that clock has run past the week’s work, the next start takes a fresh one', async () => {
      // Sunday 6 December: the stored clock reads Thursday 3 December 15:00, too close to
      // the open dispute's escalation; the new one starts at Wednesday 2 December 15:00.
      vi.setSystemTime(new Date('2026-12-06T10:00:00Z'));
      const fresh = await agreeOnClock(database, { demo: true });
      expect(fresh.demoStartedAt?.toISOString()).toBe('2026-12-02T15:00:00.000Z');
      expect(fresh.now().toISOString()).toBe('2026-12-02T15:00:00.000Z');
    });

    it('on a day that has work of its own, today’s time', async () => {
      // Saturday 5 December: a demo clock from Wednesday 2 December 15:00. Tuesday 8 December:
      // it reads Saturday 5 December 15:00, with nothing to do, while today has a week in review.
      vi.setSystemTime(new Date('2026-12-05T10:00:00Z'));
      expect((await agreeOnClock(database, { demo: true })).demoStartedAt?.toISOString()).toBe('2026-12-02T15:00:00.000Z');
      vi.setSystemTime(new Date('2026-12-08T10:00:00Z'));
      const today = await agreeOnClock(database, { demo: true });
      expect(today.demoStartedAt).toBeUndefined();
      expect(today.now().toISOString()).toBe('2026-12-08T10:00:00.000Z');
    });
  });

  it('neither WORKDIARY_NOW nor the demo: today’s time, and the stored origin is gone', async () => {
    const clock = await agreeOnClock(database, { demo: false });
    expect(Math.abs(clock.now().getTime() - Date.now())).toBeLessThan(SECOND);
    const again = await agreeOnClock(database, { startAt: new Date('2026-11-25T15:00:00Z'), demo: false });
    expect(Math.abs(again.now().getTime() - new Date('2026-11-25T15:00:00Z').getTime())).toBeLessThan(SECOND);
  });
});
