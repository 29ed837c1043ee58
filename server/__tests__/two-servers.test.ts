// Two servers, one truth: two real server processes on one fresh PostgreSQL database and one
// S3 server, behind a round-robin proxy, as a company runs workdiary on two machines. Nothing
// a person does may depend on which server answers: sessions, screenshots, uploads, races,
// the sign-in limit, deadlines and the clock are all kept where both servers see them.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '#server/db/client.ts';
import { ORPHAN_AGE_MS, sweepOrphanBlobs } from '#server/services/orphan-sweep.ts';
import { s3BlobStore, type S3BlobStore } from '#server/storage/s3-blob-store.ts';
import { roundRobin, s3Tripwire, startServer, type Balancer, type S3Tripwire, type ServerProcess } from '#server/test/cluster.ts';
import { addContract, addSlots, createWorld, desktopScreenshot, PASSWORD, slotRun, uploadForm, type World } from '#server/test/fixtures.ts';
import { createPostgresDatabase } from '#server/test/harness.ts';
import { startS3, type TestS3 } from '#server/test/s3.ts';

// Friday 20 November 2026, noon: the week of 16 November is in progress, the week of 9 November
// in review, and the week of 2 November passed its review deadline (Saturday 14 November).
const NOW = '2026-11-20T12:00:00.000Z';
const MAX_FAILURES = 6;

