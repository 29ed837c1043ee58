// The demo clock: whatever day the demo starts, a client finds last week in review with days
// left, the developer a dispute to answer and the admin one to settle. Today is kept when it
// already shows all that; otherwise the clock starts at the last Wednesday 15:00 UTC.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DisputeList } from '#contract/disputes.ts';
import type { Timesheet } from '#contract/timesheet.ts';
import type { Tracker } from '#contract/trackers.ts';
import { buildApp, type App } from '#server/app.ts';
import { fixedClock } from '#server/clock.ts';
import { type Database, openDatabase } from '#server/db/client.ts';
import { runSweeps } from '#server/services/sweeps.ts';
import { diskBlobStore } from '#server/storage/blob-store.ts';
import { login } from '#server/test/harness.ts';
import { demoClockStart, demoHasWorkAt } from '../clock.ts';
import { DEMO_PASSWORD, seedDemo } from '../seed.ts';
import { DEMO_DEVICES } from '../trackers.ts';

describe('which clock the demo starts on', () => {
  // Week of Monday 23 November 2026; the Wednesday before it is 18 November.
  const cases: [string, string, string | null][] = [
    ['Saturday', '2026-11-28T10:00:00Z', '2026-11-25T15:00:00.000Z'],
    ['Sunday night', '2026-11-29T23:59:00Z', '2026-11-25T15:00:00.000Z'],
    ['Monday 00:00', '2026-11-23T00:00:00Z', '2026-11-18T15:00:00.000Z'],
    ['Monday 11:00, before the review window opens', '2026-11-23T11:00:00Z', '2026-11-18T15:00:00.000Z'],
    ['Monday 12:00, as the review window opens', '2026-11-23T12:00:00Z', null],
    ['Monday 13:00', '2026-11-23T13:00:00Z', null],
    ['Tuesday', '2026-11-24T09:30:00Z', null],
    ['Wednesday 15:00', '2026-11-25T15:00:00Z', null],
    ['Thursday 10:59', '2026-11-26T10:59:00Z', null],
    ['Thursday 11:00, three hours before the open dispute escalates', '2026-11-26T11:00:00Z', '2026-11-25T15:00:00.000Z'],
    ['Thursday 16:00', '2026-11-26T16:00:00Z', '2026-11-25T15:00:00.000Z'],
    ['Friday', '2026-11-27T12:00:00Z', '2026-11-25T15:00:00.000Z'],
  ];
  for (const [when, today, start] of cases) {
    it(`${when}: ${start ? `starts at ${start}` : 'keeps today'}`, () => {
      expect(demoClockStart(new Date(today))?.toISOString() ?? null).toBe(start);
    });
  }

  it('always starts where the demo has work, at most a week back', () => {
    for (let t = Date.parse('2026-11-16T00:00:00Z'); t < Date.parse('2026-11-30T00:00:00Z'); t += 20 * 60_000) {
      const today = new Date(t);
      const start = demoClockStart(today) ?? today;
      expect(demoHasWorkAt(start), today.toISOString()).toBe(true);
      expect(start <= today && today.getTime() - start.getTime() < 7 * 86_400_000, today.toISOString()).toBe(true);
    }
  });
});

