// Issue 14's two end-to-end promises, through every channel at once: on Monday 12:00 UTC the
// client's bell shows the week in review and a real SMTP server receives its mail; and a dispute
// answered by the contractor reaches the client in the app, by mail, and by a webhook whose
// Standard Webhooks signature the receiver verifies.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Webhook as Verifier } from 'standardwebhooks';
import { backends, createTestEnv, loginEach, type TestEnv, type Who } from '#server/test/harness.ts';
import { createWorld, type World } from '#server/test/fixtures.ts';
import type { Webhook } from '#contract/webhooks.ts';
import type { Dispute } from '#contract/disputes.ts';
import { allowPrivateWebhookTargets } from '#server/lib/private-address.ts';
import { runSweeps } from '#server/services/sweeps.ts';
import { deliverDueMails } from '../mail-delivery.ts';
import { smtpMailer, type Mailer } from '../smtp.ts';
import { deliverDueWebhooks } from '../webhook-delivery.ts';
import { setPublicUrl } from '../emit.ts';
import { addReviewSlots, lastWeekAt, request } from './events-world.ts';
import { startSmtpSink, type SmtpSink } from './smtp-sink.ts';
import { startReceiver, type Receiver } from './webhook-receiver.ts';

const MONDAY_NOON = '2026-11-23T12:00:00.000Z'; // the week of 2026-11-16 enters its review window
const BASE = 'https://diary.example.com';

describe.each(backends)('notification channels on %s', (backend) => {
  let env: TestEnv;
  let world: World;
  let client: Who, dev: Who;
  let sink: SmtpSink;
  let mailer: Mailer;
  let receiver: Receiver;

  beforeAll(async () => {
    env = await createTestEnv(backend, { now: '2026-11-23T11:59:00.000Z' });
    world = await createWorld(env.database);
    await addReviewSlots(env, world);
    await setPublicUrl(env.database, BASE);
    ({ client, dev } = await loginEach(env.app, world.users));
    sink = await startSmtpSink();
    mailer = smtpMailer(sink.url);
    receiver = await startReceiver();
  });
  afterAll(async () => {
    allowPrivateWebhookTargets(false);
    mailer?.close();
    await sink?.close();
    await receiver?.close();
    await env?.close();
  });

  const bellTitles = async (who: Who) => (await request(env)('GET', '/api/notifications', who)).json<{ items: { title: string; link: string }[] }>().items;
  const mailsTo = (address: string) => sink.received.filter((m) => m.to && !Array.isArray(m.to) && m.to.value.some((v) => v.address === address));

  it('on Monday 12:00 UTC the client’s bell shows the week in review, and the SMTP server gets the mail', async () => {
    await runSweeps(env.database, env.clock.now()); // 11:59: not yet
    expect(await bellTitles(client)).toEqual([]);

    env.clock.set(new Date(MONDAY_NOON));
    await runSweeps(env.database, env.clock.now());
    const items = await bellTitles(client);
    expect(items.map((i) => i.title)).toContain('Week in review');
    const review = items.find((i) => i.title === 'Week in review' && i.link.includes(`/contracts/${world.contracts.dev}/`));
    expect(review, 'the developer’s week is in the bell').toBeDefined();

    await deliverDueMails(env.database, env.clock.now(), mailer);
    const mail = mailsTo(world.users.client.email).find((m) => /Week in review/.test(m.subject ?? '') && m.text?.includes(`${BASE}${review!.link}`));
    expect(mail, 'the client’s week-in-review mail reached the SMTP server').toBeDefined();
    expect(mail!.html).toContain(`${BASE}${review!.link}`);
    expect(mail!.headerLines.find((h) => h.key === 'list-unsubscribe')?.line).toContain(`<${BASE}/unsubscribe/`);
  });

  it('a dispute answered by the contractor reaches the client in the app, by mail and by a signed webhook', async () => {
    allowPrivateWebhookTargets(true);
    const made = await request(env)('POST', `/api/companies/${world.acme.id}/webhooks`, client, { url: receiver.url('/workdiary'), kinds: ['dispute-answered'] });
    expect(made.statusCode, made.body).toBe(201);
    const hook = made.json<Webhook>();

    const start = lastWeekAt(1, 9);
    const opened = await request(env)('POST', '/api/disputes', client, { slots: [{ contractId: world.contracts.dev, start }], reason: 'low_activity', comment: 'Idle?' });
    expect(opened.statusCode, opened.body).toBe(201);
    const answered = await request(env)('POST', `/api/disputes/${opened.json<Dispute>().id}/slots/${start}/answer`, dev, { answer: 'contest', reply: 'I was reading the spec' });
    expect(answered.statusCode, answered.body).toBeLessThan(300);

    expect((await bellTitles(client)).map((i) => i.title)).toContain('Dispute answered');

    await deliverDueMails(env.database, env.clock.now(), mailer);
    const mail = mailsTo(world.users.client.email).find((m) => /Dispute answered/.test(m.subject ?? ''));
    expect(mail?.text).toContain('I was reading the spec');

    await deliverDueWebhooks(env.database, env.clock.now());
    const posted = receiver.received.filter((r) => r.path === '/workdiary');
    expect(posted).toHaveLength(1);
    const payload = new Verifier(hook.secret).verify(posted[0]!.body, posted[0]!.headers) as { type: string; data: { text?: string } };
    expect(payload.type).toBe('dispute-answered');
    expect(() => new Verifier(hook.secret).verify(posted[0]!.body.replace('spec', 'news'), posted[0]!.headers)).toThrow();
  });
});
