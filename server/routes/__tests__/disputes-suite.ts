// The world the disputes tests share: a designer with manual time, a tracked developer over
// the limit, every party signed in, and the requests each test makes.
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { createTestEnv, loginEach, type Backend, type TestEnv, type Who } from '#server/test/harness.ts';
import { addSlots, createWorld, slotRun, type World } from '#server/test/fixtures.ts';
import type { Dispute } from '#contract/disputes.ts';

export const NOW = '2026-11-25T15:00:00.000Z'; // Wednesday of the week of 2026-11-23
export const WEEK = '2026-11-23';
export const LAST_WEEK = '2026-11-16'; // in its review window at NOW
export const at = (day: number, hh: number, mm: number) => new Date(Date.UTC(2026, 10, 23 + day, hh, mm)).toISOString();
export const DAY = 86_400_000;
export type { Who };

/**
 * The world of the disputes tests on `backend`: created and signed in before the first test,
 * dropped after the last, a database for each test file that calls it. Returns the request
 * helpers and `state`, filled once the hooks ran.
 */
export function disputesSuite(backend: Backend) {
  const state = {} as { env: TestEnv; world: World } & Record<keyof World['users'], Who>;
  let env: TestEnv;
  let world: World;
  let client: Who;
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
    const who = await loginEach(env.app, world.users);
    client = who.client;
    Object.assign(state, { env, world, ...who });
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
  return { state, fresh, req, get, post, refs, openDispute, answer, resolve, withdraw, comment, counts, fields, slotState };
}
