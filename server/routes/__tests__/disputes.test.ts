// Opening a dispute through the real API: who may, every refusal, the deadline, and that a refused
// request stores nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import { backends, type TestEnv } from '#server/test/harness.ts';
import { addContract, addSlots, slotRun, type World } from '#server/test/fixtures.ts';
import type { Dispute } from '#contract/disputes.ts';
import { SLOT_MS } from '#contract/common.ts';
import { SLOT_STATES, type Week } from '#contract/week.ts';
import { NOW, WEEK, LAST_WEEK, at, DAY, type Who, disputesSuite } from './disputes-suite.ts';

describe.each(backends)('disputes on %s: opening', (backend) => {
  const suite = disputesSuite(backend);
  const { fresh, get, post, refs, openDispute, answer, withdraw, counts, fields, slotState } = suite;
  let env: TestEnv; let world: World; let client: Who; let client2: Who; let dev: Who; let designer: Who; let admin: Who;
  beforeAll(() => ({ env, world, client, client2, dev, designer, admin } = suite.state));

  describe('opening a dispute', () => {
    it('holds the slots, gives the contractor 3 days, and records who did what', async () => {
      const d = await openDispute([at(1, 9, 0)], world.contracts.dev, { reason: 'memo_missing_or_wrong', comment: '  Memo says Planner  ' });
      expect(d).toMatchObject({
        contract: { id: world.contracts.dev, title: 'Backend work' },
        company: { id: world.acme.id, name: 'Acme Robotics' },
        contractor: { id: world.users.dev.id, name: 'Dana Dev' },
        weekStart: WEEK,
        status: 'open',
        reason: 'memo_missing_or_wrong',
        comment: 'Memo says Planner',
        createdAt: NOW,
        createdBy: { id: world.users.client.id, name: 'Casey Client' },
        answerDue: new Date(Date.parse(NOW) + 3 * DAY).toISOString(),
        escalatedAt: null,
        closedAt: null,
        slotCount: 1,
        pendingCount: 1,
        currency: 'USD',
        hourlyRate: 6000,
        heldAmount: 1000, // 1 slot × 6000 ÷ 6
        refundedAmount: 0,
        thread: [],
        actions: { answer: false, withdraw: true, resolve: false, comment: true, originals: false, reason: null },
      });
      expect(d.slots).toEqual([
        {
          start: at(1, 9, 0),
          state: 'held',
          status: 'open',
          kind: 'tracked',
          activeMinutes: 8,
          memo: 'Planner',
          windowTitle: 'planner.ts — editor',
          hasScreenshot: true,
          duplicate: false,
          reply: null,
          answeredAt: null,
          resolvedAt: null,
          resolvedBy: null,
          resolutionNote: null,
        },
      ]);
      expect(d.audit).toEqual([
        {
          id: expect.any(Number),
          at: NOW,
          actor: { id: world.users.client.id, name: 'Casey Client', role: 'client' },
          action: 'dispute.opened',
          subject: null,
          before: null,
          after: { reason: 'memo_missing_or_wrong', comment: 'Memo says Planner', slots: [at(1, 9, 0)] },
        },
      ]);
      // Held everywhere at once: the slot, and the week.
      expect(await slotState(world.contracts.dev, at(1, 9, 0))).toMatchObject({ state: 'held', dispute: { id: d.id, status: 'open' } });
      expect(await slotState(world.contracts.dev, at(1, 9, 0), dev)).toMatchObject({ state: 'held' });
      const week = (await get(`/api/contracts/${world.contracts.dev}/weeks/${WEEK}?tz=UTC`, client)).json() as Week;
      const offsetOf = (start: string) => (Date.parse(start) - Date.parse(`${WEEK}T00:00:00Z`)) / SLOT_MS;
      const i = week.slots.offset.indexOf(offsetOf(at(1, 9, 0)));
      const next = week.slots.offset.indexOf(offsetOf(at(1, 9, 10)));
      expect(i).toBeGreaterThanOrEqual(0);
      expect([SLOT_STATES[week.slots.state[i]!], week.slots.disputed[i]]).toEqual(['held', 1]);
      expect(next).toBeGreaterThanOrEqual(0);
      expect(week.slots.disputed[next]).toBe(0);
      expect(SLOT_STATES[week.slots.state[next]!]).not.toBe('held');
      // The contractor sees it with the answer action; the admin sees why not yet.
      const asDev = (await get(`/api/disputes/${d.id}`, dev)).json() as Dispute;
      expect(asDev.actions).toEqual({ answer: true, withdraw: false, resolve: false, comment: true, originals: false, reason: null });
      const asAdmin = (await get(`/api/disputes/${d.id}`, admin)).json() as Dispute;
      expect(asAdmin.actions).toMatchObject({ answer: false, withdraw: false, resolve: false, comment: true });
      expect(asAdmin.actions.reason).toMatch(/open; the contractor may answer until Saturday 28 November 2026 at 15:00 UTC/);
    });

    it('refuses a contractor and an admin with 403 saying who may, and hides another company’s contract as 404', async () => {
      const [s] = await fresh(1);
      const before = await counts();
      const body = { slots: refs(world.contracts.designer, [s!]), reason: 'low_activity', comment: '' };
      const asDesigner = await post('/api/disputes', designer, body);
      expect(asDesigner.statusCode).toBe(403);
      expect(asDesigner.json().detail).toMatch(/Only a client of the contract’s company may dispute/);
      const asAdmin = await post('/api/disputes', admin, body);
      expect(asAdmin.statusCode).toBe(403);
      expect(asAdmin.json().detail).toMatch(/Only a client/);
      const other = await post('/api/disputes', client2, body);
      expect(other.statusCode).toBe(404);
      expect(other.json().detail).toMatch(/contract was not found/);
      expect((await post('/api/disputes', undefined, body)).statusCode).toBe(401);
      expect(await counts()).toEqual(before);
    });

    it('names the field of each bad input with 400 and stores nothing', async () => {
      const [a, b] = await fresh(2);
      const before = await counts();
      const k = world.contracts.designer;
      const cases: [unknown, string][] = [
        [{ slots: [], reason: 'low_activity' }, 'body.slots'],
        [{ slots: [{ contractId: k, start: a }, { contractId: world.contracts.dev, start: at(1, 9, 0) }], reason: 'low_activity' }, 'body.slots.1.contractId'],
        [{ slots: [{ contractId: k, start: a }, { contractId: k, start: at(7, 9, 0) }], reason: 'low_activity' }, 'body.slots.1.start'],
        [{ slots: [{ contractId: k, start: a }, { contractId: k, start: a }], reason: 'low_activity' }, 'body.slots.1.start'],
        [{ slots: [{ contractId: k, start: at(0, 0, 5) }], reason: 'low_activity' }, 'body.slots.0.start'],
        [{ slots: refs(k, [a!]), reason: 'too_expensive' }, 'body.reason'],
        [{ slots: refs(k, [a!]), reason: 'low_activity', comment: 'x'.repeat(2001) }, 'body.comment'],
        [{ slots: refs(k, [a!]), reason: 'other' }, 'body.comment'],
        [{ slots: refs(k, [a!]), reason: 'other', comment: '   ' }, 'body.comment'],
      ];
      for (const [body, field] of cases) {
        const res = await post('/api/disputes', client, body);
        expect(res.statusCode, JSON.stringify(body).slice(0, 200)).toBe(400);
        expect(fields(res)).toContain(field);
        expect(res.json().detail).toContain(field);
      }
      // A slot with no such start, and a deleted one: 400 naming the slot's index.
      const none = await post('/api/disputes', client, { slots: refs(k, [a!, b!, at(6, 23, 50)]), reason: 'low_activity' });
      expect(none.statusCode).toBe(400);
      expect(none.json().errors).toEqual([{ field: 'body.slots.2.start', message: `no slot of this contract starts at ${at(6, 23, 50)}` }]);
      const deleted = await post('/api/disputes', client, { slots: refs(world.contracts.dev, [at(1, 9, 0 + 30)]), reason: 'low_activity' });
      expect(deleted.statusCode).toBe(400);
      expect(deleted.json().errors[0]).toMatchObject({ field: 'body.slots.0.start', message: expect.stringMatching(/deleted by the contractor/) });
      // 2,000 characters is fine.
      expect(await counts()).toEqual(before);
      const long = await openDispute([b!], k, { reason: 'other', comment: 'y'.repeat(2000) });
      expect(long.comment).toHaveLength(2000);
    });

    it('refuses inactive and over-the-limit slots with 409 naming the slot, and stores nothing', async () => {
      const before = await counts();
      const idle = await post('/api/disputes', client, { slots: refs(world.contracts.dev, [at(1, 9, 10)]), reason: 'low_activity' });
      expect(idle.statusCode).toBe(409);
      expect(idle.json().detail).toMatch(/The slot starting Tuesday 24 November 2026 at 09:10 UTC cannot be disputed\. This slot is inactive/);
      expect(idle.json().errors).toEqual([{ field: 'body.slots.0.start', message: expect.stringMatching(/inactive and not billed/) }]);
      // 12-slot cap: the 1st slot (held) plus 10:00–11:40 count; 11:50 is over the limit.
      const over = await post('/api/disputes', client, { slots: refs(world.contracts.dev, [at(1, 11, 40), at(1, 11, 50)]), reason: 'low_activity' });
      expect(over.statusCode).toBe(409);
      expect(over.json().detail).toMatch(/11:50 UTC cannot be disputed\. This slot is over the weekly limit/);
      expect(fields(over)).toEqual(['body.slots.1.start']);
      expect(await counts()).toEqual(before);
      expect(await slotState(world.contracts.dev, at(1, 11, 40))).toMatchObject({ state: 'billable', dispute: null });
    });

    it('disputes a slot once, ever: while held, after withdrawal, and after settlement', async () => {
      const [a, b, c] = await fresh(3);
      const d = await openDispute([a!]);
      const again = await post('/api/disputes', client, { slots: refs(world.contracts.designer, [b!, a!]), reason: 'low_activity' });
      expect(again.statusCode).toBe(409);
      expect(again.json().detail).toMatch(/in a dispute already/);
      expect(fields(again)).toEqual(['body.slots.1.start']);

      expect((await withdraw(d.id, client)).statusCode).toBe(200);
      expect(await slotState(world.contracts.designer, a!)).toMatchObject({ state: 'billable', dispute: { id: d.id, status: 'withdrawn' } });
      const afterWithdrawal = await post('/api/disputes', client, { slots: refs(world.contracts.designer, [a!]), reason: 'low_activity' });
      expect(afterWithdrawal.statusCode).toBe(409);
      expect(afterWithdrawal.json().detail).toMatch(/withdrew; a slot can be disputed once/);

      const e = await openDispute([c!]);
      expect((await answer(e.id, c!, designer, { answer: 'accept' })).json().status).toBe('settled');
      const afterSettled = await post('/api/disputes', client, { slots: refs(world.contracts.designer, [c!]), reason: 'low_activity' });
      expect(afterSettled.statusCode).toBe(409);
      expect(afterSettled.json().detail).toMatch(/refunded in a dispute already; a slot can be disputed only once/);
      // Nothing of the refused requests was stored: one dispute slot each.
      expect((await counts()).slots).toBeGreaterThan(0);
      const rows = await env.database.query<{ n: number }>(
        `select count(*)::int as n from dispute_slots where contract_id = $1 and slot_start = any($2::timestamptz[])`,
        [world.contracts.designer, [a, b, c]],
      );
      expect(rows[0]!.n).toBe(2);
    });

    it('refuses a dispute after the week is approved, and after its review window', async () => {
      const k = await addContract(env.database, { companyId: world.acme.id, contractorId: world.users.dev.id, title: 'Ops', hourlyRate: 3000 });
      await addSlots(env.database, env.blobs, k, slotRun('2026-11-17T08:00:00.000Z', 3, { manual: true }));
      await addSlots(env.database, env.blobs, k, slotRun('2026-11-10T08:00:00.000Z', 2, { manual: true }));
      // A dispute before the approval is held through it.
      const held = await openDispute(['2026-11-17T08:00:00.000Z'], k);
      const approval = await post(`/api/contracts/${k}/weeks/${LAST_WEEK}/approval`, client);
      expect(approval.statusCode, approval.body).toBe(200);
      expect(approval.json().minutes).toMatchObject({ held: 10, billable: 20 });
      const before = await counts();
      const late = await post('/api/disputes', client, { slots: refs(k, ['2026-11-17T08:10:00.000Z']), reason: 'low_activity' });
      expect(late.statusCode).toBe(409);
      expect(late.json().detail).toBe('This week is approved and locked.');
      // The week before last: its review window closed at the end of Friday 20 November.
      const closed = await post('/api/disputes', client, { slots: refs(k, ['2026-11-10T08:00:00.000Z']), reason: 'low_activity' });
      expect(closed.statusCode).toBe(409);
      expect(closed.json().detail).toMatch(/The review window closed Friday 20 November 2026 at 23:59:59 UTC/);
      expect(await counts()).toEqual(before);
      // The held dispute can still be answered after the approval.
      expect((await answer(held.id, '2026-11-17T08:00:00.000Z', dev, { answer: 'accept' })).json()).toMatchObject({ status: 'settled', refundedAmount: 500 });
    });
  });
});
