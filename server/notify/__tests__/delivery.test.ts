// The delivery runner: an emit that commits is mailed without anyone asking, one that rolls
// back sends nothing. On PostgreSQL through graphile-worker: the `deliver` job is added in the
// emitting transaction (and gone with its rollback), and the cron's sweep task runs the sweeps.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fixedClock } from '#server/clock.ts';
import { openDatabase, type Database } from '#server/db/client.ts';
import { backends, createPostgresDatabase } from '#server/test/harness.ts';
import { createWorld, type World } from '#server/test/fixtures.ts';
import { emit } from '../emit.ts';
import { startDelivery, type Delivery } from '../delivery.ts';
import { mailDeliverer } from '../mail-delivery.ts';
import { smtpMailer, type Mailer } from '../smtp.ts';
import { startSmtpSink, type SmtpSink } from './smtp-sink.ts';

const NOW = '2026-11-30T12:00:00Z';

async function waitFor<T>(what: string, probe: () => Promise<T | undefined | false>, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.each(backends)('delivery runner on %s', (backend) => {
  let database: Database;
  let drop = async () => {};
  let world: World;
  let sink: SmtpSink;
  let mailer: Mailer;
  let delivery: Delivery;
  const sweep = vi.fn(async () => {});
  const clock = fixedClock(NOW);

  beforeAll(async () => {
    let url: string | undefined;
    if (backend === 'postgres') {
      const pg = await createPostgresDatabase();
      url = pg.url.toString();
      drop = pg.drop;
    }
    database = await openDatabase(url ? { url } : {});
    world = await createWorld(database);
    sink = await startSmtpSink();
    mailer = smtpMailer(sink.url);
    delivery = await startDelivery(database, { clock, deliverers: [mailDeliverer(mailer)], connectionString: url, sweep, retryMs: 200, log: () => {} });
    // The job the start adds for what was queued before has run: from here only an emit adds one.
    if (url) await waitFor('the first run', async () => (await database.query<{ n: number }>(`select count(*)::int as n from graphile_worker.jobs`))[0]!.n === 0);
  }, 60_000);
  afterAll(async () => {
    await delivery?.stop();
    mailer?.close();
    await sink?.close();
    await database?.close();
    await drop();
  });

  const weekInReview = (key: string) => ({
    kind: 'week-in-review' as const,
    key,
    at: clock.now(),
    contractId: world.contracts.dev,
    data: { path: `/contracts/${world.contracts.dev}/review/2026-11-23`, contract: 'Backend work', contractor: 'Dana Dev', week: '2026-11-23' },
  });

  it('mails an emitted event to the client once it commits, without anyone asking', async () => {
    await database.transaction((tx) => emit(tx, weekInReview('wir:committed')));
    const got = await waitFor('the mail', async () => sink.received.length > 0 && sink.received);
    expect(got.map((m) => m.subject)).toEqual(['Week in review · Backend work']);
    expect(got[0]!.text).toContain('Hello Casey Client,');
    const [row] = await database.query<{ status: string }>(`select status from mails`);
    expect(row!.status).toBe('sent');
  });

  it('sends nothing for an emit that rolled back', async () => {
    const before = sink.ids.length;
    const jobsInside = await database
      .transaction(async (tx) => {
        await emit(tx, weekInReview('wir:rolled-back'));
        const jobs = backend === 'postgres' ? await tx.query<{ n: number }>(`select count(*)::int as n from graphile_worker.jobs where key = 'deliver'`) : [{ n: 1 }];
        throw Object.assign(new Error('rolled back'), { jobs: jobs[0]!.n });
      })
      .catch((err: { jobs: number }) => err.jobs);
    // On PostgreSQL the job was there inside the transaction, and went with it.
    expect(jobsInside).toBe(1);
    await new Promise((r) => setTimeout(r, 1500));
    expect(sink.ids.length).toBe(before);
    expect(await database.query(`select 1 from notification_events where key = 'wir:rolled-back'`)).toEqual([]);
    if (backend === 'postgres') {
      const [jobs] = await database.query<{ n: number }>(`select count(*)::int as n from graphile_worker.jobs where key = 'deliver' and locked_at is null`);
      expect(jobs!.n).toBe(0);
    }
  });

  it('retries a refused mail by itself once its backoff ends', async () => {
    sink.refuse = true;
    await database.transaction((tx) => emit(tx, weekInReview('wir:refused')));
    await waitFor('the refusal', async () => (await database.query<{ e: string }>(`select last_error as e from mails where last_error is not null`)).length > 0);
    const before = sink.ids.length;
    sink.refuse = false;
    clock.advance(31_000);
    // PGlite's loop looks every 200 ms here; on PostgreSQL the cron's retry scan runs each minute, so add its job now.
    if (backend === 'postgres') await database.query(`select graphile_worker.add_job('deliver', job_key := 'deliver')`);
    await waitFor('the retried mail', async () => sink.ids.length > before, 15_000);
    expect(sink.ids.length).toBe(before + 1);
  });

  // PostgreSQL only: on PGlite the in-process loop runs the sweeps (CI skips nothing, so the
  // test is not declared there rather than skipped).
  if (backend === 'postgres') {
    it('runs the deadline sweeps from graphile-worker, with its cron registered', async () => {
      const crons = await database.query<{ identifier: string }>(`select identifier from graphile_worker._private_known_crontabs order by identifier`);
      expect(crons.map((c) => c.identifier)).toEqual(['deliver_retry', 'sweep']);
      sweep.mockClear();
      await database.query(`select graphile_worker.add_job('sweep')`);
      await waitFor('the sweep', async () => sweep.mock.calls.length > 0);
      expect(sweep).toHaveBeenCalledWith(clock.now());
    });
  }
});
