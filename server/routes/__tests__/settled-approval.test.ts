// The case a newcomer met: a dispute on a week, the week approved automatically with the slots
// held, then an admin settles them. The approval keeps the figures it was made with; the week's
// figures now move by exactly what the settlement moved, so the two reconcile (and the
// timesheet labels which is which).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Timesheet } from '#contract/timesheet.ts';
import { runSweeps } from '#server/services/sweeps.ts';
import { addSlots, createWorld, slotRun, type World } from '#server/test/fixtures.ts';
import { backends, createTestEnv, loginEach, type TestEnv, type Who } from '#server/test/harness.ts';

const WEEK = '2026-11-16'; // in its review window at the test clock, Wednesday 25 November 15:00 UTC
const start = (i: number) => new Date(Date.parse(`${WEEK}T09:00:00Z`) + i * 600_000).toISOString();

describe.each(backends)('an auto-approved week whose dispute settles later, on %s', (backend) => {
  let env: TestEnv;
  let world: World;
  let who: Record<keyof World['users'], Who>;
  beforeAll(async () => {
    env = await createTestEnv(backend);
    world = await createWorld(env.database);
    // Dev: 60.00 USD/h, a 2 h cap: six active slots, all billable (1000 minor units each).
    await addSlots(env.database, env.blobs, world.contracts.dev, slotRun(start(0), 6, { active: 8, memo: 'Planner' }));
    who = await loginEach(env.app, world.users);
  });
  afterAll(async () => {
    await env?.close();
  });

  const req = (method: 'GET' | 'POST', url: string, as: Who, payload?: object) =>
    env.app.inject({ method, url, headers: { cookie: as.cookie }, ...(payload ? { payload } : {}) });
  const sheet = async (as: Who) => (await req('GET', `/api/contracts/${world.contracts.dev}/weeks/${WEEK}/timesheet?tz=UTC`, as)).json<Timesheet>();

  it('keeps the approval’s snapshot, and the figures now differ from it by what was settled', async () => {
    const created = await req('POST', '/api/disputes', who.client, {
      slots: [0, 1, 2].map((i) => ({ contractId: world.contracts.dev, start: start(i) })),
      reason: 'not_work_related',
      comment: 'A news site, not the planner.',
    });
    expect(created.statusCode).toBe(201);
    const disputeId = created.json<{ id: string }>().id;

    // Nobody answers and nobody approves: by Sunday the dispute is escalated and the week approved.
    env.clock.set('2026-11-29T00:00:00.000Z');
    await runSweeps(env.database, env.clock.now());
    const approved = await sheet(who.client);
    expect(approved.status).toBe('auto_approved');
    expect(approved.approval?.amounts).toEqual({ billable: 3000, held: 3000, refunded: 0 });
    expect(approved.amounts).toEqual(approved.approval?.amounts);

    // The admin settles two held slots: one for the client, one for the contractor.
    const resolve = (i: number, side: 'client' | 'contractor') =>
      req('POST', `/api/disputes/${disputeId}/slots/${start(i)}/resolution`, who.admin, { for: side, note: '' });
    expect((await resolve(0, 'client')).statusCode).toBe(200);
    expect((await resolve(1, 'contractor')).statusCode).toBe(200);

    for (const as of [who.client, who.dev]) {
      const now = await sheet(as);
      // The snapshot is as it was approved …
      expect(now.approval?.amounts).toEqual({ billable: 3000, held: 3000, refunded: 0 });
      expect(now.approval?.minutes).toMatchObject({ billable: 30, held: 30, refunded: 0 });
      // … the figures now moved one slot to each side, and nothing else.
      expect(now.amounts).toEqual({ billable: 4000, held: 1000, refunded: 1000 });
      expect(now.totals).toMatchObject({ billable: 40, held: 10, refunded: 10 });
      const sum = (a: { billable: number; held: number; refunded: number }) => a.billable + a.held + a.refunded;
      expect(sum(now.amounts)).toBe(sum(now.approval!.amounts));
    }
    // Another company's client sees neither.
    expect((await req('GET', `/api/contracts/${world.contracts.dev}/weeks/${WEEK}/timesheet?tz=UTC`, who.client2)).statusCode).toBe(404);
  });
});
