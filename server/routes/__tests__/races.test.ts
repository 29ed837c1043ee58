// Races on PostgreSQL: requests that change the same contract week at the same moment, on
// separate connections. The week's lock must make exactly one of them win, every time, and
// neither may ever answer 500. (PGlite runs one transaction at a time, so these need PostgreSQL.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, login, type TestEnv, type Who } from '#server/test/harness.ts';
import { addContract, addSlots, createWorld, slotRun, type World } from '#server/test/fixtures.ts';
import type { Dispute } from '#contract/disputes.ts';
import type { Approval } from '#contract/timesheet.ts';

const NOW = '2026-11-25T15:00:00.000Z'; // Wednesday: the week of 11-23 is in progress, the week of 11-16 in review
const ROUNDS = 36;


describe.skipIf(!process.env.TEST_DATABASE_URL)('races on postgres', () => {
  let env: TestEnv;
  let world: World;
  let client: Who;
  let designer: Who;

  beforeAll(async () => {
    env = await createTestEnv('postgres', { now: NOW });
    world = await createWorld(env.database);
    client = await login(env.app, world.users.client.email);
    designer = await login(env.app, world.users.designer.email);
  });
  afterAll(async () => {
    await env?.close();
  });

  const dispute = (contractId: string, starts: string[]) =>
    env.app.inject({
      method: 'POST',
      url: '/api/disputes',
      headers: { cookie: client.cookie },
      payload: { slots: starts.map((start) => ({ contractId, start })), reason: 'not_work_related', comment: '' },
    });

  it(`a contractor's delete and a client's dispute of the same slot: exactly one wins (${ROUNDS} rounds)`, async () => {
    // Fresh slots of the week in progress, on the designer's contract: half tracked (with a
    // screenshot to erase), half manual.
    const starts = slotRun('2026-11-23T06:00:00.000Z', ROUNDS).map((s) => s.start);
    await addSlots(
      env.database,
      env.blobs,
      world.contracts.designer,
      starts.map((start, i) => (i % 2 === 0 ? { start, active: 6 } : { start, manual: true })),
    );
    const wins = { delete: 0, dispute: 0 };
    for (const start of starts) {
      const [del, dis] = await Promise.all([
        env.app.inject({ method: 'DELETE', url: `/api/contracts/${world.contracts.designer}/slots/${start}`, headers: { cookie: designer.cookie } }),
        dispute(world.contracts.designer, [start]),
      ]);
      const [row] = await env.database.query<{ deleted: boolean; disputed: boolean }>(
        `select s.deleted_at is not null as deleted,
                exists (select 1 from dispute_slots x where x.contract_id = s.contract_id and x.slot_start = s.start) as disputed
           from slots s where s.contract_id = $1 and s.start = $2`,
        [world.contracts.designer, start],
      );
      const what = `${start}: delete ${del.statusCode} ${del.body} / dispute ${dis.statusCode} ${dis.body.slice(0, 200)}`;
      if (del.statusCode === 204) {
        wins.delete++;
        expect(dis.statusCode, what).toBe(400);
        expect(dis.json().errors, what).toEqual([{ field: 'body.slots.0.start', message: expect.stringMatching(/deleted by the contractor/) }]);
        expect(row, what).toEqual({ deleted: true, disputed: false });
      } else {
        wins.dispute++;
        expect(dis.statusCode, what).toBe(201);
        expect(del.statusCode, what).toBe(409);
        expect(del.json().detail, what).toMatch(/held in a dispute/);
        expect(row, what).toEqual({ deleted: false, disputed: true });
        expect((dis.json() as Dispute).slots[0]!.state).toBe('held');
      }
    }
    expect(wins.delete + wins.dispute).toBe(ROUNDS);
    // The audit trail has one record per winner, and none for a loser.
    const [audit] = await env.database.query<{ deleted: number; opened: number }>(
      `select (count(*) filter (where action = 'slot.deleted'))::int as deleted,
              (count(*) filter (where action = 'dispute.opened'))::int as opened
         from audit_log where contract_id = $1`,
      [world.contracts.designer],
    );
    expect(audit).toEqual({ deleted: wins.delete, opened: wins.dispute });
  });

  it(`an approval and a dispute of the same week: consistent outcome (${ROUNDS} rounds)`, async () => {
    const outcomes = { disputedFirst: 0, approvedFirst: 0 };
    for (let i = 0; i < ROUNDS; i++) {
      // A fresh contract with three billable manual slots in the week of 11-16 (in review now).
      const k = await addContract(env.database, { companyId: world.acme.id, contractorId: world.users.dev.id, title: `Race ${i}`, hourlyRate: 6000 });
      const first = new Date(Date.parse('2026-11-16T00:00:00.000Z') + i * 3 * 600_000).toISOString();
      const starts = slotRun(first, 3).map((s) => s.start);
      await addSlots(env.database, env.blobs, k, starts.map((start) => ({ start, manual: true })));

      const [approve, dis] = await Promise.all([
        env.app.inject({ method: 'POST', url: `/api/contracts/${k}/weeks/2026-11-16/approval`, headers: { cookie: client.cookie } }),
        dispute(k, starts.slice(0, 2)),
      ]);
      const what = `round ${i}: approve ${approve.statusCode} ${approve.body.slice(0, 200)} / dispute ${dis.statusCode} ${dis.body.slice(0, 200)}`;
      expect(approve.statusCode, what).toBe(200);
      const approval = approve.json() as Approval;
      const [order] = await env.database.query<{ opened: number | null; approved: number }>(
        `select (select min(id)::int from audit_log where contract_id = $1 and action = 'dispute.opened') as opened,
                (select min(id)::int from audit_log where contract_id = $1 and action = 'week.approved') as approved`,
        [k],
      );
      const [rows] = await env.database.query<{ disputes: number }>(`select count(*)::int as disputes from disputes where contract_id = $1`, [k]);
      if (dis.statusCode === 201) {
        outcomes.disputedFirst++;
        // The dispute came first: its two slots are held in the approval's snapshot.
        expect(approval.minutes, what).toMatchObject({ held: 20, billable: 10, total: 30 });
        expect(approval.amounts, what).toEqual({ billable: 1000, held: 2000, refunded: 0 });
        expect(order!.opened, what).not.toBeNull();
        expect(order!.opened!, what).toBeLessThan(order!.approved);
        expect(rows!.disputes, what).toBe(1);
      } else {
        outcomes.approvedFirst++;
        expect(dis.statusCode, what).toBe(409);
        expect(dis.json().detail, what).toBe('This week is approved and locked.');
        expect(approval.minutes, what).toMatchObject({ held: 0, billable: 30, total: 30 });
        expect(order!.opened, what).toBeNull();
        expect(rows!.disputes, what).toBe(0);
      }
    }
    expect(outcomes.disputedFirst + outcomes.approvedFirst).toBe(ROUNDS);
  });

  it('turns a slot disputed by a writer that skipped the week’s lock into a 409, not a 500', async () => {
    const [start] = slotRun('2026-11-24T20:00:00.000Z', 1).map((s) => s.start);
    await addSlots(env.database, env.blobs, world.contracts.designer, [{ start: start!, manual: true }]);
    const countDisputes = async () => (await env.database.query<{ n: number }>(`select count(*)::int as n from disputes`))[0]!.n;
    const before = await countDisputes();
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let inserted!: () => void;
    const ready = new Promise<void>((r) => (inserted = r));
    // A transaction that claims the slot without the lock, and commits only when told to.
    const blocker = env.database.transaction(async (tx) => {
      const [d] = await tx.query<{ id: string }>(
        `insert into disputes (contract_id, week_start, status, reason, created_by, created_at, answer_due)
         values ($1, '2026-11-23T00:00:00Z', 'open', 'other', $2, $3, $4) returning id`,
        [world.contracts.designer, world.users.client.id, NOW, '2026-11-28T15:00:00Z'],
      );
      await tx.query(`insert into dispute_slots (contract_id, slot_start, dispute_id, status) values ($1, $2, $3, 'open')`, [
        world.contracts.designer,
        start,
        d!.id,
      ]);
      inserted();
      await held;
    });
    await ready;
    const request = dispute(world.contracts.designer, [start!]);
    // Wait until the API's insert waits on the uncommitted row, then commit that row.
    for (let i = 0; i < 200; i++) {
      const [w] = await env.database.query<{ n: number }>(
        `select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
      );
      if (w!.n > 0) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    release();
    await blocker;
    const res = await request;
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().detail).toMatch(/in another dispute already; a slot can be disputed once/);
    // Only the blocker's dispute: the refused one left nothing behind.
    expect(await countDisputes()).toBe(before + 1);
  });
});
