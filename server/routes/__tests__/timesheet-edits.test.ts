// The contractor’s edits of a week and the CSV export of its timesheet, through the real app on a real database.
import { beforeAll, describe, expect, it } from 'vitest';
import { backends, type TestEnv } from '#server/test/harness.ts';
import { type World } from '#server/test/fixtures.ts';
import type { Timesheet } from '#contract/timesheet.ts';
import { SLOT_STATES, type Week } from '#contract/week.ts';
import { PREV, THIS, at, type Who, timesheetsSuite } from './timesheets-suite.ts';

describe.each(backends)('timesheets on %s: edits and export', (backend) => {
  const suite = timesheetsSuite(backend);
  const { req, sheetUrl, slotUrl } = suite;
  let env: TestEnv; let world: World; let client: Who; let client2: Who; let dev: Who; let designer: Who;
  beforeAll(() => ({ env, world, client, client2, dev, designer } = suite.state));

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
      expect((await req('GET', slotUrl(world.contracts.dev, start), client)).json().state).toBe('deleted');
      expect((await req('GET', `${slotUrl(world.contracts.dev, start)}/thumbnail`, client)).statusCode).toBe(404);
      expect(await env.blobs.get(world.contracts.dev, shot!.sha)).toBeNull();
      expect(await env.blobs.get(world.contracts.dev, shot!.thumb)).toBeNull();
      const week = (await req('GET', `/api/contracts/${world.contracts.dev}/weeks/${THIS}`, client)).json<Week>();
      expect(week.slots.state.map((i) => SLOT_STATES[i])).toEqual(['billable', 'billable', 'deleted']);
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
      expect(res.json().detail).toMatch(/^Edits closed Monday 23 November 2026 at 12:00 UTC/);
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
