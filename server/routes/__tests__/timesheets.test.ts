// The timesheet, approval (by a client and automatic), the client's change of terms, the
// contractor's edits, and the CSV export, through the real app on a real database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, createTestEnv, login, type TestEnv } from '../../test/harness.ts';
import { addSlots, createWorld, type World } from '../../test/fixtures.ts';
import type { Approval, Timesheet } from '../../../contract/timesheet.ts';
import { SLOT_STATES, type Week } from '../../../contract/week.ts';
import { runSweeps } from '../../services/sweeps.ts';

const PREV = '2026-11-16'; // in review at the test clock (Wednesday 2026-11-25 15:00 UTC)
const THIS = '2026-11-23'; // in progress
/** Instant in the week of `week`: day 0 = Monday. */
const at = (week: string, day: number, hh: number, mm: number) =>
  new Date(Date.parse(`${week}T00:00:00Z`) + ((day * 24 + hh) * 60 + mm) * 60_000).toISOString();

type Who = { cookie: string };

describe.each(backends)('timesheets on %s', (backend) => {
  let env: TestEnv;
  let world: World;
  let client: Who;
  let client2: Who;
  let dev: Who;
  let designer: Who;
  let admin: Who;

  beforeAll(async () => {
    env = await createTestEnv(backend);
    world = await createWorld(env.database);
    // Dev (cap 2 h = 12 slots, 60.00 USD/h): previous week, Tuesday 09:00–11:20 = 14 active
    // slots and one idle one: 12 billable, 2 over the limit, 1 inactive.
    await addSlots(env.database, env.blobs, world.contracts.dev, [
      ...Array.from({ length: 14 }, (_, i) => ({ start: at(PREV, 1, 9 + Math.floor(i / 6), (i % 6) * 10), active: 6, memo: `Task ${i}` })),
      { start: at(PREV, 1, 11, 20), active: 0 },
      // This week: a few slots the contractor may still edit.
      { start: at(THIS, 1, 9, 0), active: 5, memo: '=HYPERLINK("http://evil.example")' },
      { start: at(THIS, 1, 9, 10), active: 7 },
      { start: at(THIS, 1, 9, 20), active: 7 },
    ]);
    // Designer (manual time allowed, 45.00 EUR/h, no cap): previous week, 2 slots.
    await addSlots(env.database, env.blobs, world.contracts.designer, [
      { start: at(PREV, 0, 14, 0), manual: true, memo: 'Workshop' },
      { start: at(PREV, 0, 14, 10), active: 6 },
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

  const req = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, who?: Who, payload?: unknown) =>
    env.app.inject({ method, url, headers: who ? { cookie: who.cookie } : {}, ...(payload !== undefined ? { payload: payload as object } : {}) });
  const sheetUrl = (contractId: string, week: string, tz = 'UTC') => `/api/contracts/${contractId}/weeks/${week}/timesheet?tz=${encodeURIComponent(tz)}`;
  const approveUrl = (contractId: string, week: string) => `/api/contracts/${contractId}/weeks/${week}/approval`;
  const slotUrl = (contractId: string, start: string) => `/api/contracts/${contractId}/slots/${start}`;
  const auditCount = async () => (await env.database.query<{ n: number }>('select count(*)::int as n from audit_log'))[0]!.n;

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

  describe("the contractor's edits", () => {
    it('edits a memo of this week, and refuses one over 500 characters', async () => {
      const start = at(THIS, 1, 9, 10);
      const res = await req('PATCH', slotUrl(world.contracts.dev, start), dev, { memo: 'Fixed the flaky test' });
      expect(res.statusCode).toBe(200);
      expect(res.json().memo).toBe('Fixed the flaky test');
      const long = await req('PATCH', slotUrl(world.contracts.dev, start), dev, { memo: 'x'.repeat(501) });
      expect(long.statusCode).toBe(400);
      expect(long.json().errors[0].field).toBe('body.memo');
      expect((await req('PATCH', slotUrl(world.contracts.dev, start), client, { memo: 'mine now' })).statusCode).toBe(403);
      expect((await req('PATCH', slotUrl(world.contracts.dev, start), client2, { memo: 'x' })).statusCode).toBe(404);
    });

    it('deletes a slot: its time goes, its screenshot is erased, the audit keeps the fact', async () => {
      const start = at(THIS, 1, 9, 20);
      const [shot] = await env.database.query<{ sha: string; thumb: string }>(
        `select s.screenshot_sha256 as sha, i.thumb_sha256 as thumb from slots s join screenshots i
            on i.contract_id = s.contract_id and i.sha256 = s.screenshot_sha256 where s.contract_id = $1 and s.start = $2`,
        [world.contracts.dev, start],
      );
      expect(await env.blobs.get(world.contracts.dev, shot!.sha)).not.toBeNull();
      expect((await req('DELETE', slotUrl(world.contracts.dev, start), client)).statusCode).toBe(403);
      expect((await req('DELETE', slotUrl(world.contracts.dev, start), client2)).statusCode).toBe(404);
      const res = await req('DELETE', slotUrl(world.contracts.dev, start), dev);
      expect(res.statusCode).toBe(204);
      expect((await req('GET', slotUrl(world.contracts.dev, start), client)).statusCode).toBe(404);
      expect((await req('GET', `${slotUrl(world.contracts.dev, start)}/thumbnail`, client)).statusCode).toBe(404);
      expect(await env.blobs.get(world.contracts.dev, shot!.sha)).toBeNull();
      expect(await env.blobs.get(world.contracts.dev, shot!.thumb)).toBeNull();
      const week = (await req('GET', `/api/contracts/${world.contracts.dev}/weeks/${THIS}`, client)).json<Week>();
      expect(week.slots.offset).toHaveLength(2);
      const [audit] = await env.database.query<{ actor_id: string; subject: string }>(
        `select actor_id, subject from audit_log where action = 'slot.deleted'`,
      );
      expect(audit).toMatchObject({ actor_id: world.users.dev.id, subject: start });
      // Deleting it again: it is gone.
      expect((await req('DELETE', slotUrl(world.contracts.dev, start), dev)).statusCode).toBe(404);
    });

    it('cannot touch a held slot', async () => {
      const start = at(THIS, 1, 9, 0);
      const [d] = await env.database.query<{ id: string }>(
        `insert into disputes (contract_id, week_start, status, reason, created_by, created_at, answer_due)
         values ($1, $2, 'open', 'low_activity', $3, $4, $5) returning id`,
        [world.contracts.dev, `${THIS}T00:00:00Z`, world.users.client.id, '2026-11-25T15:00:00Z', '2026-11-28T15:00:00Z'],
      );
      await env.database.query(`insert into dispute_slots (contract_id, slot_start, dispute_id, status) values ($1, $2, $3, 'open')`, [
        world.contracts.dev,
        start,
        d!.id,
      ]);
      const del = await req('DELETE', slotUrl(world.contracts.dev, start), dev);
      expect(del.statusCode).toBe(409);
      expect(del.json().detail).toMatch(/held in a dispute/);
      expect((await req('PATCH', slotUrl(world.contracts.dev, start), dev, { memo: 'rewrite history' })).statusCode).toBe(409);
      const week = (await req('GET', `/api/contracts/${world.contracts.dev}/weeks/${THIS}`, client)).json<Week>();
      expect(SLOT_STATES[week.slots.state[0]!]).toBe('held');
    });

    it('cannot edit a week past its edit deadline', async () => {
      const res = await req('DELETE', slotUrl(world.contracts.dev, at(PREV, 1, 9, 0)), dev);
      expect(res.statusCode).toBe(409);
      expect(res.json().detail).toMatch(/approved and locked/);
    });

    it('adds manual time in whole slots where the contract allows it', async () => {
      const body = { start: at(THIS, 2, 8, 0), end: at(THIS, 2, 8, 30), memo: 'Planning call' };
      const notAllowed = await req('POST', `/api/contracts/${world.contracts.dev}/manual-time`, dev, body);
      expect(notAllowed.statusCode).toBe(409);
      expect(notAllowed.json().detail).toMatch(/does not allow manual time/);
      const ok = await req('POST', `/api/contracts/${world.contracts.designer}/manual-time`, designer, body);
      expect(ok.statusCode).toBe(201);
      expect(ok.json().starts).toEqual([at(THIS, 2, 8, 0), at(THIS, 2, 8, 10), at(THIS, 2, 8, 20)].map((s) => new Date(s).toISOString()));
      const overlap = await req('POST', `/api/contracts/${world.contracts.designer}/manual-time`, designer, { ...body, start: at(THIS, 2, 8, 20), end: at(THIS, 2, 8, 40) });
      expect(overlap.statusCode).toBe(409);
      expect(overlap.json().detail).toMatch(/already a slot/);
      // Another contract of the same contractor at the same time: the same 10 minutes cannot be billed twice.
      const twice = await req('POST', `/api/contracts/${world.contracts.globex}/manual-time`, designer, body);
      expect(twice.statusCode).toBe(409);
      const sheet = (await req('GET', sheetUrl(world.contracts.designer, THIS), client)).json<Timesheet>();
      expect(sheet.totals.manual).toBe(30);
    });

    it('refuses bad manual time with the field named', async () => {
      const url = `/api/contracts/${world.contracts.designer}/manual-time`;
      const cases: [unknown, string][] = [
        [{ start: at(THIS, 2, 9, 0), end: at(THIS, 2, 9, 0), memo: 'x' }, 'body.end'],
        [{ start: at(THIS, 2, 9, 5), end: at(THIS, 2, 9, 20), memo: 'x' }, 'body.start'],
        [{ start: at(THIS, 2, 9, 0), end: at(THIS, 2, 9, 20), memo: '' }, 'body.memo'],
        [{ start: at(THIS, 4, 9, 0), end: at(THIS, 4, 9, 20), memo: 'future' }, 'body.end'],
        [{ start: at(THIS, 6, 23, 50), end: at(THIS, 7, 0, 10), memo: 'two weeks' }, 'body.end'],
      ];
      for (const [body, field] of cases) {
        const res = await req('POST', url, designer, body);
        expect(res.statusCode, JSON.stringify(body)).toBe(400);
        expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
      }
    });
  });

  describe('CSV export', () => {
    it('has one row per slot and the totals, and defuses spreadsheet formulas', async () => {
      const res = await req('GET', `/api/contracts/${world.contracts.dev}/weeks/${PREV}/timesheet.csv`, client);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('text/csv');
      expect(res.headers['content-disposition']).toBe(`attachment; filename="workdiary-backend-work-${PREV}.csv"`);
      const lines = res.body.split('\r\n');
      expect(lines[0]).toMatch(/^start_utc,end_utc,kind,state,active_minutes/);
      const slotLines = lines.slice(1, lines.indexOf(''));
      expect(slotLines).toHaveLength(15);
      expect(slotLines.filter((l) => l.includes(',over the limit,'))).toHaveLength(2);
      expect(lines).toContain('billable,120,2.00,120.00');
      const now = (await req('GET', `/api/contracts/${world.contracts.dev}/weeks/${THIS}/timesheet.csv`, client)).body;
      expect(now).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
      expect((await req('GET', `/api/contracts/${world.contracts.dev}/weeks/${PREV}/timesheet.csv`, client2)).statusCode).toBe(404);
    });
  });

  it('the OpenAPI document lists the new routes', async () => {
    const doc = (await req('GET', '/api/openapi.json')).json();
    for (const p of ['/api/contracts/{contractId}/weeks/{weekStart}/timesheet', '/api/contracts/{contractId}/weeks/{weekStart}/approval', '/api/contracts/{contractId}/terms', '/api/contracts/{contractId}/manual-time']) {
      expect(Object.keys(doc.paths)).toContain(p);
    }
  });
});
