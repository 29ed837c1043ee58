// Mail delivery against a real SMTP server: a queued mail arrives once, as rendered, with its
// Message-ID and List-Unsubscribe; a refusing or absent server leaves it waiting with the
// error, and it arrives once the server is back; two runs at once send each mail once; without
// an SMTP server mails are kept for the outbox; after a day of failures a mail is failed.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { backends, createTestEnv, type TestEnv } from '#server/test/harness.ts';
import { newMessageId, queueMails } from '../emit.ts';
import { renderEvent } from '../render.ts';
import { deliverDueMails, MAIL_GIVE_UP_MS, MAIL_LEASE_MS } from '../mail-delivery.ts';
import { claimDueMails } from '#server/data/mails.ts';
import { smtpMailer, type Mailer } from '../smtp.ts';
import { startSmtpSink, type SmtpSink } from './smtp-sink.ts';

const T0 = new Date('2026-11-30T12:00:00Z');

/** Queues `n` rendered mails to distinct people; returns their Message-IDs. */
async function queue(env: TestEnv, n: number, at = T0): Promise<string[]> {
  const mails = Array.from({ length: n }, (_, i) => {
    const messageId = newMessageId();
    const { mail } = renderEvent('week-in-review', { path: '/contracts/c1/review/2026-11-23', contract: 'Backend work', contractor: 'Dana Dev', week: '2026-11-23' }, { base: 'https://diary.example.com', recipientName: `Person ${i}`, messageId });
    return { userId: null, to: `person${i}@example.com`, messageId, ...mail };
  });
  await env.database.transaction((tx) => queueMails(tx, null, 'week-in-review', at, mails));
  return mails.map((m) => m.messageId);
}

const statuses = async (env: TestEnv) =>
  env.database.query<{ status: string; attempts: number; last_error: string | null; next_attempt_at: Date }>(`select status, attempts, last_error, next_attempt_at from mails order by id`);