describe('the demo started on a Saturday', () => {
  const SATURDAY = new Date('2026-12-05T11:23:00Z');
  let dir: string;
  let db: Database;
  let app: App;
  let start: Date;

  beforeAll(async () => {
    start = demoClockStart(SATURDAY)!;
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'workdiary-demo-clock-'));
    db = await openDatabase({});
    const blobs = diskBlobStore(path.join(dir, 'blobs'));
    const clock = { ...fixedClock(start), demoStartedAt: start };
    await seedDemo(db, blobs, clock);
    await runSweeps(db, clock.now()); // what the server runs first: nothing is due yet
    app = await buildApp({
      database: db,
      blobs,
      clock,
      config: { login: { maxFailures: 1000, windowMs: 900_000 }, secureCookies: false, trustProxy: false, requestTimeoutMs: 15_000, logLevel: 'silent' },
    });
    await app.ready();
  }, 240_000);

  afterAll(async () => {
    await app?.close();
    await db?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const get = async <T>(url: string, who: { cookie: string }) => {
    const res = await app.inject({ method: 'GET', url, headers: { cookie: who.cookie } });
    expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
    return res.json<T>();
  };

  it('runs on the demo clock from that Wednesday 15:00, and says so', async () => {
    expect(start.toISOString()).toBe('2026-12-02T15:00:00.000Z');
    const health = (await app.inject({ method: 'GET', url: '/api/health' })).json<{ now: string; demoClock: unknown }>();
    expect(health.now).toBe(start.toISOString());
    expect(health.demoClock).toEqual({ startedAt: start.toISOString() });
  });

  it('shows the client last week in review, with days left to approve it', async () => {
    const client = await login(app, 'client@demo.test', DEMO_PASSWORD);
    const { contracts } = await get<{ contracts: { id: string }[] }>('/api/contracts', client);
    expect(contracts.length).toBe(2);
    for (const c of contracts) {
      const sheet = await get<Timesheet>(`/api/contracts/${c.id}/weeks/2026-11-23/timesheet?tz=UTC`, client);
      expect(sheet.status).toBe('in_review');
      expect(Date.parse(sheet.deadlines.reviewUntil) - start.getTime()).toBeGreaterThan(2 * 86_400_000);
    }
  });

  it('has a dispute waiting on the developer and one waiting on the admin', async () => {
    const admin = await login(app, 'admin@demo.test', DEMO_PASSWORD);
    const { disputes } = await get<DisputeList>('/api/disputes?week=2026-11-23', admin);
    const byStatus = (s: string) => disputes.filter((d) => d.status === s);
    expect(byStatus('open').map((d) => d.contractor.name)).toEqual(['Daniel Kowalski']);
    expect(byStatus('open')[0]!.pendingCount).toBeGreaterThan(0);
    expect(Date.parse(byStatus('open')[0]!.answerDue)).toBeGreaterThan(start.getTime());
    expect(byStatus('escalated').map((d) => d.contractor.name)).toEqual(['Leo Martins']);
    expect(byStatus('escalated')[0]!.pendingCount).toBeGreaterThan(0);
  });

  it('gives every contractor the device their slots came from, last used at their last upload', async () => {
    for (const [email, device] of [
      ['dev@demo.test', DEMO_DEVICES.dev],
      ['designer@demo.test', DEMO_DEVICES.designer],
      ['writer@demo.test', DEMO_DEVICES.writer],
    ] as const) {
      const who = await login(app, email, DEMO_PASSWORD);
      const { trackers } = await get<{ trackers: Tracker[] }>('/api/trackers', who);
      expect(trackers.map((t) => [t.deviceName, t.revokedAt])).toEqual([[device, null]]);
      const [{ last }] = await db.query<{ last: Date }>(
        `select max(s.created_at) as last from slots s join users u on u.id = s.contractor_id where u.email = $1 and s.kind = 'tracked'`,
        [email],
      );
      expect(trackers[0]!.lastUsedAt).toBe(new Date(last).toISOString());
      expect(Date.parse(trackers[0]!.lastUsedAt!)).toBeLessThanOrEqual(start.getTime());
    }
  });

  it('started again a week later, has last week in review with a dispute for the developer and one for the admin', async () => {
    const later = demoClockStart(new Date(SATURDAY.getTime() + 7 * 86_400_000))!;
    expect(later.toISOString()).toBe('2026-12-09T15:00:00.000Z');
    const clock = fixedClock(later);
    const blobs = diskBlobStore(path.join(dir, 'blobs'));
    const again = await seedDemo(db, blobs, clock);
    expect(again.firstRun).toBe(false);
    await runSweeps(db, later);
    const byWeek = async (week: string) => {
      const rows = await db.query<{ status: string; email: string }>(
        `select d.status, u.email from disputes d join contracts c on c.id = d.contract_id join users u on u.id = c.contractor_id
          where d.week_start = $1 order by u.email`,
        [`${week}T00:00:00Z`],
      );
      return rows.map((r) => `${r.email} ${r.status}`);
    };
    // The first start's dispute on the developer went unanswered past its 3 days: escalated.
    expect(await byWeek('2026-11-23')).toEqual(['designer@demo.test escalated', 'dev@demo.test escalated']);
    expect(await byWeek('2026-11-30')).toEqual(['designer@demo.test escalated', 'dev@demo.test open']);
  }, 240_000);
});
