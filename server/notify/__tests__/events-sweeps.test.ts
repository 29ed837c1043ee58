// The events the minute sweep notices at the clock's now: a week entering its review (Monday
// 12:00 UTC), a review closing in 24 h with nothing approved, a dispute nobody answered, an
// automatic approval, a tracker quiet for 2 working hours. Each once, however often it runs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, createTestEnv, loginEach, type TestEnv, type Who } from '#server/test/harness.ts';
import { addSlots, createWorld, slotRun, type World } from '#server/test/fixtures.ts';
import type { Dispute } from '#contract/disputes.ts';
import { runSweeps } from '../../services/sweeps.ts';
import { workingMsBetween } from '../event-sweeps.ts';
import { when } from '../event-data.ts';
import { eventCount, NOW, request, thisWeekAt, toldTo } from './events-world.ts';

const H = 3_600_000;
const utc = (iso: string) => new Date(iso);

describe('deadlines in messages', () => {
  it('are written to the minute, never later than they are', () => {
    expect(when(new Date('2026-12-03T11:20:14.500Z'))).toBe('Thursday 3 December 2026 at 11:20 UTC');
  });
});

describe('working hours', () => {
  it('counts Monday to Friday, 09:00 to 17:00 in the contract’s zone', () => {
    // Friday 16:00 Berlin (15:00 UTC) to Monday 10:00 Berlin: one hour on Friday, one on Monday.
    expect(workingMsBetween(utc('2026-11-27T15:00:00Z'), utc('2026-11-30T09:00:00Z'), 'Europe/Berlin')).toBe(2 * H);
    // The same instants in New York: Friday 10:00 to Monday 04:00 local is 7 hours of Friday.
    expect(workingMsBetween(utc('2026-11-27T15:00:00Z'), utc('2026-11-30T09:00:00Z'), 'America/New_York')).toBe(7 * H);
    expect(workingMsBetween(utc('2026-11-28T08:00:00Z'), utc('2026-11-29T20:00:00Z'), 'UTC')).toBe(0);
    expect(workingMsBetween(utc('2026-11-30T10:00:00Z'), utc('2026-11-30T09:00:00Z'), 'UTC')).toBe(0);
  });
});

