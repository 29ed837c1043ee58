// Reading disputes through the real API, and the answer deadline: what each viewer may see, the
// list, and the escalation of overdue disputes.
import { beforeAll, describe, expect, it } from 'vitest';
import { backends, type TestEnv } from '#server/test/harness.ts';
import { addContract, addSlots, slotRun, type World } from '#server/test/fixtures.ts';
import type { Dispute, DisputeSummary } from '#contract/disputes.ts';
import { escalateOverdueDisputes } from '#server/services/dispute-sweep.ts';
import { NOW, WEEK, LAST_WEEK, at, DAY, type Who, disputesSuite } from './disputes-suite.ts';

describe.each(backends)('disputes on %s: reading and the deadline', (backend) => {
  const suite = disputesSuite(backend);
  const { fresh, get, post, refs, openDispute, answer, resolve, withdraw, counts, fields, slotState } = suite;
  let env: TestEnv; let world: World; let client: Who; let client2: Who; let dev: Who; let designer: Who; let admin: Who;
  beforeAll(() => ({ env, world, client, client2, dev, designer, admin } = suite.state));

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
      // Acme's client disputes a slot of each contract and of last week, minutes apart, and withdraws one.
      await addSlots(env.database, env.blobs, world.contracts.designer, slotRun(at(-7, 9, 0), 1, { manual: true }));
      const opened = [];
      for (const [minute, starts, contractId] of [
        [1, await fresh(1), world.contracts.designer],
        [2, await fresh(2), world.contracts.designer],
        [3, [at(1, 9, 0)], world.contracts.dev],
        [4, [at(-7, 9, 0)], world.contracts.designer],
      ] as const) {
        env.clock.set(`2026-11-25T15:0${minute}:00.000Z`);
        opened.push(await openDispute([...starts], contractId));
      }
      expect((await withdraw(opened[0]!.id, client)).statusCode).toBe(200);
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
});
