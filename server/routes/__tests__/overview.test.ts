// The overview (GET /api/overview) through the real app on a real database: what each role
// sees, money that agrees with the timesheet, and nothing of another company.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, createTestEnv, loginEach, type TestEnv, type Who } from '#server/test/harness.ts';
import { addSlots, createWorld, slotRun, type World } from '#server/test/fixtures.ts';
import type { Overview } from '#contract/overview.ts';
import type { Timesheet } from '#contract/timesheet.ts';

const PREV = '2026-11-16'; // in review at the test clock, Wednesday 2026-11-25 15:00 UTC
const THIS = '2026-11-23';
const NOW = '2026-11-25T15:00:00.000Z';

describe.each(backends)('the overview on %s', (backend) => {
  let env: TestEnv;
  let world: World;
  let who: Record<keyof World['users'], Who>;
  let disputeId: string;
  let thisWeekDispute: string;

  beforeAll(async () => {
    env = await createTestEnv(backend, { now: NOW });
    world = await createWorld(env.database);
    // Developer (cap 2 h, 60.00 USD/h): last week 15 active slots on Tuesday (3 over the cap) and
    // an idle one; this week 4 slots on Monday and 2 on Wednesday.
    await addSlots(env.database, env.blobs, world.contracts.dev, [
      ...slotRun(`${PREV}T09:00:00Z`, 15, { active: 6 }),
      { start: `${PREV}T11:30:00Z`, active: 0 },
      ...slotRun(`${THIS}T08:00:00Z`, 4, { active: 7 }),
      ...slotRun('2026-11-25T02:00:00Z', 2, { active: 9 }),
    ]);
    // Designer (45.00 EUR/h, manual time allowed): last week 7 slots (one manual), this week 1.
    await addSlots(env.database, env.blobs, world.contracts.designer, [
      { start: `${PREV}T14:00:00Z`, manual: true, memo: 'Workshop' },
      ...slotRun(`${PREV}T14:10:00Z`, 6, { active: 5 }),
      { start: `${THIS}T10:00:00Z`, active: 4 },
    ]);
    // Globex's contract with the same designer: 3 slots last week.
    await addSlots(env.database, env.blobs, world.contracts.globex, slotRun(`${PREV}T16:00:00Z`, 3, { active: 8 }));
    who = await loginEach(env.app, world.users);
    // The client disputes two of the designer's slots: their money is held.
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/disputes',
      headers: { cookie: who.client.cookie },
      payload: {
        slots: [`${PREV}T14:10:00.000Z`, `${PREV}T14:20:00.000Z`].map((start) => ({ contractId: world.contracts.designer, start })),
        reason: 'low_activity',
      },
    });
    expect(res.statusCode).toBe(201);
    disputeId = res.json<{ id: string }>().id;
    // And one of the developer's slots this week.
    const now = await env.app.inject({
      method: 'POST',
      url: '/api/disputes',
      headers: { cookie: who.client.cookie },
      payload: { slots: [{ contractId: world.contracts.dev, start: `${THIS}T08:00:00.000Z` }], reason: 'not_work_related' },
    });
    expect(now.statusCode).toBe(201);
    thisWeekDispute = now.json<{ id: string }>().id;
  });
  afterAll(async () => {
    env.clock.set(NOW);
    await env?.close();
  });

  const get = async (who?: Who) => env.app.inject({ method: 'GET', url: '/api/overview', headers: who ? { cookie: who.cookie } : {} });
  const overview = async (w: Who) => {
    const res = await get(w);
    expect(res.statusCode).toBe(200);
    return res.json<Overview>();
  };
  const timesheet = async (w: Who, contractId: string, week: string) =>
    (await env.app.inject({ method: 'GET', url: `/api/contracts/${contractId}/weeks/${week}/timesheet?tz=UTC`, headers: { cookie: w.cookie } })).json<Timesheet>();

  it('shows the client one row per contract of their company, with last week in review and this week so far', async () => {
    const o = await overview(who.client);
    expect(o.weekStart).toBe(THIS);
    expect(o.lastWeekStart).toBe(PREV);
    expect(o.contracts.map((c) => c.title).sort()).toEqual(['Backend work', 'Design']);
    const dev = o.contracts.find((c) => c.id === world.contracts.dev)!;
    expect(dev.contractor.name).toBe('Dana Dev');
    expect(dev.lastWeek).toMatchObject({ status: 'in_review', reviewUntil: '2026-11-28T00:00:00.000Z', weeklyLimitHours: 2 });
    // 12 billable (the cap), 3 over it, 1 idle; 12 × 6000 ÷ 6 = 12000.
    expect(dev.lastWeek.minutes).toMatchObject({ billable: 120, overLimit: 30, inactive: 10, total: 160 });
    expect(dev.lastWeek.amounts).toEqual({ billable: 12000, held: 0, refunded: 0 });
    expect(dev.thisWeek.status).toBe('in_progress');
    expect(dev.thisWeek.days.map((d) => d.total)).toEqual([40, 0, 20, 0, 0, 0, 0]);
    expect(dev.thisWeek.days[0]!.date).toBe(THIS);
    const design = o.contracts.find((c) => c.id === world.contracts.designer)!;
    expect(design.disputes).toEqual({ open: 1, escalated: 0 });
  });

  it('has money and hours that agree with the timesheet of the same week, for every contract and both weeks', async () => {
    const o = await overview(who.client);
    for (const c of o.contracts) {
      for (const [week, row] of [[PREV, c.lastWeek], [THIS, c.thisWeek]] as const) {
        const t = await timesheet(who.client, c.id, week);
        expect(row.amounts, `${c.title} ${week}`).toEqual(t.amounts);
        expect(row.minutes, `${c.title} ${week}`).toEqual(t.totals);
        expect(row.status).toBe(t.status);
      }
    }
    const design = o.contracts.find((c) => c.id === world.contracts.designer)!;
    // 2 disputed slots held at 4500/h: 2 × 4500 ÷ 6 = 1500; 5 billable (one manual) = 3750.
    expect(design.lastWeek.amounts).toEqual({ billable: 3750, held: 1500, refunded: 0 });
  });

  it('adds up per currency, never across currencies', async () => {
    const o = await overview(who.client);
    expect(o.totals.map((t) => t.currency)).toEqual(['EUR', 'USD']);
    const usd = o.totals.find((t) => t.currency === 'USD')!;
    expect(usd.lastWeek.amounts).toEqual({ billable: 12000, held: 0, refunded: 0 });
    // This week: 6 slots, one of them held: 5 × 6000 ÷ 6 = 5000, and 1000 held.
    expect(usd.thisWeek.minutes.billable).toBe(50);
    expect(usd.thisWeek.amounts).toEqual({ billable: 5000, held: 1000, refunded: 0 });
    expect(o.totals.find((t) => t.currency === 'EUR')!.lastWeek.amounts.held).toBe(1500);
  });

  it('lists the weeks the client may approve now, and no dispute while it waits on the contractor', async () => {
    const o = await overview(who.client);
    expect(o.needs.reviews.map((r) => [r.contractTitle, r.weekStart, r.amount]).sort()).toEqual([
      ['Backend work', PREV, 12000],
      ['Design', PREV, 3750],
    ]);
    expect(o.needs.disputes).toEqual([]);
    expect(o.lastUpload).toBeNull();
  });

  it('shows the contractor their own contracts, the dispute waiting on their answer, and their last tracked slot', async () => {
    const o = await overview(who.designer);
    expect(o.contracts.map((c) => c.company.name).sort()).toEqual(['Acme Robotics', 'Globex']);
    expect(o.needs.reviews).toEqual([]);
    expect(o.needs.disputes).toHaveLength(1);
    expect(o.needs.disputes[0]).toMatchObject({ id: disputeId, company: { id: world.acme.id, name: 'Acme Robotics' }, status: 'open', pendingCount: 2, heldAmount: 1500, answerDue: '2026-11-28T15:00:00.000Z' });
    expect(o.lastUpload).toBe(`${THIS}T10:00:00.000Z`);
    const dev = await overview(who.dev);
    expect(dev.contracts.map((c) => c.id)).toEqual([world.contracts.dev]);
    expect(dev.needs.disputes.map((d) => d.id)).toEqual([thisWeekDispute]);
  });

  it('shows another company’s client only their own contract, and nothing of Acme', async () => {
    const o = await overview(who.client2);
    expect(o.contracts.map((c) => c.id)).toEqual([world.contracts.globex]);
    expect(o.totals.map((t) => t.currency)).toEqual(['GBP']);
    expect(o.needs.reviews.map((r) => r.contractId)).toEqual([world.contracts.globex]);
    expect(o.needs.disputes).toEqual([]);
    expect(JSON.stringify(o)).not.toContain('Acme');
  });

  it('answers 401 without a session', async () => {
    const res = await get();
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('past the deadlines, shows the dispute escalated and last week approved automatically, without writing either', async () => {
    const count = async () =>
      (await env.database.query<{ n: number }>(`select (select count(*) from week_approvals) + (select count(*) from disputes where status = 'escalated') as n`))[0]!.n;
    const before = Number(await count());
    env.clock.set('2026-11-28T16:00:00.000Z'); // Saturday: the review window and the answer window have closed
    try {
      const client = await overview(who.client);
      const design = client.contracts.find((c) => c.id === world.contracts.designer)!;
      expect(design.lastWeek.status).toBe('auto_approved');
      expect(design.disputes).toEqual({ open: 0, escalated: 1 });
      expect(client.needs.reviews).toEqual([]);
      // Escalated: the contractor's answer is in (or overdue); the client may withdraw or leave it to the admin.
      expect(client.needs.disputes.map((d) => d.id).sort()).toEqual([disputeId, thisWeekDispute].sort());
      expect((await overview(who.admin)).needs.disputes.map((d) => d.id).sort()).toEqual([disputeId, thisWeekDispute].sort());
      expect((await overview(who.designer)).needs.disputes).toEqual([]);
      expect(design.lastWeek.amounts).toEqual((await timesheet(who.client, design.id, PREV)).amounts);
      expect(Number(await count())).toBe(before);
    } finally {
      env.clock.set(NOW);
    }
  });
});
