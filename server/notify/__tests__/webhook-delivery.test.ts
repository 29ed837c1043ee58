// Webhook deliveries to a real receiver that verifies each Standard Webhooks signature: an
// emitted event arrives signed, a 500 is retried with backoff until it succeeds, 24 h of
// failures end in `failed`, a disabled webhook waits, and an internal address is refused again
// at delivery time.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Webhook as Verifier } from 'standardwebhooks';
import { backends, createTestEnv, loginEach, type TestEnv, type Who } from '#server/test/harness.ts';
import { createWorld, type World } from '#server/test/fixtures.ts';
import type { NotificationKind } from '#contract/notifications.ts';
import type { DeliveryPage, Webhook } from '#contract/webhooks.ts';
import { allowPrivateWebhookTargets } from '#server/lib/private-address.ts';
import { emit } from '../emit.ts';
import { deliverDueWebhooks } from '../webhook-delivery.ts';
import { startReceiver, type Receiver } from './webhook-receiver.ts';
import { addReviewSlots, lastWeekAt } from './events-world.ts';

describe.each(backends)('webhook delivery on %s', (backend) => {
  let env: TestEnv;
  let world: World;
  let client: Who, dev: Who;
  let receiver: Receiver;
  let hook: Webhook;
  let n = 0;

  beforeAll(async () => {
    env = await createTestEnv(backend);
    world = await createWorld(env.database);
    await addReviewSlots(env, world);
    ({ client, dev } = await loginEach(env.app, world.users));
    receiver = await startReceiver();
  });
  afterAll(async () => {
    allowPrivateWebhookTargets(false);
    await receiver?.close();
    await env?.close();
  });
  beforeEach(async () => {
    allowPrivateWebhookTargets(true);
    receiver.received.length = 0;
    receiver.fallback = 200;
    // A fresh webhook for each test, the others disabled, so each test sees only its own.
    await env.database.query(`update webhooks set disabled_at = now()`);
    hook = await api<Webhook>('POST', `/api/companies/${world.acme.id}/webhooks`, { url: receiver.url(), kinds: ['dispute-answered', 'over-cap'] });
  });

  async function api<T>(method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object): Promise<T> {
    const res = await env.app.inject({ method, url, headers: { cookie: client.cookie }, ...(payload ? { payload } : {}) });
    expect(res.statusCode, res.body).toBeLessThan(300);
    return res.json<T>();
  }
  const log = async () => (await api<DeliveryPage>('GET', `/api/companies/${world.acme.id}/webhooks/${hook.id}/deliveries`)).deliveries;
  const emitEvent = (kind: NotificationKind, contractId = world.contracts.dev) =>
    env.database.transaction((tx) =>
      emit(tx, { kind, key: `test:${++n}`, at: env.clock.now(), contractId, data: { path: '/disputes/x', contract: 'Backend work', contractor: 'Dana Dev', text: 'Fair enough' } }),
    );
  const deliver = () => deliverDueWebhooks(env.database, env.clock.now());

  it('posts an emitted event, signed so the receiver verifies it; a tampered body fails verification', async () => {
    await emitEvent('dispute-answered');
    await emitEvent('week-in-review'); // not subscribed
    await emitEvent('over-cap', world.contracts.globex); // another company's
    expect(await deliver()).toBe(1);
    expect(receiver.received).toHaveLength(1);
    const [got] = receiver.received;
    expect(got!.headers['webhook-id']).toMatch(/^msg_[0-9a-f]{32}$/);
    const payload = new Verifier(hook.secret).verify(got!.body, got!.headers) as { type: string; timestamp: string; data: Record<string, unknown> };
    expect(payload).toMatchObject({ type: 'dispute-answered', timestamp: '2026-11-25T15:00:00.000Z', data: { contract: 'Backend work', text: 'Fair enough' } });
    expect(() => new Verifier(hook.secret).verify(got!.body.replace('Fair enough', 'Unfair'), got!.headers)).toThrow();
    const rotated = await api<Webhook>('POST', `/api/companies/${world.acme.id}/webhooks/${hook.id}/secret`);
    expect(() => new Verifier(rotated.secret).verify(got!.body, got!.headers)).toThrow();
    expect(await log()).toMatchObject([{ kind: 'dispute-answered', status: 'delivered', attempts: 1, lastStatusCode: 200, deliveredAt: '2026-11-25T15:00:00.000Z' }]);
    expect(await deliver()).toBe(0);
  });

  it('tells the company’s webhook, signed, when the contractor answers a dispute through the API', async () => {
    const start = lastWeekAt(1, 9);
    const opened = await env.app.inject({
      method: 'POST',
      url: '/api/disputes',
      headers: { cookie: client.cookie },
      payload: { slots: [{ contractId: world.contracts.dev, start }], reason: 'not_work_related', comment: 'Not ours' },
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const disputeId = opened.json<{ id: string }>().id;
    const answered = await env.app.inject({ method: 'POST', url: `/api/disputes/${disputeId}/slots/${start}/answer`, headers: { cookie: dev.cookie }, payload: { answer: 'accept' } });
    expect(answered.statusCode, answered.body).toBe(200);
    await deliver();
    expect(receiver.received).toHaveLength(1);
    const payload = new Verifier(hook.secret).verify(receiver.received[0]!.body, receiver.received[0]!.headers);
    expect(payload).toMatchObject({ type: 'dispute-answered', data: { path: `/disputes/${disputeId}`, contract: 'Backend work', contractor: 'Dana Dev' } });
  });

  it('retries a receiver that answered 500 after the backoff, with the same webhook-id, until it succeeds', async () => {
    receiver.answer(500, 503);
    await emitEvent('over-cap');
    await deliver();
    expect(await log()).toMatchObject([{ status: 'pending', attempts: 1, lastStatusCode: 500, lastError: 'The receiver answered 500 Internal Server Error.', nextAttemptAt: '2026-11-25T15:00:05.000Z' }]);
    expect(await deliver()).toBe(0); // not due yet
    env.clock.advance(5_000);
    await deliver();
    expect((await log())[0]).toMatchObject({ status: 'pending', attempts: 2, lastStatusCode: 503, nextAttemptAt: '2026-11-25T15:05:05.000Z' });
    env.clock.advance(5 * 60_000);
    await deliver();
    expect((await log())[0]).toMatchObject({ status: 'delivered', attempts: 3, lastStatusCode: 200, lastError: null, nextAttemptAt: null });
    expect(new Set(receiver.received.map((r) => r.headers['webhook-id'])).size).toBe(1);
    for (const r of receiver.received) expect(() => new Verifier(hook.secret).verify(r.body, r.headers)).not.toThrow();
    env.clock.advance(-(5 * 60_000 + 5_000));
  });

  it('gives up 24 hours after the delivery was made: it is then failed', async () => {
    const start = env.clock.now().getTime();
    receiver.fallback = 500;
    await emitEvent('over-cap');
    const times: number[] = [];
    for (let i = 0; i < 20; i++) {
      times.push(env.clock.now().getTime() - start);
      await deliver();
      const [d] = await log();
      if (d!.status !== 'pending') break;
      env.clock.advance(Date.parse(d!.nextAttemptAt!) - env.clock.now().getTime());
    }
    const [d] = await log();
    expect(d).toMatchObject({ status: 'failed', lastStatusCode: 500, nextAttemptAt: null, deliveredAt: null });
    const s = 1000, m = 60 * s, h = 60 * m;
    expect(times).toEqual([0, 5 * s, 5 * m + 5 * s, 35 * m + 5 * s, 2 * h + 35 * m + 5 * s, 7 * h + 35 * m + 5 * s, 17 * h + 35 * m + 5 * s, 24 * h]);
    expect(d!.attempts).toBe(8);
    expect(receiver.received).toHaveLength(8);
    env.clock.advance(start - env.clock.now().getTime());
  });

  it('does not send a disabled webhook’s pending deliveries until it is enabled again', async () => {
    const url = `/api/companies/${world.acme.id}/webhooks/${hook.id}`;
    await api('POST', `${url}/test`);
    await api('PATCH', url, { enabled: false });
    expect(await deliver()).toBe(0);
    expect(receiver.received).toHaveLength(0);
    expect((await log())[0]).toMatchObject({ status: 'pending', attempts: 0 });
    await api('PATCH', url, { enabled: true });
    await deliver();
    expect((await log())[0]).toMatchObject({ kind: 'test', status: 'delivered' });
  });

  it('checks the address again when it sends: an internal one is refused and logged, not sent', async () => {
    await api('POST', `/api/companies/${world.acme.id}/webhooks/${hook.id}/test`);
    allowPrivateWebhookTargets(false);
    await deliver();
    expect(receiver.received).toHaveLength(0);
    expect((await log())[0]).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: null, lastError: expect.stringMatching(/^Not sent: the host 127\.0\.0\.1 resolves to 127\.0\.0\.1, a loopback/) });
  });

  it('does not follow a redirect', async () => {
    receiver.answer(302);
    await api('POST', `/api/companies/${world.acme.id}/webhooks/${hook.id}/test`);
    await deliver();
    expect(receiver.received.map((r) => r.path)).toEqual(['/hook']);
    expect((await log())[0]).toMatchObject({ status: 'pending', lastStatusCode: 302, lastError: expect.stringMatching(/redirects are not followed/) });
  });

  it('logs a receiver that is not there, and tries again later', async () => {
    const gone = await startReceiver();
    const url = gone.url();
    await gone.close();
    await api('PATCH', `/api/companies/${world.acme.id}/webhooks/${hook.id}`, { url });
    await api('POST', `/api/companies/${world.acme.id}/webhooks/${hook.id}/test`);
    await deliver();
    expect((await log())[0]).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: null, lastError: 'The connection was refused (ECONNREFUSED).' });
  });
});
