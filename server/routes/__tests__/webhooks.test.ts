// A company's webhooks through the API: who may manage them, what a URL may be, the secret,
// enable/disable, delete, "Send test" and the delivery log, each change audited without the secret.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, createTestEnv, login, loginEach, type TestEnv, type Who } from '#server/test/harness.ts';
import { createWorld, type World } from '#server/test/fixtures.ts';
import type { Problem } from '#contract/common.ts';
import type { DeliveryPage, Webhook, WebhookDelivery, WebhookList } from '#contract/webhooks.ts';
import { allowPrivateWebhookTargets } from '#server/lib/private-address.ts';
import { deliverDueWebhooks } from '#server/notify/webhook-delivery.ts';
import { startReceiver, type Receiver } from '#server/notify/__tests__/webhook-receiver.ts';

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

describe.each(backends)('webhooks API on %s', (backend) => {
  let env: TestEnv;
  let world: World;
  let client: Who, client2: Who, dev: Who, admin: Who;
  let receiver: Receiver;
  let base: string;

  beforeAll(async () => {
    env = await createTestEnv(backend);
    world = await createWorld(env.database);
    ({ client, client2, dev, admin } = await loginEach(env.app, world.users));
    receiver = await startReceiver();
    base = `/api/companies/${world.acme.id}/webhooks`;
  });
  afterAll(async () => {
    allowPrivateWebhookTargets(false);
    await receiver?.close();
    await env?.close();
  });

  const req = (method: Method, url: string, who?: Who, payload?: object) =>
    env.app.inject({ method, url, headers: who ? { cookie: who.cookie } : {}, ...(payload ? { payload } : {}) });
  const create = async (who: Who = client, body: object = { url: receiver.url(), kinds: ['dispute-answered'] }) => {
    allowPrivateWebhookTargets(true);
    const res = await req('POST', base, who, body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json<Webhook>();
  };
  const fieldOf = (res: { json: <T>() => T }) => res.json<Problem>().errors?.[0]?.field;

  it('adds a webhook with a generated secret the company sees, and audits it without the secret', async () => {
    const hook = await create(client, { url: receiver.url('/acme'), kinds: ['dispute-answered', 'week-in-review'] });
    expect(hook).toMatchObject({ url: receiver.url('/acme'), kinds: ['dispute-answered', 'week-in-review'], enabled: true, lastDelivery: null });
    expect(hook.secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    expect(Buffer.from(hook.secret.slice(6), 'base64')).toHaveLength(24);
    expect((await create()).secret).not.toBe(hook.secret);

    const list = await req('GET', base, client);
    expect(list.statusCode).toBe(200);
    expect(list.json<WebhookList>().webhooks.map((w) => w.id)).toContain(hook.id);

    const audit = await env.database.query<{ action: string; subject: string; after: unknown; actor_id: string }>(
      `select action, subject, after, actor_id from audit_log where action like 'webhook.%' order by id`,
    );
    expect(audit[0]).toMatchObject({ action: 'webhook.created', subject: world.acme.id, actor_id: world.users.client.id });
    expect(JSON.stringify(audit)).not.toContain(hook.secret.slice(6));
  });

  it('lets only the company’s clients and the admins in: another company’s client gets 404, a contractor 403', async () => {
    const hook = await create();
    const one = `${base}/${hook.id}`;
    for (const [method, url, payload] of [
      ['GET', base],
      ['POST', base, { url: receiver.url(), kinds: ['over-cap'] }],
      ['PATCH', one, { enabled: false }],
      ['DELETE', one],
      ['POST', `${one}/secret`],
      ['POST', `${one}/test`],
      ['GET', `${one}/deliveries`],
    ] as [Method, string, object?][]) {
      expect((await req(method, url, client2, payload)).statusCode, `${method} ${url}`).toBe(404);
      expect((await req(method, url, dev, payload)).statusCode, `${method} ${url}`).toBe(403);
      expect((await req(method, url, undefined, payload)).statusCode, `${method} ${url}`).toBe(401);
    }
    // Nothing changed.
    expect((await req('GET', base, client)).json<WebhookList>().webhooks.find((w) => w.id === hook.id)).toMatchObject({ enabled: true, secret: hook.secret });
    // Another company's webhook under this company's path is missing too.
    const theirs = await env.app.inject({ method: 'POST', url: `/api/companies/${world.globex.id}/webhooks`, headers: { cookie: client2.cookie }, payload: { url: receiver.url(), kinds: ['over-cap'] } });
    expect(theirs.statusCode).toBe(201);
    expect((await req('PATCH', `${base}/${theirs.json<Webhook>().id}`, client, { enabled: false })).statusCode).toBe(404);

    // The admin manages any company's; an unknown company is 404.
    const adminList = await req('GET', `/api/companies/${world.globex.id}/webhooks`, admin);
    expect(adminList.json<WebhookList>().webhooks.map((w) => w.id)).toEqual([theirs.json<Webhook>().id]);
    expect((await req('PATCH', `${base}/${hook.id}`, admin, { kinds: ['over-cap'] })).json<Webhook>().kinds).toEqual(['over-cap']);
    expect((await req('GET', '/api/companies/0b6a5c1e-8f4e-4c1a-9d7e-2f3b4a5c6d7e/webhooks', admin)).statusCode).toBe(404);
  });

  it('refuses a URL that is not http(s), unknown kinds, and no kinds, naming the field', async () => {
    allowPrivateWebhookTargets(true);
    for (const [body, field] of [
      [{ url: 'ftp://example.com/hook', kinds: ['over-cap'] }, 'body.url'],
      [{ url: 'not a url', kinds: ['over-cap'] }, 'body.url'],
      [{ url: 'https://user:pw@example.com/hook', kinds: ['over-cap'] }, 'body.url'],
      [{ url: receiver.url(), kinds: ['over-cap', 'world-ended'] }, 'body.kinds.1'],
      [{ url: receiver.url(), kinds: [] }, 'body.kinds'],
      [{ url: receiver.url(), kinds: ['over-cap', 'over-cap'] }, 'body.kinds'],
      [{ kinds: ['over-cap'] }, 'body.url'],
    ] as const) {
      const res = await req('POST', base, client, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(fieldOf(res), JSON.stringify(body)).toBe(field);
    }
    const hook = await create();
    const bad = await req('PATCH', `${base}/${hook.id}`, client, { kinds: ['nope'] });
    expect([bad.statusCode, fieldOf(bad)]).toEqual([400, 'body.kinds.0']);
    expect((await req('PATCH', `${base}/${hook.id}`, client, {})).statusCode).toBe(400);
  });

  it('refuses loopback, private and link-local targets unless WORKDIARY_WEBHOOK_ALLOW_PRIVATE is set', async () => {
    allowPrivateWebhookTargets(false);
    for (const url of [receiver.url(), 'http://localhost:8080/hook', 'http://10.0.0.7/hook', 'http://[::1]/hook', 'http://169.254.169.254/latest', 'http://[::ffff:192.168.0.1]/x', 'http://100.64.0.1/x']) {
      const res = await req('POST', base, client, { url, kinds: ['over-cap'] });
      expect(res.statusCode, url).toBe(400);
      expect(fieldOf(res)).toBe('body.url');
      expect(res.json<Problem>().detail).toMatch(/internal address/);
    }
    const hook = await create();
    allowPrivateWebhookTargets(false);
    const moved = await req('PATCH', `${base}/${hook.id}`, client, { url: 'http://192.168.1.10/hook' });
    expect([moved.statusCode, fieldOf(moved)]).toEqual([400, 'body.url']);
    allowPrivateWebhookTargets(true);
    expect((await req('POST', base, client, { url: 'http://10.0.0.7/hook', kinds: ['over-cap'] })).statusCode).toBe(201);
  });

  it('disables, enables, changes, rotates the secret and deletes, each audited', async () => {
    const hook = await create();
    const one = `${base}/${hook.id}`;
    const off = await req('PATCH', one, client, { enabled: false });
    expect(off.json<Webhook>().enabled).toBe(false);
    expect((await req('POST', `${one}/test`, client)).statusCode).toBe(409);
    const on = await req('PATCH', one, client, { enabled: true, url: receiver.url('/moved'), kinds: ['over-cap', 'week-in-review'] });
    expect(on.json<Webhook>()).toMatchObject({ enabled: true, url: receiver.url('/moved'), kinds: ['over-cap', 'week-in-review'] });
    const rotated = await req('POST', `${one}/secret`, client);
    expect(rotated.json<Webhook>().secret).toMatch(/^whsec_/);
    expect(rotated.json<Webhook>().secret).not.toBe(hook.secret);
    expect((await req('DELETE', one, client)).statusCode).toBe(204);
    expect((await req('DELETE', one, client)).statusCode).toBe(404);
    expect((await req('GET', base, client)).json<WebhookList>().webhooks.map((w) => w.id)).not.toContain(hook.id);
    const actions = await env.database.query<{ action: string; before: string | null; after: string | null }>(
      `select action, before::text, after::text from audit_log where before->>'webhookId' = $1 or after->>'webhookId' = $1 order by id`,
      [hook.id],
    );
    expect(actions.map((a) => a.action)).toEqual(['webhook.created', 'webhook.updated', 'webhook.updated', 'webhook.secret-rotated', 'webhook.deleted']);
    expect(actions.map((a) => `${a.before}${a.after}`).join()).not.toMatch(/whsec_/);
  });

  it('sends a test that shows in the log as delivered, pages the log newest first, and redelivers one', async () => {
    receiver.received.length = 0;
    const hook = await create(client, { url: receiver.url('/test'), kinds: ['over-cap'] });
    const one = `${base}/${hook.id}`;
    const sent = await req('POST', `${one}/test`, client);
    expect(sent.statusCode).toBe(201);
    expect(sent.json<WebhookDelivery>()).toMatchObject({ kind: 'test', status: 'pending', attempts: 0 });
    await deliverDueWebhooks(env.database, env.clock.now());
    expect(receiver.received.map((r) => JSON.parse(r.body).type)).toEqual(['test']);
    const log = (await req('GET', `${one}/deliveries`, client)).json<DeliveryPage>();
    expect(log.deliveries[0]).toMatchObject({ kind: 'test', status: 'delivered', attempts: 1, lastStatusCode: 200, lastError: null });
    expect((await req('GET', base, client)).json<WebhookList>().webhooks.find((w) => w.id === hook.id)?.lastDelivery?.status).toBe('delivered');

    for (let i = 0; i < 26; i++) expect((await req('POST', `${one}/test`, admin)).statusCode).toBe(201);
    const first = (await req('GET', `${one}/deliveries`, client)).json<DeliveryPage>();
    expect(first.deliveries).toHaveLength(25);
    expect(first.deliveries[0]!.id).toBeGreaterThan(first.deliveries[1]!.id);
    const second = (await req('GET', `${one}/deliveries?before=${first.next}`, client)).json<DeliveryPage>();
    expect(second.deliveries.map((d) => d.status)).toEqual(['pending', 'delivered']);
    expect(second.next).toBeNull();
    expect(fieldOf(await req('GET', `${one}/deliveries?before=abc`, client))).toBe('querystring.before');

    const again = await req('POST', `${one}/deliveries/${log.deliveries[0]!.id}/redeliver`, client);
    expect(again.statusCode).toBe(201);
    expect(again.json<WebhookDelivery>().messageId).not.toBe(log.deliveries[0]!.messageId);
    expect((await req('POST', `${one}/deliveries/999999/redeliver`, client)).statusCode).toBe(404);
    expect((await req('POST', `${one}/deliveries/${log.deliveries[0]!.id}/redeliver`, client2)).statusCode).toBe(404);
  });
});

describe('webhooks in production mode (an https WORKDIARY_PUBLIC_URL)', () => {
  let env: TestEnv;
  let client: Who;
  let base: string;
  beforeAll(async () => {
    env = await createTestEnv('pglite', { publicUrl: 'https://diary.example.com' });
    const world = await createWorld(env.database);
    client = await login(env.app, world.users.client.email);
    base = `/api/companies/${world.acme.id}/webhooks`;
    allowPrivateWebhookTargets(true);
  });
  afterAll(async () => {
    allowPrivateWebhookTargets(false);
    await env?.close();
  });

  it('refuses an http URL with a 400 naming the field, and takes https', async () => {
    const post = (url: string) => env.app.inject({ method: 'POST', url: base, headers: { cookie: client.cookie }, payload: { url, kinds: ['over-cap'] } });
    const plain = await post('http://127.0.0.1:9/hook');
    expect(plain.statusCode).toBe(400);
    expect(plain.json<Problem>().errors).toEqual([{ field: 'body.url', message: expect.stringMatching(/^must start with https:\/\//) }]);
    expect((await post('https://127.0.0.1:9/hook')).statusCode).toBe(201);
  });
});
