// The timesheet, its approval (by a client and automatic) and the client’s change of terms, through the real app on a real database.
import { beforeAll, describe, expect, it } from 'vitest';
import { backends, type TestEnv } from '#server/test/harness.ts';
import { type World } from '#server/test/fixtures.ts';
import type { Approval, Timesheet } from '#contract/timesheet.ts';
import { runSweeps } from '#server/services/sweeps.ts';
import { PREV, THIS, type Who, timesheetsSuite } from './timesheets-suite.ts';

describe.each(backends)('timesheets on %s', (backend) => {
  const suite = timesheetsSuite(backend);
  const { req, sheetUrl, approveUrl, auditCount } = suite;
  let env: TestEnv; let world: World; let client: Who; let client2: Who; let dev: Who; let admin: Who;
  beforeAll(() => ({ env, world, client, client2, dev, admin } = suite.state));

  describe('the timesheet', () => {
    it('shows a week in review with per-day minutes by state that add up, and amounts in the currency', async () => {
      const res = await req('GET', sheetUrl(world.contracts.dev, PREV, 'Europe/Berlin'), client);
      expect(res.statusCode).toBe(200);
      const t = res.json<Timesheet>();
      expect(t.status).toBe('in_review');
      expect(t.deadlines).toEqual({
        editUntil: '2026-11-23T12:00:00.000Z',
        reviewFrom: '2026-11-23T12:00:00.000Z',
        reviewUntil: '2026-11-28T00:00:00.000Z',
      });
      expect(t.currency).toBe('USD');
      expect(t.totals).toMatchObject({ billable: 120, overLimit: 20, inactive: 10, held: 0, refunded: 0, total: 150 });
      for (const d of t.days) {
        const m = d.minutes;
        expect(m.billable + m.inactive + m.overLimit + m.held + m.refunded).toBe(m.total);
      }
      expect(t.days.reduce((n, d) => n + d.minutes.total, 0)).toBe(t.totals.total);
      // 12 slots × 6000 ÷ 6 = 12000 minor units.
      expect(t.amounts).toEqual({ billable: 12000, held: 0, refunded: 0 });
      expect(t.terms).toEqual({ hourlyRate: 6000, weeklyLimitHours: 2, manualTimeAllowed: false });
      expect(t.actions.approve).toEqual({ allowed: true, reason: null });
      expect(t.actions.edit.allowed).toBe(false);
    });

    it('tells the contractor what they earn, and why they cannot approve or edit', async () => {
      const t = (await req('GET', sheetUrl(world.contracts.dev, PREV), dev)).json<Timesheet>();
      expect(t.amounts.billable).toBe(12000);
      expect(t.actions.approve.allowed).toBe(false);
      expect(t.actions.approve.reason).toMatch(/client of Acme Robotics/);
      expect(t.actions.edit.reason).toMatch(/Edits closed Monday 23 November 2026 at 12:00 UTC/);
    });

    it('answers 404 to another company, 401 without a session, 400 for a bad week', async () => {
      expect((await req('GET', sheetUrl(world.contracts.dev, PREV), client2)).statusCode).toBe(404);
      expect((await req('GET', sheetUrl(world.contracts.dev, PREV))).statusCode).toBe(401);
      const bad = await req('GET', sheetUrl(world.contracts.dev, '2026-11-17'), client);
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors[0]).toMatchObject({ field: 'params.weekStart' });
    });
  });

  describe('approval', () => {
    it('is refused before the review window, with when it opens', async () => {
      const res = await req('POST', approveUrl(world.contracts.dev, THIS), client);
      expect(res.statusCode).toBe(409);
      expect(res.json().detail).toMatch(/review window opens Monday 30 November 2026 at 12:00 UTC/);
    });

    it('is for the client only: contractor and admin 403, another company 404, no session 401', async () => {
      const before = await auditCount();
      expect((await req('POST', approveUrl(world.contracts.dev, PREV), dev)).statusCode).toBe(403);
      const byAdmin = await req('POST', approveUrl(world.contracts.dev, PREV), admin);
      expect(byAdmin.statusCode).toBe(403);
      expect(byAdmin.json().detail).toMatch(/Only a client of Acme Robotics/);
      expect((await req('POST', approveUrl(world.contracts.dev, PREV), client2)).statusCode).toBe(404);
      expect((await req('POST', approveUrl(world.contracts.dev, PREV))).statusCode).toBe(401);
      expect(await auditCount()).toBe(before);
    });

    it('approves the week in review, locks it, and gives the same approval back when repeated', async () => {
      const first = await req('POST', approveUrl(world.contracts.dev, PREV), client);
      expect(first.statusCode).toBe(200);
      const a = first.json<Approval>();
      expect(a).toMatchObject({
        kind: 'manual',
        weekStart: PREV,
        approvedBy: { id: world.users.client.id, name: 'Casey Client' },
        currency: 'USD',
        terms: { hourlyRate: 6000, weeklyLimitHours: 2 },
        amounts: { billable: 12000, held: 0, refunded: 0 },
        minutes: { billable: 120, overLimit: 20, inactive: 10 },
      });
      env.clock.advance(60_000);
      const again = await req('POST', approveUrl(world.contracts.dev, PREV), client);
      expect(again.statusCode).toBe(200);
      expect(again.json()).toEqual(a);
      env.clock.advance(-60_000);

      const t = (await req('GET', sheetUrl(world.contracts.dev, PREV), client)).json<Timesheet>();
      expect(t.status).toBe('approved');
      expect(t.approval).toEqual(a);
      expect(t.actions.approve).toEqual({ allowed: false, reason: 'This week is approved and locked.' });
      expect(t.actions.dispute.allowed).toBe(false);
      const audit = await env.database.query<{ action: string; actor_id: string }>(
        `select action, actor_id from audit_log where contract_id = $1 and action = 'week.approved'`,
        [world.contracts.dev],
      );
      expect(audit).toEqual([{ action: 'week.approved', actor_id: world.users.client.id }]);
    });

    it('a week whose review window ended reads as auto-approved without a write; the sweep records it once', async () => {
      const saved = env.clock.now();
      env.clock.set('2026-11-28T00:00:00.000Z'); // Saturday 00:00: Friday 23:59:59.999 has passed
      const stored = async () =>
        (
          await env.database.query<{ approvals: number; audit: number }>(
            `select (select count(*)::int from week_approvals) as approvals, (select count(*)::int from audit_log) as audit`,
          )
        )[0]!;
      try {
        const before = await stored();
        const read = (await req('GET', sheetUrl(world.contracts.designer, PREV), client)).json<Timesheet>();
        expect(read.status).toBe('auto_approved');
        expect(read.approval).toMatchObject({ kind: 'auto', approvedBy: null, approvedAt: '2026-11-28T00:00:00.000Z', amounts: read.amounts });
        expect(read.actions.approve.reason).toMatch(/approved automatically/);
        expect((await req('GET', `/api/contracts/${world.contracts.designer}/weeks/${PREV}/timesheet.csv`, client)).statusCode).toBe(200);
        // Neither read wrote the approval nor its audit row.
        expect(await stored()).toEqual(before);

        const [a, b] = await Promise.all([runSweeps(env.database, env.clock.now()), runSweeps(env.database, env.clock.now())]);
        expect(a.autoApproved + b.autoApproved).toBe(1); // the designer's week; dev's is approved already
        expect(await stored()).toEqual({ approvals: before.approvals + 1, audit: before.audit + 1 });
        const t = (await req('GET', sheetUrl(world.contracts.designer, PREV), client)).json<Timesheet>();
        expect(t.status).toBe('auto_approved');
        // The recorded approval is the one the read showed.
        expect(t.approval).toEqual(read.approval);
        const late = await req('POST', approveUrl(world.contracts.designer, PREV), client);
        expect(late.statusCode).toBe(409);
        const rows = await env.database.query(`select * from audit_log where action = 'week.auto_approved'`);
        expect(rows).toHaveLength(1);
        expect(rows[0]).toMatchObject({ actor_id: null });
      } finally {
        env.clock.set(saved);
      }
    });

    it('one millisecond earlier, the same week is still in review', async () => {
      const saved = env.clock.now();
      env.clock.set('2026-11-27T23:59:59.999Z');
      try {
        const t = (await req('GET', sheetUrl(world.contracts.globex, PREV), client2)).json<Timesheet>();
        expect(t.status).toBe('in_review');
      } finally {
        env.clock.set(saved);
      }
    });
  });

  describe('contract terms', () => {
    it('a client changes the cap from the next Monday; this week keeps its terms', async () => {
      const res = await req('PATCH', `/api/contracts/${world.contracts.dev}/terms`, client, { weeklyLimitHours: 5, manualTimeAllowed: true });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        weeklyLimitHours: 2,
        manualTimeAllowed: false,
        nextTerms: { effectiveFrom: '2026-11-30T00:00:00.000Z', weeklyLimitHours: 5, manualTimeAllowed: true, hourlyRate: 6000 },
      });
      expect((await req('GET', sheetUrl(world.contracts.dev, THIS), client)).json<Timesheet>().terms.weeklyLimitHours).toBe(2);
      expect((await req('GET', sheetUrl(world.contracts.dev, '2026-11-30'), client)).json<Timesheet>().terms).toEqual({
        hourlyRate: 6000,
        weeklyLimitHours: 5,
        manualTimeAllowed: true,
      });
      // A second change the same week replaces the first; it keeps what it does not name.
      const again = await req('PATCH', `/api/contracts/${world.contracts.dev}/terms`, client, { weeklyLimitHours: null });
      expect(again.json().nextTerms).toMatchObject({ weeklyLimitHours: null, manualTimeAllowed: true });
    });

    it('refuses the contractor (403), another company (404) and an empty or bad change (400)', async () => {
      expect((await req('PATCH', `/api/contracts/${world.contracts.dev}/terms`, dev, { weeklyLimitHours: 40 })).statusCode).toBe(403);
      expect((await req('PATCH', `/api/contracts/${world.contracts.dev}/terms`, client2, { weeklyLimitHours: 40 })).statusCode).toBe(404);
      expect((await req('PATCH', `/api/contracts/${world.contracts.dev}/terms`, client, {})).statusCode).toBe(400);
      const bad = await req('PATCH', `/api/contracts/${world.contracts.dev}/terms`, client, { weeklyLimitHours: 200 });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors[0].field).toBe('body.weeklyLimitHours');
    });
  });
});