describe.each(backends)('events the sweep notices on %s', (backend) => {
  let env: TestEnv;
  let world: World;
  let who: Record<keyof World['users'], Who>;
  let req: ReturnType<typeof request>;
  const sweepAt = async (iso: string) => {
    env.clock.set(iso);
    return runSweeps(env.database, new Date(iso));
  };
  const told = async (user: keyof World['users'], kind: string) => (await toldTo(env, world.users[user].id)).filter((t) => t.kind === kind);

  beforeAll(async () => {
    env = await createTestEnv(backend, { now: NOW });
    world = await createWorld(env.database);
    // The week of 2026-11-23: the developer tracked on Tuesday, the designer added manual time.
    await addSlots(env.database, env.blobs, world.contracts.dev, slotRun(thisWeekAt(1, 8), 6, { active: 6 }));
    await addSlots(env.database, env.blobs, world.contracts.designer, slotRun(thisWeekAt(1, 9), 2, { manual: true }));
    who = await loginEach(env.app, world.users);
    req = request(env);
  });
  afterAll(async () => {
    await env?.close();
  });

  it('tells the clients once that a week entered its review window, from Monday 12:00 UTC', async () => {
    await sweepAt('2026-11-30T11:59:00Z');
    expect(await told('client', 'week-in-review')).toEqual([]);
    await sweepAt('2026-11-30T12:00:00Z');
    await sweepAt('2026-11-30T12:01:00Z');
    const items = await told('client', 'week-in-review');
    expect(items.map((t) => [t.link, t.body, t.mailed])).toEqual(
      expect.arrayContaining([
        [
          `/contracts/${world.contracts.dev}/review?week=2026-11-23`,
          'Dana Dev’s week of 23–29 Nov 2026 on Backend work is ready for your review, until Friday 4 December 2026 at 23:59:59 UTC.',
          true,
        ],
      ]),
    );
    expect(items).toHaveLength(2); // the developer's and the designer's week; the Globex contract has none
    expect(await told('client2', 'week-in-review')).toEqual([]);
    expect(await told('dev', 'week-in-review')).toEqual([]);
  });

  it('escalates a dispute nobody answered once, telling the client and the admins', async () => {
    env.clock.set('2026-11-30T13:00:00Z');
    const res = await req('POST', '/api/disputes', who.client, { slots: [{ contractId: world.contracts.dev, start: thisWeekAt(1, 8) }], reason: 'low_activity', comment: '' });
    expect(res.statusCode, res.body).toBe(201);
    const d = res.json<Dispute>();
    await sweepAt('2026-12-03T12:59:00Z');
    expect(await told('admin', 'dispute-escalated-admin')).toEqual([]);
    await sweepAt('2026-12-03T13:00:00Z');
    await sweepAt('2026-12-03T13:01:00Z');
    expect((await told('admin', 'dispute-escalated-admin')).map((t) => [t.link, t.body])).toEqual([
      [`/disputes/${d.id}`, 'A dispute on Backend work (Acme Robotics) waits for your decision: the contractor did not answer within 3 days.'],
    ]);
    expect((await told('client', 'dispute-escalated')).map((t) => t.body)).toEqual(['A dispute on Backend work went to an admin (the contractor did not answer within 3 days).']);
    expect(await told('client2', 'dispute-escalated')).toEqual([]);
  });

  it('warns the clients 24 h before the review closes, unless the week was approved', async () => {
    env.clock.set('2026-12-01T10:00:00Z');
    expect((await req('POST', `/api/contracts/${world.contracts.designer}/weeks/2026-11-23/approval`, who.client)).statusCode).toBe(200);
    await sweepAt('2026-12-03T23:59:00Z');
    expect(await told('client', 'review-closing')).toEqual([]);
    await sweepAt('2026-12-04T00:00:00Z');
    await sweepAt('2026-12-04T00:01:00Z');
    expect((await told('client', 'review-closing')).map((t) => [t.link, t.body])).toEqual([
      [
        `/contracts/${world.contracts.dev}/review?week=2026-11-23`,
        'Nothing is approved yet for the week of 23–29 Nov 2026 on Backend work. What is not disputed is approved automatically after Friday 4 December 2026 at 23:59:59 UTC.',
      ],
    ]);
  });

  it('tells the contractor of the automatic approval with the amount, once', async () => {
    await sweepAt('2026-12-05T00:00:00Z');
    await sweepAt('2026-12-05T00:01:00Z');
    // Six slots, one held by the escalated dispute: five at $60/h.
    expect((await told('dev', 'week-approved')).map((t) => [t.link, t.body])).toEqual([
      [`/contracts/${world.contracts.dev}/timesheet?week=2026-11-23`, 'The week of 23–29 Nov 2026 on Backend work was approved automatically, as the review window closed: $50.00.'],
    ]);
  });

  it('tells the contractor once per silence when the tracker has not uploaded for 2 working hours', async () => {
    // Silent since Tuesday: told once, by the first sweep that saw it.
    expect((await told('dev', 'tracker-silent')).map((t) => [t.link, t.body])).toEqual([
      ['/trackers', 'Your tracker on Backend work has not uploaded for 2 working hours, since Tuesday 24 November 2026 at 09:00 UTC. Is it running?'],
    ]);
    // A slot on Saturday, then Monday morning in Berlin: 30 working minutes is no silence yet …
    await addSlots(env.database, env.blobs, world.contracts.dev, slotRun('2026-12-05T10:00:00.000Z', 1, { active: 4 }));
    await sweepAt('2026-12-07T08:30:00Z');
    expect(await told('dev', 'tracker-silent')).toHaveLength(1);
    // … 2 hours is: a new silence, told once.
    await sweepAt('2026-12-07T10:00:00Z');
    await sweepAt('2026-12-07T10:05:00Z');
    expect(await told('dev', 'tracker-silent')).toHaveLength(2);
    expect(await eventCount(env, 'tracker-silent')).toBe(2); // the designer's manual time is no tracker
  });
});
