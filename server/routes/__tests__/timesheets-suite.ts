// The world the timesheet tests share: the developer's week in review over the limit, the
// designer's manual time, every party signed in, and the requests each test makes.
import { afterAll, beforeAll } from 'vitest';
import { createTestEnv, loginEach, type Backend, type TestEnv, type Who } from '#server/test/harness.ts';
import { addSlots, createWorld, type World } from '#server/test/fixtures.ts';

export const PREV = '2026-11-16'; // in review at the test clock (Wednesday 2026-11-25 15:00 UTC)
export const THIS = '2026-11-23'; // in progress
/** Instant in the week of `week`: day 0 = Monday. */
export const at = (week: string, day: number, hh: number, mm: number) =>
  new Date(Date.parse(`${week}T00:00:00Z`) + ((day * 24 + hh) * 60 + mm) * 60_000).toISOString();
export type { Who };

/**
 * The world of the timesheet tests on `backend`: created before the first test, dropped after
 * the last, a database for each test file that calls it. Returns the request helpers and
 * `state`, filled once the hooks ran.
 */
export function timesheetsSuite(backend: Backend) {
  const state = {} as { env: TestEnv; world: World } & Record<keyof World['users'], Who>;
  let env: TestEnv;
  let world: World;

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
    Object.assign(state, { env, world, ...(await loginEach(env.app, world.users)) });
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
  return { state, req, sheetUrl, approveUrl, slotUrl, auditCount };
}
