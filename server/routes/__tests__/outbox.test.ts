// Admin → Outbox's API: the admin pages through every mail newest first, filters by status and
// address, reads one as its recipient got it, and sends a failed one again (audited). Nobody
// else gets in: no session 401, clients of any company and contractors 403.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, createTestEnv, loginEach, type TestEnv, type Who } from '#server/test/harness.ts';
import { createWorld, type World } from '#server/test/fixtures.ts';
import type { Problem } from '#contract/common.ts';
import type { OutboxMailDetail, OutboxPage } from '#contract/outbox.ts';
import { newMessageId, queueMails } from '#server/notify/emit.ts';
import { renderEvent } from '#server/notify/render.ts';

describe.each(backends)('outbox API on %s', (backend) => {
  let env: TestEnv;
  let world: World;
  let admin: Who, client: Who, client2: Who, dev: Who;
  const ids: number[] = [];

  beforeAll(async () => {
    env = await createTestEnv(backend, { now: '2026-11-30T12:00:00Z' });
    world = await createWorld(env.database);
    ({ admin, client, client2, dev } = await loginEach(env.app, world.users));
    // 55 mails to Casey, then one to Gil that failed for good.
    for (let i = 0; i < 56; i++) {
      const messageId = newMessageId();
      const { mail } = renderEvent('week-in-review', { path: `/contracts/${world.contracts.dev}/review/2026-11-23`, contract: 'Backend work', contractor: 'Dana Dev' }, { base: 'https://diary.example.com', recipientName: i < 55 ? 'Casey Client' : 'Gil Globex', messageId });
      await env.database.transaction((tx) =>
        queueMails(tx, null, 'week-in-review', new Date(Date.parse('2026-11-30T11:00:00Z') + i * 1000), [{ userId: null, to: i < 55 ? 'client@test.test' : 'Client2@Test.test', messageId, ...mail }]),
      );
    }
    const rows = await env.database.query<{ id: number }>(`select id::int as id from mails order by id`);
    ids.push(...rows.map((r) => r.id));
    await env.database.query(`update mails set status = 'sent', sent_at = created_at where id <> $1`, [ids[55]]);
    await env.database.query(`update mails set status = 'failed', attempts = 30, last_error = '451 Mailbox busy' where id = $1`, [ids[55]]);
  });
  afterAll(async () => {
    await env?.close();
  });

  const req = (method: 'GET' | 'POST', url: string, who?: Who) => env.app.inject({ method, url, headers: who ? { cookie: who.cookie } : {} });

  it('refuses every outbox route without a session (401) and to clients of any company and contractors (403)', async () => {
    const routes: ['GET' | 'POST', string][] = [
      ['GET', '/api/admin/outbox'],
      ['GET', `/api/admin/outbox/${ids[0]}`],
      ['POST', `/api/admin/outbox/${ids[55]}/retry`],
    ];
    for (const [method, url] of routes) {
      expect((await req(method, url)).statusCode, `${method} ${url}`).toBe(401);
      for (const who of [client, client2, dev]) {
        const res = await req(method, url, who);
        expect(res.statusCode, `${method} ${url}`).toBe(403);
        expect(res.json<Problem>().detail).toMatch(/only an admin/i);
        expect(res.body).not.toContain('Casey');
      }
    }
    const [row] = await env.database.query<{ status: string }>(`select status from mails where id = $1`, [ids[55]]);
    expect(row!.status).toBe('failed');
  });

  it('lists mails newest first, 50 a page, with the failure and its error', async () => {
    const first = (await req('GET', '/api/admin/outbox', admin)).json<OutboxPage>();
    expect(first.mails).toHaveLength(50);
    expect(first.mails[0]).toMatchObject({ id: ids[55], to: 'Client2@Test.test', subject: 'Week in review · Backend work', kind: 'week-in-review', status: 'failed', attempts: 30, lastError: '451 Mailbox busy', sentAt: null, nextAttemptAt: null });
    expect(first.mails[1]).toMatchObject({ status: 'sent', createdAt: '2026-11-30T11:00:54.000Z', sentAt: '2026-11-30T11:00:54.000Z' });
    const second = (await req('GET', `/api/admin/outbox?before=${first.older}`, admin)).json<OutboxPage>();
    expect(second.mails.map((m) => m.id)).toEqual(ids.slice(0, 6).reverse());
    expect(second.older).toBeNull();
  });

  it('filters by status and by a part of the address in any case', async () => {
    const failed = (await req('GET', '/api/admin/outbox?status=failed', admin)).json<OutboxPage>();
    expect(failed.mails.map((m) => m.id)).toEqual([ids[55]]);
    const gil = (await req('GET', '/api/admin/outbox?to=client2%40TEST', admin)).json<OutboxPage>();
    expect(gil.mails.map((m) => m.to)).toEqual(['Client2@Test.test']);
    expect((await req('GET', '/api/admin/outbox?to=%25', admin)).json<OutboxPage>().mails).toEqual([]);
  });

  it('answers bad input 400 naming the field, and an unknown mail 404', async () => {
    for (const [url, field] of [
      ['/api/admin/outbox?status=lost', 'querystring.status'],
      ['/api/admin/outbox?before=soon', 'querystring.before'],
      ['/api/admin/outbox/abc', 'params.mailId'],
      ['/api/admin/outbox/99999999999999999999', 'params.mailId'],
    ] as const) {
      const res = await req('GET', url, admin);
      expect(res.statusCode, url).toBe(400);
      expect(res.json<Problem>().errors?.[0]?.field, url).toBe(field);
    }
    expect((await req('GET', '/api/admin/outbox/999999', admin)).statusCode).toBe(404);
    expect((await req('POST', '/api/admin/outbox/999999/retry', admin)).statusCode).toBe(404);
  });

  it('shows one mail as its recipient got it: headers, text and HTML', async () => {
    const mail = (await req('GET', `/api/admin/outbox/${ids[0]}`, admin)).json<OutboxMailDetail>();
    expect(mail.subject).toBe('Week in review · Backend work');
    expect(mail.text).toContain('Hello Casey Client,');
    expect(mail.html).toContain(`href="https://diary.example.com/contracts/${world.contracts.dev}/review/2026-11-23"`);
    expect(mail.listUnsubscribe).toBe(`https://diary.example.com/unsubscribe/${encodeURIComponent(mail.messageId)}`);
  });

  it('sends a failed mail again (audited), and refuses a sent one 409', async () => {
    const res = await req('POST', `/api/admin/outbox/${ids[55]}/retry`, admin);
    expect(res.statusCode).toBe(204);
    const mail = (await req('GET', `/api/admin/outbox/${ids[55]}`, admin)).json<OutboxMailDetail>();
    expect(mail).toMatchObject({ status: 'pending', nextAttemptAt: '2026-11-30T12:00:00.000Z' });
    const [audit] = await env.database.query<{ action: string; actor_id: string; subject: string }>(`select action, actor_id, subject from audit_log where action = 'mail.retried'`);
    expect(audit).toMatchObject({ actor_id: world.users.admin.id, subject: String(ids[55]) });

    const sent = await req('POST', `/api/admin/outbox/${ids[0]}/retry`, admin);
    expect(sent.statusCode).toBe(409);
    expect(sent.json<Problem>().detail).toMatch(/was sent/);
  });
});
