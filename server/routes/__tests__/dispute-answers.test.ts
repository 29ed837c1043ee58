// A dispute after it opens, through the real API: the contractor’s answers, an admin’s resolution,
// the client’s withdrawal, and the comment thread.
import { beforeAll, describe, expect, it } from 'vitest';
import { backends, type TestEnv } from '#server/test/harness.ts';
import { type World } from '#server/test/fixtures.ts';
import type { Dispute } from '#contract/disputes.ts';
import { NOW, at, type Who, disputesSuite } from './disputes-suite.ts';

describe.each(backends)('disputes on %s: answers, resolutions, withdrawals, comments', (backend) => {
  const suite = disputesSuite(backend);
  const { fresh, get, openDispute, answer, resolve, withdraw, comment, counts, fields } = suite;
  let env: TestEnv; let world: World; let client: Who; let client2: Who; let dev: Who; let designer: Who; let admin: Who;
  beforeAll(() => ({ env, world, client, client2, dev, designer, admin } = suite.state));

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
      expect(adminView.actions).toEqual({ answer: false, withdraw: false, resolve: true, comment: true, originals: false, reason: null });

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
});
