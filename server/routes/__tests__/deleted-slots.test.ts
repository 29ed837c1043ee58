// A slot the contractor deleted: the week and the slot's detail say so and when, so it never
// reads as untracked time, while no figure (minutes, cap, amounts, CSV) counts it.
import { beforeAll, describe, expect, it } from 'vitest';
import type { World } from '#server/test/fixtures.ts';
import type { Timesheet } from '#contract/timesheet.ts';
import { SLOT_STATES, type SlotDetail, type Week } from '#contract/week.ts';
import { backends, type TestEnv } from '#server/test/harness.ts';
import { PREV, THIS, at, type Who, timesheetsSuite } from './timesheets-suite.ts';

const NOW = '2026-11-25T15:00:00.000Z'; // the test clock

describe.each(backends)('deleted slots on %s', (backend) => {
  const suite = timesheetsSuite(backend);
  const { req, sheetUrl, slotUrl } = suite;
  let env: TestEnv; let world: World; let client: Who; let client2: Who; let dev: Who; let admin: Who;
  beforeAll(() => ({ env, world, client, client2, dev, admin } = suite.state));

  const week = async (w: string) => (await req('GET', `/api/contracts/${world.contracts.dev}/weeks/${w}`, client)).json<Week>();
  const sheet = async (w: string) => (await req('GET', sheetUrl(world.contracts.dev, w), client)).json<Timesheet>();
  const stateOf = (w: Week, start: string) => {
    const i = w.slots.offset.indexOf((Date.parse(start) - Date.parse(w.start)) / 600_000);
    return { state: SLOT_STATES[w.slots.state[i]!], deletedAt: w.slots.deletedAt[i], shot: w.slots.shot[i] };
  };

  it('keeps a slot the contractor deletes in the week, as deleted at that time, and takes only its 10 minutes off', async () => {
    const start = at(THIS, 1, 9, 10);
    const [weekBefore, sheetBefore] = [await week(THIS), await sheet(THIS)];
    expect(stateOf(weekBefore, start)).toEqual({ state: 'billable', deletedAt: null, shot: 1 });

    expect((await req('DELETE', slotUrl(world.contracts.dev, start), dev)).statusCode).toBe(204);

    const [weekAfter, sheetAfter] = [await week(THIS), await sheet(THIS)];
    expect(weekAfter.slots.offset).toEqual(weekBefore.slots.offset);
    expect(stateOf(weekAfter, start)).toEqual({ state: 'deleted', deletedAt: NOW, shot: 0 });
    expect(weekAfter.totals).toEqual({ ...weekBefore.totals, billable: weekBefore.totals.billable - 10, total: weekBefore.totals.total - 10 });
    expect(sheetAfter.totals).toEqual(weekAfter.totals);
    // 60.00 USD an hour: one slot is 10.00 USD.
    expect(sheetAfter.amounts.billable).toBe(sheetBefore.amounts.billable - 1000);
    const csv = (await req('GET', `/api/contracts/${world.contracts.dev}/weeks/${THIS}/timesheet.csv`, client)).body;
    expect(csv).not.toMatch(/^2026-11-24T09:10/m);
    expect(csv).toMatch(/^2026-11-24T09:20/m);
  });

  it('answers the deleted slot’s detail with when, without its screenshot, to the client and the admin only', async () => {
    const start = at(THIS, 1, 9, 10);
    for (const who of [client, admin, dev]) {
      const res = await req('GET', slotUrl(world.contracts.dev, start), who);
      expect(res.statusCode).toBe(200);
      expect(res.json<SlotDetail>()).toMatchObject({ state: 'deleted', deletedAt: NOW, screenshot: null, memo: '', activeMinutes: 0 });
    }
    expect((await req('GET', slotUrl(world.contracts.dev, start), client2)).statusCode).toBe(404);
    expect((await req('GET', `${slotUrl(world.contracts.dev, start)}/thumbnail`, client)).statusCode).toBe(404);
    expect((await req('GET', slotUrl(world.contracts.dev, at(THIS, 1, 9, 20)), client)).json<SlotDetail>().deletedAt).toBeNull();
  });

  it('runs the weekly cap over the live slots only: a deleted slot frees its place under it', async () => {
    // Last week: 14 active slots against a 12-slot cap, so 2 over the limit, and 1 inactive.
    expect((await sheet(PREV)).totals).toMatchObject({ billable: 120, overLimit: 20, inactive: 10 });
    const start = at(PREV, 1, 9, 0);
    await env.database.query(`update slots set deleted_at = $3, screenshot_sha256 = null where contract_id = $1 and start = $2`, [
      world.contracts.dev,
      start,
      '2026-11-21T08:00:00Z',
    ]);
    const w = await week(PREV);
    expect(stateOf(w, start)).toEqual({ state: 'deleted', deletedAt: '2026-11-21T08:00:00.000Z', shot: 0 });
    expect(w.totals).toMatchObject({ billable: 120, overLimit: 10, inactive: 10, total: 140 });
    const s = await sheet(PREV);
    expect(s.totals).toEqual(w.totals);
    expect(s.amounts.billable).toBe(12_000);
  });
});