describe.each(backends)('mail delivery on %s', (backend) => {
  let env: TestEnv;
  let sink: SmtpSink;
  let mailer: Mailer;

  beforeAll(async () => {
    env = await createTestEnv(backend);
    sink = await startSmtpSink();
    mailer = smtpMailer(sink.url, 'workdiary <no-reply@diary.example.com>');
  });
  afterEach(async () => {
    await env.database.query(`delete from mails`);
    sink.received.length = 0;
    sink.ids.length = 0;
    sink.refuse = false;
  });
  afterAll(async () => {
    mailer?.close();
    await sink?.close();
    await env?.close();
  });

  it('sends a queued mail once, as rendered, with its Message-ID and List-Unsubscribe', async () => {
    const [id] = await queue(env, 1);
    expect(await deliverDueMails(env.database, T0, mailer)).toBe(1);
    expect(await deliverDueMails(env.database, new Date(T0.getTime() + 3_600_000), mailer)).toBe(0);

    expect(sink.received).toHaveLength(1);
    const m = sink.received[0]!;
    expect(m.messageId).toBe(`<${id}>`);
    expect(m.to && !Array.isArray(m.to) ? m.to.value[0]!.address : null).toBe('person0@example.com');
    expect(m.from?.value[0]).toMatchObject({ address: 'no-reply@diary.example.com', name: 'workdiary' });
    expect(m.subject).toBe('Week in review · Backend work');
    expect(m.text).toContain('Hello Person 0,');
    expect(m.text).toContain('Open in workdiary: https://diary.example.com/contracts/c1/review/2026-11-23');
    expect(m.html).toContain('<a href="https://diary.example.com/contracts/c1/review/2026-11-23"');
    expect(m.headers.get('list')).toMatchObject({ unsubscribe: { url: `https://diary.example.com/unsubscribe/${encodeURIComponent(id!)}` } });
    const [row] = await statuses(env);
    expect(row).toMatchObject({ status: 'sent', attempts: 1, last_error: null });
  });

  it('keeps a mail refused by the server waiting with the error, and sends it when the server takes it', async () => {
    await queue(env, 2);
    sink.refuse = true;
    expect(await deliverDueMails(env.database, T0, mailer)).toBe(0);
    const waiting = await statuses(env);
    expect(waiting.map((r) => r.status)).toEqual(['pending', 'pending']);
    expect(waiting[0]!.last_error).toMatch(/451.*Mailbox busy/);
    expect(new Date(waiting[0]!.next_attempt_at).getTime()).toBe(T0.getTime() + 30_000);
    expect(sink.ids).toHaveLength(0);

    // Not due before its backoff ends; then it goes, once.
    sink.refuse = false;
    expect(await deliverDueMails(env.database, new Date(T0.getTime() + 29_000), mailer)).toBe(0);
    expect(await deliverDueMails(env.database, new Date(T0.getTime() + 30_000), mailer)).toBe(2);
    expect(sink.ids).toHaveLength(2);
    expect((await statuses(env)).map((r) => [r.status, r.attempts, r.last_error])).toEqual([
      ['sent', 2, null],
      ['sent', 2, null],
    ]);
  });

  it('keeps a mail waiting while no server answers, and backs off further each time', async () => {
    await queue(env, 1);
    const down = smtpMailer('smtp://127.0.0.1:1');
    try {
      await deliverDueMails(env.database, T0, down);
      await deliverDueMails(env.database, new Date(T0.getTime() + 30_000), down);
    } finally {
      down.close();
    }
    const [row] = await statuses(env);
    expect(row).toMatchObject({ status: 'pending', attempts: 2 });
    expect((await env.database.query<{ sent_at: Date | null }>(`select sent_at from mails`))[0]!.sent_at).toBeNull();
    expect(row!.last_error).toMatch(/ECONNREFUSED|connect/i);
    expect(new Date(row!.next_attempt_at).getTime()).toBe(T0.getTime() + 30_000 + 60_000);
  });

  it('sends each mail once when two runs go at once', async () => {
    const ids = await queue(env, 60);
    const other = smtpMailer(sink.url);
    try {
      const [a, b] = await Promise.all([deliverDueMails(env.database, T0, mailer), deliverDueMails(env.database, T0, other)]);
      expect(a + b).toBe(60);
    } finally {
      other.close();
    }
    expect([...sink.ids].sort()).toEqual([...ids].sort());
    expect((await statuses(env)).every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
  });

  it('sends a mail again whose sender died before marking it, once the claim is gone', async () => {
    const [id] = await queue(env, 1);
    if (backend === 'postgres') {
      // The claim is held by the sender's transaction: a dead server's connection rolls it back.
      await env.database.transaction(async (tx) => {
        expect(await claimDueMails(tx, T0, 1, MAIL_LEASE_MS)).toHaveLength(1);
        throw new Error('killed');
      }).catch(() => {});
      expect(await deliverDueMails(env.database, T0, mailer)).toBe(1);
    } else {
      // PGlite: the claim committed and its lease must end first.
      expect(await claimDueMails(env.database, T0, 1, MAIL_LEASE_MS)).toHaveLength(1);
      expect(await deliverDueMails(env.database, new Date(T0.getTime() + MAIL_LEASE_MS - 1000), mailer)).toBe(0);
      expect(await deliverDueMails(env.database, new Date(T0.getTime() + MAIL_LEASE_MS), mailer)).toBe(1);
    }
    expect(sink.ids).toEqual([id]);
  });

  it('keeps the mails for the outbox when no SMTP server is set', async () => {
    await queue(env, 3);
    await queue(env, 1, new Date(T0.getTime() + 60_000));
    expect(await deliverDueMails(env.database, T0, null)).toBe(3);
    expect((await statuses(env)).map((r) => r.status)).toEqual(['kept', 'kept', 'kept', 'pending']);
    expect(sink.ids).toHaveLength(0);
  });

  it('marks a mail failed after a day of refusals', async () => {
    await queue(env, 1);
    sink.refuse = true;
    let now = T0;
    for (let i = 0; i < 60; i++) {
      await deliverDueMails(env.database, now, mailer);
      const [row] = await statuses(env);
      if (row!.status !== 'pending') break;
      now = new Date(row!.next_attempt_at);
    }
    const [row] = await statuses(env);
    expect(row!.status).toBe('failed');
    expect(row!.last_error).toMatch(/451/);
    expect(now.getTime() - T0.getTime()).toBeLessThanOrEqual(MAIL_GIVE_UP_MS);
    expect(now.getTime() - T0.getTime()).toBeGreaterThan(MAIL_GIVE_UP_MS - 3_600_000);
  });
});
