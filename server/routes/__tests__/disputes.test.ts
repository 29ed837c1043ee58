// Disputes through the real API: who may do what, every transition and every refusal, the
// deadline, the audit trail, and that a refused request stores nothing.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { backends, createTestEnv, login, type TestEnv } from '../../test/harness.ts';
import { addContract, addSlots, createWorld, slotRun, type World } from '../../test/fixtures.ts';
import type { Dispute, DisputeSummary } from '../../../contract/disputes.ts';
import { SLOT_MS } from '../../../contract/common.ts';
import { SLOT_STATES, type Week } from '../../../contract/week.ts';
import { escalateOverdueDisputes } from '../../services/dispute-sweep.ts';

const NOW = '2026-11-25T15:00:00.000Z'; // Wednesday of the week of 2026-11-23
const WEEK = '2026-11-23';
const LAST_WEEK = '2026-11-16'; // in its review window at NOW
const at = (day: number, hh: number, mm: number) => new Date(Date.UTC(2026, 10, 23 + day, hh, mm)).toISOString();
const DAY = 86_400_000;

type Who = { cookie: string };

describe.each(backends)('disputes on %s', (backend) => {
  let env: TestEnv;
  let world: World;
  let client: Who;
  let client2: Who;
  let dev: Who;
  let designer: Who;
  let admin: Who;
  /** Next free start for fresh manual slots on the designer's contract (Monday and Tuesday of WEEK). */
  let cursor = Date.parse(at(0, 0, 0));

  beforeAll(async () => {
    env = await createTestEnv(backend, { now: NOW });
    world = await createWorld(env.database);
    // Dev (tracked, cap 2 h = 12 slots, 6000 USD/h) on Tuesday: one active slot, an idle one,
    // a deleted one, then 12 active slots: the last of those is over the limit.
    await addSlots(env.database, env.blobs, world.contracts.dev, [
      { start: at(1, 9, 0), active: 8, memo: 'Planner', title: 'planner.ts — editor' },
      { start: at(1, 9, 10), active: 0, memo: 'Planner' },
      { start: at(1, 9, 30), active: 10, deleted: true },
      ...slotRun(at(1, 10, 0), 12, { active: 7, memo: 'Tests' }),
    ]);
    client = await login(env.app, world.users.client.email);
    client2 = await login(env.app, world.users.client2.email);
    dev = await login(env.app, world.users.dev.email);
    designer = await login(env.app, world.users.designer.email);
    admin = await login(env.app, world.users.admin.email);
  });
  afterAll(async () => {
    await env?.close();
  });
  beforeEach(() => {
    env.clock.set(NOW);
  });

  /** Fresh billable manual slots on the designer's contract (4500 EUR/h, no cap). */
  async function fresh(n: number): Promise<string[]> {
    const specs = slotRun(new Date(cursor).toISOString(), n, { manual: true, memo: 'Wireframes' });
    cursor += n * 600_000;
    await addSlots(env.database, env.blobs, world.contracts.designer, specs);
    return specs.map((s) => s.start);
  }

  const req = (method: 'GET' | 'POST', url: string, who?: Who, payload?: unknown) =>
    env.app.inject({ method, url, headers: who ? { cookie: who.cookie } : {}, ...(payload === undefined ? {} : { payload: payload as object }) });
  const get = (url: string, who?: Who) => req('GET', url, who);
  const post = (url: string, who: Who | undefined, payload?: unknown) => req('POST', url, who, payload ?? {});

  const refs = (contractId: string, starts: string[]) => starts.map((start) => ({ contractId, start }));
  const openDispute = async (starts: string[], contractId = world.contracts.designer, body: Record<string, unknown> = {}) => {
    const res = await post('/api/disputes', client, { slots: refs(contractId, starts), reason: 'low_activity', comment: 'Looks idle', ...body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as Dispute;
  };
  const answer = (id: string, start: string, who: Who | undefined, body: unknown) => post(`/api/disputes/${id}/slots/${start}/answer`, who, body);
  const resolve = (id: string, start: string, who: Who, body: unknown) => post(`/api/disputes/${id}/slots/${start}/resolution`, who, body);
  // The withdrawal has no body, as the dashboard sends it.
  const withdraw = (id: string, who: Who) => req('POST', `/api/disputes/${id}/withdrawal`, who);
  const comment = (id: string, who: Who | undefined, body: unknown) => post(`/api/disputes/${id}/comments`, who, body);

  async function counts() {
    const [r] = await env.database.query<Record<string, number>>(
      `select (select count(*)::int from disputes) as disputes, (select count(*)::int from dispute_slots) as slots,
              (select count(*)::int from dispute_comments) as comments, (select count(*)::int from audit_log) as audit,
              (select count(*)::int from week_approvals) as approvals`,
    );
    return r!;
  }
  const fields = (res: { json(): { errors?: { field: string }[] } }) => (res.json().errors ?? []).map((e) => e.field);
  const slotState = async (contractId: string, start: string, who: Who = client) => (await get(`/api/contracts/${contractId}/slots/${start}`, who)).json();

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
        actions: { answer: false, withdraw: true, resolve: false, comment: true, reason: null },
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
      expect(asDev.actions).toEqual({ answer: true, withdraw: false, resolve: false, comment: true, reason: null });
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

  describe('answering', () => {
    it('accepts and contests per slot: all accepted settles, any contested escalates', async () => {
      const [a, b, c] = await fresh(3);
      const d = await openDispute([a!, b!, c!]);
      expect(d.heldAmount).toBe(2250); // 3 × 4500 ÷ 6

      env.clock.set('2026-11-26T09:00:00.000Z');
      const r1 = await answer(d.id, a!, designer, { answer: 'accept', reply: 'Fair, sorry' });
      expect(r1.statusCode).toBe(200);
      const d1 = r1.json() as Dispute;
      expect(d1).toMatchObject({ status: 'open', pendingCount: 2, heldAmount: 1500, refundedAmount: 750 });
      expect(d1.slots[0]).toMatchObject({ status: 'accepted', state: 'refunded', reply: 'Fair, sorry', answeredAt: '2026-11-26T09:00:00.000Z' });

      const again = await answer(d.id, a!, designer, { answer: 'contest', reply: 'Changed my mind' });
      expect(again.statusCode).toBe(409);
      expect(again.json().detail).toMatch(/already answered \(accepted\)/);

      const noReply = await answer(d.id, b!, designer, { answer: 'contest' });
      expect(noReply.statusCode).toBe(400);
      expect(fields(noReply)).toEqual(['body.reply']);
      const badAnswer = await answer(d.id, b!, designer, { answer: 'maybe' });
      expect(badAnswer.statusCode).toBe(400);
      expect(fields(badAnswer)).toEqual(['body.answer']);

      expect((await answer(d.id, b!, designer, { answer: 'contest', reply: 'This was the workshop prep' })).json().status).toBe('open');
      const last = (await answer(d.id, c!, designer, { answer: 'accept' })).json() as Dispute;
      expect(last).toMatchObject({ status: 'escalated', escalatedAt: '2026-11-26T09:00:00.000Z', closedAt: null, pendingCount: 1 });
      expect(last.slots.map((s) => [s.status, s.state])).toEqual([
        ['accepted', 'refunded'],
        ['contested', 'held'],
        ['accepted', 'refunded'],
      ]);
      expect(last.actions).toMatchObject({ answer: false, reason: expect.stringMatching(/escalated; the contractor can no longer answer/) });
      expect(last.audit.map((e) => [e.action, e.actor?.role ?? null, e.subject])).toEqual([
        ['dispute.opened', 'client', null],
        ['dispute.slot_accepted', 'contractor', a],
        ['dispute.slot_contested', 'contractor', b],
        ['dispute.slot_accepted', 'contractor', c],
        ['dispute.escalated', 'contractor', null],
      ]);
      expect(last.audit[2]).toMatchObject({ before: { status: 'open' }, after: { status: 'contested', reply: 'This was the workshop prep' } });
      expect(last.audit[4]).toMatchObject({ before: { status: 'open' }, after: { status: 'escalated' } });

      const e = await openDispute(await fresh(2));
      await answer(e.id, e.slots[0]!.start, designer, { answer: 'accept' });
      const settled = (await answer(e.id, e.slots[1]!.start, designer, { answer: 'accept' })).json() as Dispute;
      expect(settled).toMatchObject({ status: 'settled', closedAt: '2026-11-26T09:00:00.000Z', heldAmount: 0, refundedAmount: 1500, pendingCount: 0 });
      expect(settled.audit.at(-1)).toMatchObject({ action: 'dispute.settled', before: { status: 'open' }, after: { status: 'settled' } });
      expect(settled.actions).toMatchObject({ answer: false, withdraw: false, comment: true, reason: expect.stringMatching(/settled/) });
      const late = await answer(e.id, e.slots[0]!.start, designer, { answer: 'contest', reply: 'x' });
      expect(late.statusCode).toBe(409);
      expect(late.json().detail).toMatch(/settled; its outcome is final/);
    });

    it('lets only the contractor answer: 403 for the client and the admin, 404 for others', async () => {
      const [a] = await fresh(1);
      const d = await openDispute([a!]);
      const before = await counts();
      const asClient = await answer(d.id, a!, client, { answer: 'accept' });
      expect(asClient.statusCode).toBe(403);
      expect(asClient.json().detail).toMatch(/Only the contractor of this contract answers/);
      expect((await answer(d.id, a!, admin, { answer: 'accept' })).statusCode).toBe(403);
      expect((await answer(d.id, a!, client2, { answer: 'accept' })).statusCode).toBe(404);
      expect((await answer(d.id, a!, dev, { answer: 'accept' })).statusCode).toBe(404); // not his contract
      expect((await answer(d.id, a!, undefined, { answer: 'accept' })).statusCode).toBe(401);
      const notInIt = await answer(d.id, at(0, 23, 50), designer, { answer: 'accept' });
      expect(notInIt.statusCode).toBe(404);
      expect(notInIt.json().detail).toMatch(/in this dispute/);
      const unknown = await answer('00000000-0000-4000-8000-000000000000', a!, designer, { answer: 'accept' });
      expect(unknown.statusCode).toBe(404);
      expect((await answer('nope', a!, designer, { answer: 'accept' })).statusCode).toBe(400);
      expect(await counts()).toEqual(before);
    });
  });

  describe('resolving', () => {
    it('lets an admin resolve the contested slots of an escalated dispute; the last one settles it', async () => {
      const [a, b] = await fresh(2);
      const d = await openDispute([a!, b!]);
      const early = await resolve(d.id, a!, admin, { for: 'client' });
      expect(early.statusCode).toBe(409);
      expect(early.json().detail).toMatch(/This dispute is open; the contractor may answer until/);
      await answer(d.id, a!, designer, { answer: 'contest', reply: 'Real work' });
      await answer(d.id, b!, designer, { answer: 'contest', reply: 'Also real' });

      const before = await counts();
      expect((await resolve(d.id, a!, client, { for: 'client' })).statusCode).toBe(403);
      const asDesigner = await resolve(d.id, a!, designer, { for: 'contractor' });
      expect(asDesigner.statusCode).toBe(403);
      expect(asDesigner.json().detail).toMatch(/Only an admin resolves/);
      expect((await resolve(d.id, a!, client2, { for: 'client' })).statusCode).toBe(404);
      const bad = await resolve(d.id, a!, admin, { for: 'nobody' });
      expect(bad.statusCode).toBe(400);
      expect(fields(bad)).toEqual(['body.for']);
      expect(await counts()).toEqual(before);

      const adminView = (await get(`/api/disputes/${d.id}`, admin)).json() as Dispute;
      expect(adminView.actions).toEqual({ answer: false, withdraw: false, resolve: true, comment: true, reason: null });

      env.clock.set('2026-11-27T10:00:00.000Z');
      const r1 = (await resolve(d.id, a!, admin, { for: 'client', note: 'Screenshot shows a video' })).json() as Dispute;
      expect(r1.status).toBe('escalated');
      expect(r1.slots[0]).toMatchObject({
        status: 'resolved_client',
        state: 'refunded',
        resolvedBy: { id: world.users.admin.id, name: 'Ada Admin' },
        resolvedAt: '2026-11-27T10:00:00.000Z',
        resolutionNote: 'Screenshot shows a video',
      });
      const twice = await resolve(d.id, a!, admin, { for: 'contractor' });
      expect(twice.statusCode).toBe(409);
      expect(twice.json().detail).toMatch(/decided already \(resolved_client\)/);

      const r2 = (await resolve(d.id, b!, admin, { for: 'contractor' })).json() as Dispute;
      expect(r2).toMatchObject({ status: 'settled', closedAt: '2026-11-27T10:00:00.000Z', heldAmount: 0, refundedAmount: 750 });
      expect(r2.slots[1]).toMatchObject({ status: 'resolved_contractor', state: 'billable' });
      expect(r2.audit.slice(-3).map((e) => [e.action, e.actor?.name, e.subject, e.before, e.after])).toEqual([
        ['dispute.slot_resolved', 'Ada Admin', a, { status: 'contested' }, { status: 'resolved_client', for: 'client', note: 'Screenshot shows a video' }],
        ['dispute.slot_resolved', 'Ada Admin', b, { status: 'contested' }, { status: 'resolved_contractor', for: 'contractor', note: '' }],
        ['dispute.settled', 'Ada Admin', null, { status: 'escalated' }, { status: 'settled', reason: 'every slot resolved' }],
      ]);
      expect((await resolve(d.id, b!, admin, { for: 'client' })).json().detail).toMatch(/settled; its outcome is final/);
    });
  });

  describe('withdrawing', () => {
    it('lets the client withdraw an open or escalated dispute; its undecided slots become billable', async () => {
      const [a, b] = await fresh(2);
      const d = await openDispute([a!, b!]);
      const before = await counts();
      const asDesigner = await withdraw(d.id, designer);
      expect(asDesigner.statusCode).toBe(403);
      expect(asDesigner.json().detail).toMatch(/Only a client of the contract’s company may withdraw/);
      expect((await withdraw(d.id, admin)).statusCode).toBe(403);
      expect((await withdraw(d.id, client2)).statusCode).toBe(404);
      expect(await counts()).toEqual(before);

      await answer(d.id, a!, designer, { answer: 'accept' });
      await answer(d.id, b!, designer, { answer: 'contest', reply: 'It was work' });
      const w = (await withdraw(d.id, client)).json() as Dispute;
      expect(w).toMatchObject({ status: 'withdrawn', closedAt: NOW, heldAmount: 0, refundedAmount: 750, pendingCount: 0 });
      // The accepted slot stays refunded; the contested one is billable again.
      expect(w.slots.map((s) => [s.status, s.state])).toEqual([
        ['accepted', 'refunded'],
        ['withdrawn', 'billable'],
      ]);
      expect(w.audit.at(-1)).toMatchObject({
        action: 'dispute.withdrawn',
        actor: { role: 'client' },
        before: { status: 'escalated' },
        after: { status: 'withdrawn', releasedSlots: [b] },
      });
      expect(w.actions).toMatchObject({ withdraw: false, comment: true, reason: expect.stringMatching(/withdrawn by the client/) });
      const twice = await withdraw(d.id, client);
      expect(twice.statusCode).toBe(409);
      expect(twice.json().detail).toMatch(/withdrawn by the client; it is closed/);
      expect((await answer(d.id, a!, designer, { answer: 'accept' })).statusCode).toBe(409);
    });
  });

  describe('comments', () => {
    it('lets every party comment, in any status; the thread is oldest first', async () => {
      const [a] = await fresh(1);
      const d = await openDispute([a!]);
      const c1 = await comment(d.id, client, { body: 'Please explain this slot' });
      expect(c1.statusCode).toBe(201);
      env.clock.set('2026-11-25T16:00:00.000Z');
      expect((await comment(d.id, designer, { body: '  I was on a call  ' })).statusCode).toBe(201);
      env.clock.set('2026-11-25T17:00:00.000Z');
      await answer(d.id, a!, designer, { answer: 'accept' });
      const c3 = await comment(d.id, admin, { body: 'Noted.' });
      expect(c3.statusCode).toBe(201);
      const t = c3.json() as Dispute;
      expect(t.status).toBe('settled');
      expect(t.thread.map((c) => [c.author.name, c.author.role, c.body, c.createdAt])).toEqual([
        ['Casey Client', 'client', 'Please explain this slot', NOW],
        ['Desi Designer', 'contractor', 'I was on a call', '2026-11-25T16:00:00.000Z'],
        ['Ada Admin', 'admin', 'Noted.', '2026-11-25T17:00:00.000Z'],
      ]);
      expect(t.audit.filter((e) => e.action === 'dispute.commented').map((e) => e.after)).toEqual([
        { body: 'Please explain this slot' },
        { body: 'I was on a call' },
        { body: 'Noted.' },
      ]);

      const before = await counts();
      expect((await comment(d.id, client2, { body: 'Hi' })).statusCode).toBe(404);
      expect((await comment(d.id, dev, { body: 'Hi' })).statusCode).toBe(404);
      expect((await comment(d.id, undefined, { body: 'Hi' })).statusCode).toBe(401);
      const empty = await comment(d.id, client, { body: '   ' });
      expect(empty.statusCode).toBe(400);
      expect(fields(empty)).toEqual(['body.body']);
      const long = await comment(d.id, client, { body: 'z'.repeat(2001) });
      expect(long.statusCode).toBe(400);
      expect(fields(long)).toEqual(['body.body']);
      expect(await counts()).toEqual(before);
    });
  });

  describe('reading', () => {
    it('hides a dispute from those who may not see its contract, exactly as if it did not exist', async () => {
      const [a] = await fresh(1);
      const d = await openDispute([a!]);
      const hidden = await get(`/api/disputes/${d.id}`, client2);
      const absent = await get('/api/disputes/00000000-0000-4000-8000-000000000000', client2);
      expect(hidden.statusCode).toBe(404);
      expect(absent.statusCode).toBe(404);
      expect(hidden.json()).toEqual(absent.json());
      expect((await get(`/api/disputes/${d.id}`, dev)).statusCode).toBe(404);
      expect((await get(`/api/disputes/${d.id}`, designer)).statusCode).toBe(200);
      expect((await get(`/api/disputes/${d.id}`, admin)).statusCode).toBe(200);
      expect((await get(`/api/disputes/${d.id}`)).statusCode).toBe(401);
      expect((await get('/api/disputes/not-a-uuid', client)).statusCode).toBe(400);
    });

    it('documents every dispute route in the OpenAPI document', async () => {
      const paths = (await get('/api/openapi.json')).json().paths as Record<string, Record<string, { responses: Record<string, unknown> }>>;
      expect(Object.keys(paths['/api/disputes']!).sort()).toEqual(['get', 'post']);
      expect(Object.keys(paths['/api/disputes']!.post!.responses).sort()).toEqual(['201', '400', '401', '403', '404', '409']);
      expect(Object.keys(paths['/api/disputes/{disputeId}']!)).toEqual(['get']);
      for (const p of ['slots/{start}/answer', 'slots/{start}/resolution', 'withdrawal', 'comments']) {
        expect(Object.keys(paths[`/api/disputes/{disputeId}/${p}`]!)).toEqual(['post']);
      }
    });

    it('lists what the viewer may see, filtered; an admin oldest first, others newest first', async () => {
      // One dispute on another company's contract.
      const gx = await addContract(env.database, { companyId: world.globex.id, contractorId: world.users.dev.id, title: 'Globex ops', currency: 'GBP' });
      await addSlots(env.database, env.blobs, gx, slotRun(at(0, 6, 0), 2, { manual: true }));
      env.clock.set('2026-11-25T15:30:00.000Z');
      const g = await post('/api/disputes', client2, { slots: refs(gx, [at(0, 6, 0), at(0, 6, 10)]), reason: 'outside_scope' });
      expect(g.statusCode).toBe(201);

      const mine = (await get('/api/disputes', client)).json().disputes as DisputeSummary[];
      expect(mine.length).toBeGreaterThan(3);
      expect(mine.every((x) => x.company.id === world.acme.id)).toBe(true);
      expect(mine.map((x) => x.createdAt)).toEqual([...mine.map((x) => x.createdAt)].sort().reverse());

      const theirs = (await get('/api/disputes', client2)).json().disputes as DisputeSummary[];
      expect(theirs).toEqual([
        expect.objectContaining({
          id: g.json().id,
          contract: { id: gx, title: 'Globex ops' },
          contractor: { id: world.users.dev.id, name: 'Dana Dev' },
          weekStart: WEEK,
          status: 'open',
          reason: 'outside_scope',
          slotCount: 2,
          pendingCount: 2,
          currency: 'GBP',
          heldAmount: 2000,
        }),
      ]);

      const all = (await get('/api/disputes', admin)).json().disputes as DisputeSummary[];
      expect(all).toHaveLength(mine.length + 1);
      expect(all.map((x) => x.createdAt)).toEqual([...all.map((x) => x.createdAt)].sort());

      const devs = (await get('/api/disputes', dev)).json().disputes as DisputeSummary[];
      expect(new Set(devs.map((x) => x.contractor.id))).toEqual(new Set([world.users.dev.id]));
      expect(devs.map((x) => x.contract.id)).toContain(gx);

      const byContract = (await get(`/api/disputes?contractId=${world.contracts.dev}`, client)).json().disputes as DisputeSummary[];
      expect(byContract.length).toBeGreaterThan(0);
      expect(byContract.every((x) => x.contract.id === world.contracts.dev)).toBe(true);
      const byWeek = (await get(`/api/disputes?week=${LAST_WEEK}`, client)).json().disputes as DisputeSummary[];
      expect(byWeek.length).toBeGreaterThan(0);
      expect(byWeek.every((x) => x.weekStart === LAST_WEEK)).toBe(true);
      const unsettled = (await get('/api/disputes?status=open,escalated', admin)).json().disputes as DisputeSummary[];
      expect(unsettled.length).toBeGreaterThan(0);
      expect(unsettled.every((x) => x.status === 'open' || x.status === 'escalated')).toBe(true);
      expect(unsettled.length).toBeLessThan(all.length);
      // The list and the dispute agree on the held money.
      const one = (await get(`/api/disputes/${unsettled[0]!.id}`, admin)).json() as Dispute;
      expect(one.heldAmount).toBe(unsettled[0]!.heldAmount);
      expect(one.pendingCount).toBe(unsettled[0]!.pendingCount);
      // Another company's contract filters to nothing, not an error.
      expect((await get(`/api/disputes?contractId=${gx}`, client)).json().disputes).toEqual([]);

      const badStatus = await get('/api/disputes?status=open,closed', client);
      expect(badStatus.statusCode).toBe(400);
      expect(fields(badStatus)).toEqual(['querystring.status']);
      const badWeek = await get('/api/disputes?week=2026-11-24', client);
      expect(badWeek.statusCode).toBe(400);
      expect(fields(badWeek)).toEqual(['querystring.week']);
      expect((await get('/api/disputes')).statusCode).toBe(401);
    });
  });

  describe('the answer deadline', () => {
    it('a read past the answer deadline shows the dispute escalated and writes nothing; the sweep records it', async () => {
      const [a, b] = await fresh(2);
      const d = await openDispute([a!, b!]);
      await answer(d.id, a!, designer, { answer: 'contest', reply: 'Worked' });
      env.clock.set(new Date(Date.parse(d.answerDue) - 1000));
      expect((await get(`/api/disputes/${d.id}`, client)).json().status).toBe('open');

      env.clock.set(d.answerDue);
      const stored = async () => ({
        ...(await counts()),
        row: (await env.database.query(`select status, escalated_at from disputes where id = $1`, [d.id]))[0],
      });
      const before = await stored();
      const seen = (await get(`/api/disputes/${d.id}`, client)).json() as Dispute;
      expect(seen).toMatchObject({ status: 'escalated', escalatedAt: d.answerDue, pendingCount: 2, heldAmount: 1500 });
      expect(seen.actions).toMatchObject({ withdraw: true });
      const asContractor = (await get(`/api/disputes/${d.id}`, designer)).json() as Dispute;
      expect(asContractor.actions).toMatchObject({ answer: false, reason: expect.stringMatching(/escalated/) });
      const listed = (await get(`/api/disputes?status=escalated&contractId=${world.contracts.designer}`, admin)).json().disputes as DisputeSummary[];
      expect(listed.map((x) => [x.id, x.status])).toContainEqual([d.id, 'escalated']);
      const open = (await get(`/api/disputes?status=open`, admin)).json().disputes as DisputeSummary[];
      expect(open.map((x) => x.id)).not.toContain(d.id);
      expect((await slotState(world.contracts.designer, b!)).dispute).toEqual({ id: d.id, status: 'escalated' });
      const sheet = (await get(`/api/contracts/${world.contracts.designer}/weeks/${WEEK}/timesheet`, client)).json();
      // Every unanswered dispute of the week was opened at NOW: all are past their deadline.
      expect(sheet.disputes).toMatchObject({ open: 0, escalated: expect.any(Number) });
      expect(sheet.disputes.escalated).toBeGreaterThanOrEqual(1);
      // The reads wrote nothing: the row is still open, and no audit row was added.
      expect(await stored()).toEqual(before);
      expect(before.row).toEqual({ status: 'open', escalated_at: null });

      // The sweep records it, once, by the system, at the deadline.
      expect(await escalateOverdueDisputes(env.database, env.clock.now())).toContain(d.id);
      const recorded = (await get(`/api/disputes/${d.id}`, client)).json() as Dispute;
      expect(recorded).toMatchObject({ status: 'escalated', escalatedAt: d.answerDue });
      expect(recorded.audit).toHaveLength(seen.audit.length + 1);
      expect(recorded.audit.at(-1)).toEqual({
        id: expect.any(Number),
        at: d.answerDue,
        actor: null,
        action: 'dispute.escalated',
        subject: null,
        before: { status: 'open' },
        after: { status: 'escalated', reason: 'no answer within 3 days' },
      });
      // Reading again adds nothing.
      const again = (await get(`/api/disputes/${d.id}`, designer)).json() as Dispute;
      expect(again.audit).toHaveLength(recorded.audit.length);

      const late = await answer(d.id, b!, designer, { answer: 'accept' });
      expect(late.statusCode).toBe(409);
      expect(late.json().detail).toMatch(/escalated; the contractor can no longer answer/);
      // The admin resolves both: the unanswered one and the contested one.
      await resolve(d.id, b!, admin, { for: 'client' });
      expect((await resolve(d.id, a!, admin, { for: 'contractor' })).json().status).toBe('settled');
    });

    it('refuses an answer past the deadline even when nobody read it since, with the deadline’s reason', async () => {
      const [a] = await fresh(1);
      const d = await openDispute([a!]);
      env.clock.set(new Date(Date.parse(d.answerDue) + 3_600_000));
      const before = (await counts()).audit;
      const late = await answer(d.id, a!, designer, { answer: 'accept' });
      expect(late.statusCode).toBe(409);
      expect(late.json().detail).toMatch(/escalated/);
      // The escalation stays, with its one audit row, though the answer was refused.
      expect((await counts()).audit).toBe(before + 1);
      const rows = await env.database.query<{ status: string }>(`select status from dispute_slots where dispute_id = $1`, [d.id]);
      expect(rows).toEqual([{ status: 'open' }]);
    });

    it('sweeps every overdue dispute once, even when two sweeps run at the same moment', async () => {
      const ids = [(await openDispute(await fresh(1))).id, (await openDispute(await fresh(2))).id];
      const due = new Date(Date.parse(NOW) + 4 * DAY);
      const [x, y] = await Promise.all([escalateOverdueDisputes(env.database, due), escalateOverdueDisputes(env.database, due)]);
      const swept = [...x, ...y];
      for (const id of ids) expect(swept.filter((s) => s === id)).toHaveLength(1);
      expect(await escalateOverdueDisputes(env.database, due)).toEqual([]);
      const audit = await env.database.query<{ n: number }>(
        `select count(*)::int as n from audit_log where action = 'dispute.escalated' and dispute_id = any($1::uuid[])`,
        [ids],
      );
      expect(audit[0]!.n).toBe(2);
      env.clock.set(due);
      const list = (await get('/api/disputes?status=open', admin)).json().disputes as DisputeSummary[];
      expect(list).toEqual([]);
    });
  });
});