describe.skipIf(!process.env.TEST_DATABASE_URL)('two servers on one PostgreSQL and one bucket', () => {
  let pg: Awaited<ReturnType<typeof createPostgresDatabase>>;
  let database: Database;
  let s3: TestS3;
  let store: S3BlobStore;
  let tripwire: S3Tripwire;
  let a: ServerProcess;
  let b: ServerProcess;
  let lb: Balancer;
  let world: World;
  let cookie: string; // the client, signed in on A
  let token: string; // the developer's tracker
  const acknowledged: string[] = [];

  beforeAll(async () => {
    pg = await createPostgresDatabase();
    s3 = await startS3();
    store = s3BlobStore(s3.options);
    tripwire = await s3Tripwire(s3.options.endpoint!);
    database = await openDatabase({ url: pg.url.toString() });
    world = await createWorld(database);
    // Due for auto-approval since 14 November, before either server started.
    await addSlots(database, store, world.contracts.designer, slotRun('2026-11-03T09:00:00.000Z', 6, { manual: true }));
    const env = (endpoint: string) => ({
      DATABASE_URL: pg.url.toString(),
      WORKDIARY_NOW: NOW,
      WORKDIARY_LOGIN_MAX_FAILURES: String(MAX_FAILURES),
      WORKDIARY_S3_BUCKET: s3.options.bucket,
      WORKDIARY_S3_ENDPOINT: endpoint,
      WORKDIARY_S3_ACCESS_KEY_ID: s3.options.accessKeyId!,
      WORKDIARY_S3_SECRET_ACCESS_KEY: s3.options.secretAccessKey!,
      WORKDIARY_S3_FORCE_PATH_STYLE: '1',
    });
    // A reaches S3 through the tripwire, so a test can kill it between its write and its commit.
    a = await startServer(env(tripwire.endpoint));
    b = await startServer(env(s3.options.endpoint!));
    lb = await roundRobin([a.url, b.url]);
  }, 300_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await lb?.close();
    await tripwire?.close();
    await database?.close();
    await s3?.stop();
    await pg?.drop();
  });

  const signIn = (server: string, email: string, password = PASSWORD) =>
    fetch(`${server}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  const cookieOf = (res: Response) => res.headers.getSetCookie().find((c) => c.startsWith('wd_session='))!.split(';')[0]!;
  const get = (server: string, path: string) => fetch(`${server}${path}`, { headers: { cookie } });
  const upload = async (server: string, start: string, shot: Buffer) => {
    const form = await uploadForm(
      { capturedAt: new Date(Date.parse(start) + 207_000).toISOString(), keyboard: Array(10).fill(30), mouse: Array(10).fill(12), memo: 'API', windowTitle: 'api.ts' },
      { bytes: shot },
    );
    return fetch(`${server}/api/contracts/${world.contracts.dev}/slots/${start}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': form.contentType },
      body: new Uint8Array(form.payload),
    });
  };
  const thumbnail = (server: string, start: string) => get(server, `/api/contracts/${world.contracts.dev}/slots/${start}/thumbnail`);

  it('a session made on A reads on B, and the proxy spreads requests over both', async () => {
    const res = await signIn(a.url, world.users.client.email);
    expect(res.status).toBe(200);
    cookie = cookieOf(res);
    const me = await get(b.url, '/api/auth/me');
    expect(me.status).toBe(200);
    expect((await me.json()).email).toBe(world.users.client.email);
    const before = lb.served.length;
    const answers = await Promise.all([1, 2, 3, 4].map(() => get(lb.url, '/api/auth/me')));
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(new Set(lb.served.slice(before))).toEqual(new Set([0, 1]));
  });

  it('B, started after A, tells the same time as A: the clock’s origin is in the database', async () => {
    const [ha, hb] = await Promise.all([a.url, b.url].map(async (u) => (await (await fetch(`${u}/api/health`)).json()) as { now: string }));
    expect(Math.abs(Date.parse(ha!.now) - Date.parse(hb!.now))).toBeLessThan(2000);
    expect(Date.parse(hb!.now)).toBeGreaterThan(Date.parse(NOW));
  });

  it('a slot uploaded through A serves the same thumbnail bytes and ETag through B', async () => {
    const dev = cookieOf(await signIn(b.url, world.users.dev.email));
    const created = await fetch(`${a.url}/api/trackers`, { method: 'POST', headers: { cookie: dev, 'content-type': 'application/json' }, body: JSON.stringify({ deviceName: 'Dev laptop' }) });
    expect(created.status).toBe(201);
    token = ((await created.json()) as { token: string }).token;
    const start = '2026-11-20T08:00:00.000Z';
    const put = await upload(a.url, start, await desktopScreenshot(1));
    expect(put.status).toBe(201);
    acknowledged.push(start);
    const [ta, tb] = await Promise.all([thumbnail(a.url, start), thumbnail(b.url, start)]);
    expect([ta.status, tb.status]).toEqual([200, 200]);
    expect(tb.headers.get('etag')).toBe(ta.headers.get('etag'));
    expect(Buffer.from(await tb.arrayBuffer()).equals(Buffer.from(await ta.arrayBuffer()))).toBe(true);
  });

  it('the same slot sent to A and B at once ends as one row: one 201, one 200', async () => {
    for (const [i, start] of ['2026-11-20T08:10:00.000Z', '2026-11-20T08:20:00.000Z', '2026-11-20T08:30:00.000Z'].entries()) {
      const shot = await desktopScreenshot(10 + i);
      const answers = await Promise.all([upload(a.url, start, shot), upload(b.url, start, shot)]);
      expect(answers.map((r) => r.status).sort()).toEqual([200, 201]);
      const rows = await database.query(`select 1 from slots where contract_id = $1 and start = $2`, [world.contracts.dev, start]);
      expect(rows).toHaveLength(1);
      acknowledged.push(start);
    }
  });

  it('an approval on A racing a dispute on B ends consistent, every round', async () => {
    const outcomes = new Set<string>();
    for (let i = 0; i < 8; i++) {
      const k = await addContract(database, { companyId: world.acme.id, contractorId: world.users.dev.id, title: `Race ${i}`, hourlyRate: 6000 });
      const starts = slotRun(new Date(Date.parse('2026-11-09T00:00:00.000Z') + i * 1_800_000).toISOString(), 3).map((s) => s.start);
      await addSlots(database, store, k, starts.map((start) => ({ start, manual: true })));
      const [approve, dispute] = await Promise.all([
        fetch(`${a.url}/api/contracts/${k}/weeks/2026-11-09/approval`, { method: 'POST', headers: { cookie } }),
        fetch(`${b.url}/api/disputes`, {
          method: 'POST',
          headers: { cookie, 'content-type': 'application/json' },
          body: JSON.stringify({ slots: starts.slice(0, 2).map((start) => ({ contractId: k, start })), reason: 'not_work_related', comment: '' }),
        }),
      ]);
      const approval = (await approve.json()) as { minutes: { held: number; billable: number } };
      const what = `round ${i}: approve ${approve.status} / dispute ${dispute.status} ${JSON.stringify(await dispute.json())}`;
      expect(approve.status, what).toBe(200);
      const [held] = await database.query<{ n: number }>(`select count(*)::int as n from disputes where contract_id = $1`, [k]);
      if (dispute.status === 201) {
        outcomes.add('disputed first');
        expect(approval.minutes, what).toMatchObject({ held: 20, billable: 10 });
        expect(held!.n, what).toBe(1);
      } else {
        outcomes.add('approved first');
        expect(dispute.status, what).toBe(409);
        expect(approval.minutes, what).toMatchObject({ held: 0, billable: 30 });
        expect(held!.n, what).toBe(0);
      }
    }
    expect(outcomes.size).toBeGreaterThan(0);
  });

  it('wrong passwords split across A and B still reach the limit on both', async () => {
    const email = world.users.client2.email;
    for (let i = 0; i < MAX_FAILURES; i++) expect((await signIn(i % 2 ? b.url : a.url, email, 'not-the-password')).status).toBe(401);
    const [ra, rb] = await Promise.all([signIn(a.url, email), signIn(b.url, email)]);
    expect([ra.status, rb.status]).toEqual([429, 429]);
    expect(ra.headers.get('retry-after')).toBeTruthy();
  });

  it('an auto-approval due at a deadline happens once, with both servers reading and sweeping', async () => {
    const url = `/api/contracts/${world.contracts.designer}/weeks/2026-11-02/timesheet`;
    const reads = await Promise.all(Array.from({ length: 12 }, (_, i) => get(i % 2 ? b.url : a.url, url)));
    expect(reads.map((r) => r.status)).toEqual(Array(12).fill(200));
    // graphile-worker's cron sweeps once a minute, on one server per tick.
    const approvals = async () =>
      database.query<{ kind: string }>(`select kind from week_approvals where contract_id = $1 and week_start = '2026-11-02'`, [world.contracts.designer]);
    for (let waited = 0; (await approvals()).length === 0 && waited < 100_000; waited += 1000) await new Promise((r) => setTimeout(r, 1000));
    await Promise.all(Array.from({ length: 6 }, (_, i) => get(i % 2 ? b.url : a.url, url)));
    expect(await approvals()).toEqual([{ kind: 'auto' }]);
    const [audit] = await database.query<{ n: number }>(`select count(*)::int as n from audit_log where contract_id = $1 and action = 'week.auto_approved'`, [world.contracts.designer]);
    expect(audit!.n).toBe(1);
    const timesheet = (await (await get(b.url, url)).json()) as { status: string };
    expect(timesheet.status).toBe('auto_approved');
  }, 150_000);

  it('kill -9 of A between its S3 write and its commit: no acknowledged slot lost, the object swept later', async () => {
    const start = '2026-11-20T09:00:00.000Z';
    const shot = await desktopScreenshot(99);
    const sha = createHash('sha256').update(shot).digest('hex');
    const died = new Promise((r) => a.child.once('exit', r));
    const fired = tripwire.arm(`/${sha}`, a.child);
    const cut = await upload(a.url, start, shot).then((r) => r.status, (err: Error) => err.name);
    await fired;
    await died;
    expect(cut).toBe('TypeError'); // the tracker never heard an answer: it keeps the slot and sends it again
    expect(await store.get(world.contracts.dev, sha)).not.toBeNull();
    expect(await database.query(`select 1 from slots where contract_id = $1 and start = $2`, [world.contracts.dev, start])).toHaveLength(0);

    // Every acknowledged slot still serves, through the proxy (which now reaches only B).
    for (const s of acknowledged) expect((await thumbnail(lb.url, s)).status, s).toBe(200);

    // The sweep spares the fresh object (its upload's intent is recent), and deletes it an hour on.
    await sweepOrphanBlobs(database, store, new Date(Date.now() - ORPHAN_AGE_MS));
    expect(await store.get(world.contracts.dev, sha)).not.toBeNull();
    expect(await sweepOrphanBlobs(database, store, new Date(Date.now() + 1000))).toBeGreaterThanOrEqual(1);
    expect(await store.get(world.contracts.dev, sha)).toBeNull();
    for (const s of acknowledged) expect((await thumbnail(lb.url, s)).status, s).toBe(200);

    // The tracker sends the slot again; B stores it whole.
    expect((await upload(lb.url, start, shot)).status).toBe(201);
    expect((await thumbnail(lb.url, start)).status).toBe(200);
  }, 60_000);
});
