// The response serializer is JSON.stringify (app.ts): a response schema documents an answer
// but never strips it, so a field the payload carries beyond its schema would reach clients
// undocumented (a user's email, an internal id). This walks the OpenAPI document's response
// schema of every answer to a representative set of real requests, and checks that each sends
// no field its schema does not list; and that every route with a JSON answer was exercised.
import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Secret, TOTP } from 'otpauth';
import { backends, createTestEnv, loginEach, type TestEnv, type Who } from '#server/test/harness.ts';
import { addSlots, createWorld, slotRun, testImage, type World } from '#server/test/fixtures.ts';
import type { CreatedTracker } from '#contract/trackers.ts';
import type { Dispute } from '#contract/disputes.ts';
import { allowPrivateWebhookTargets } from '#server/lib/private-address.ts';

type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
};
type Operation = { responses: Record<string, { content?: Record<string, { schema?: Schema }> }> };
type OpenApi = { paths: Record<string, Record<string, Operation>> };

/** The paths of the fields in `value` that `schema` does not list, at any depth. */
function undocumented(value: unknown, schema: Schema, at: string): string[] {
  if (value === null || typeof value !== 'object') return [];
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches) {
    // The value is documented when one branch lists all its fields.
    const found = branches.map((b) => undocumented(value, b, at)).sort((a, b) => a.length - b.length)[0];
    return found ?? [];
  }
  if (schema.allOf) {
    const merged: Schema = { properties: Object.assign({}, ...schema.allOf.map((s) => s.properties ?? {})), additionalProperties: false };
    return undocumented(value, merged, at);
  }
  if (Array.isArray(value)) return schema.items ? value.flatMap((v, i) => undocumented(v, schema.items!, `${at}[${i}]`)) : [];
  const props = schema.properties ?? {};
  return Object.entries(value).flatMap(([key, v]) => {
    const prop = props[key];
    if (prop) return undocumented(v, prop, `${at}.${key}`);
    if (typeof schema.additionalProperties === 'object') return undocumented(v, schema.additionalProperties, `${at}.${key}`);
    // A schema without properties (z.unknown(), an audit entry's before/after) documents any field.
    return schema.additionalProperties === false || schema.properties ? [`${at}.${key}`] : [];
  });
}

const NOW = '2026-11-25T15:00:00.000Z'; // Wednesday of the week of 2026-11-23
const WEEK = '2026-11-23';
const PREV = '2026-11-16'; // in its review window at NOW
const at = (day: number, hh: number, mm: number) => new Date(Date.UTC(2026, 10, 23 + day, hh, mm)).toISOString();

describe.each(backends)('response schemas on %s', (backend) => {
  let env: TestEnv;
  let world: World;
  let who: Record<'client' | 'client2' | 'dev' | 'designer' | 'admin', Who>;
  let doc: OpenApi;
  const exercised = new Set<string>();

  beforeAll(async () => {
    env = await createTestEnv(backend, { now: NOW });
    world = await createWorld(env.database);
    await addSlots(env.database, env.blobs, world.contracts.dev, [
      ...slotRun(at(1, 9, 0), 3, { active: 7, memo: 'Tests', title: 'tests.ts — editor' }),
      ...slotRun(new Date(Date.UTC(2026, 10, 17, 9, 0)).toISOString(), 2, { active: 6, memo: 'Last week' }),
    ]);
    await addSlots(env.database, env.blobs, world.contracts.designer, slotRun(at(0, 9, 0), 4, { manual: true, memo: 'Wireframes' }));
    who = await loginEach(env.app, world.users);
    doc = env.app.swagger() as unknown as OpenApi;
  });
  afterAll(async () => {
    await env?.close();
  });

  /** Sends the request to `route` (the OpenAPI path) and checks its answer against the documented schema of its status. */
  async function call(method: string, route: string, url: string, opts: { as?: Who; payload?: unknown; headers?: Record<string, string> } = {}) {
    const res = await env.app.inject({
      method: method as 'GET',
      url,
      headers: { ...(opts.as ? { cookie: opts.as.cookie } : {}), ...opts.headers },
      ...(opts.payload === undefined ? {} : { payload: opts.payload as object }),
    });
    const op = doc.paths[route]?.[method.toLowerCase()];
    expect(op, `${method} ${route} is not in the OpenAPI document`).toBeDefined();
    const documented = op!.responses[String(res.statusCode)];
    expect(documented, `${method} ${route} answered ${res.statusCode}, which it does not document: ${res.body}`).toBeDefined();
    if (/json/.test(String(res.headers['content-type']))) {
      const schema = Object.values(documented!.content ?? {})[0]?.schema ?? {};
      expect(undocumented(res.json(), schema, 'body'), `${method} ${route} ${res.statusCode}`).toEqual([]);
      if (res.statusCode < 300) exercised.add(`${method} ${route}`);
    }
    return res;
  }

  it('no answer carries a field outside its route’s response schema', async () => {
    const k = world.contracts;
    await call('GET', '/api/health', '/api/health');
    await call('POST', '/api/auth/login', '/api/auth/login', { payload: { email: world.users.client.email, password: 'wrong password' } });
    await call('POST', '/api/auth/login', '/api/auth/login', { payload: { email: world.users.client.email, password: 'test-password' } });
    for (const u of [who.client, who.dev, who.admin]) {
      await call('GET', '/api/auth/me', '/api/auth/me', { as: u });
      await call('GET', '/api/contracts', '/api/contracts', { as: u });
    }
    await call('GET', '/api/contracts', '/api/contracts');
    await call('GET', '/api/contracts/{contractId}', `/api/contracts/${k.dev}`, { as: who.client });
    await call('GET', '/api/contracts/{contractId}', `/api/contracts/${k.dev}`, { as: who.client2 });
    await call('PATCH', '/api/contracts/{contractId}/terms', `/api/contracts/${k.dev}/terms`, { as: who.client, payload: { weeklyLimitHours: 5 } });
    for (const u of [who.client, who.dev]) {
      await call('GET', '/api/contracts/{contractId}/weeks/{weekStart}', `/api/contracts/${k.dev}/weeks/${WEEK}?tz=Europe/Berlin`, { as: u });
      await call('GET', '/api/contracts/{contractId}/weeks/{weekStart}/timesheet', `/api/contracts/${k.dev}/weeks/${PREV}/timesheet`, { as: u });
    }
    await call('GET', '/api/contracts/{contractId}/weeks/{weekStart}', `/api/contracts/${k.dev}/weeks/2026-11-24`, { as: who.client });
    await call('POST', '/api/contracts/{contractId}/weeks/{weekStart}/approval', `/api/contracts/${k.dev}/weeks/${PREV}/approval`, { as: who.client });
    await call('GET', '/api/contracts/{contractId}/weeks/{weekStart}/timesheet', `/api/contracts/${k.dev}/weeks/${PREV}/timesheet`, { as: who.client });
    await call('GET', '/api/contracts/{contractId}/weeks/{weekStart}/seal', `/api/contracts/${k.dev}/weeks/${PREV}/seal`, { as: who.dev });
    await call('GET', '/api/seal-key', '/api/seal-key');
    await call('GET', '/api/contracts/{contractId}/slots/{start}', `/api/contracts/${k.dev}/slots/${at(1, 9, 0)}`, { as: who.client });
    await call('PATCH', '/api/contracts/{contractId}/slots/{start}', `/api/contracts/${k.dev}/slots/${at(1, 9, 10)}`, { as: who.dev, payload: { memo: 'Fixed tests' } });
    await call('PATCH', '/api/contracts/{contractId}/slots/{start}', `/api/contracts/${k.dev}/slots/${at(1, 9, 10)}`, { as: who.client, payload: { memo: 'Not mine' } });
    await call('POST', '/api/contracts/{contractId}/slots/{start}/redaction', `/api/contracts/${k.dev}/slots/${at(1, 9, 20)}/redaction`, { as: who.dev });
    await call('POST', '/api/contracts/{contractId}/manual-time', `/api/contracts/${k.designer}/manual-time`, {
      as: who.designer,
      payload: { start: at(1, 14, 0), end: at(1, 14, 30), memo: 'Workshop' },
    });

    // A dispute through its life: contested and accepted (escalated), resolved; another withdrawn.
    const [a, b, c] = [at(0, 9, 0), at(0, 9, 10), at(0, 9, 20)];
    const opened = await call('POST', '/api/disputes', '/api/disputes', {
      as: who.client,
      payload: { slots: [a, b].map((start) => ({ contractId: k.designer, start })), reason: 'low_activity', comment: 'Idle?' },
    });
    const d = opened.json<Dispute>();
    await call('POST', '/api/disputes/{disputeId}/slots/{start}/answer', `/api/disputes/${d.id}/slots/${a}/answer`, { as: who.designer, payload: { answer: 'contest', reply: 'Worked' } });
    await call('POST', '/api/disputes/{disputeId}/slots/{start}/answer', `/api/disputes/${d.id}/slots/${b}/answer`, { as: who.designer, payload: { answer: 'accept' } });
    await call('POST', '/api/disputes/{disputeId}/comments', `/api/disputes/${d.id}/comments`, { as: who.client, payload: { body: 'Thanks' } });
    await call('POST', '/api/disputes/{disputeId}/slots/{start}/resolution', `/api/disputes/${d.id}/slots/${a}/resolution`, { as: who.admin, payload: { for: 'contractor' } });
    const other = await call('POST', '/api/disputes', '/api/disputes', { as: who.client, payload: { slots: [{ contractId: k.designer, start: c }], reason: 'low_activity' } });
    await call('POST', '/api/disputes/{disputeId}/withdrawal', `/api/disputes/${other.json<Dispute>().id}/withdrawal`, { as: who.client });
    for (const u of [who.client, who.designer, who.admin]) {
      await call('GET', '/api/disputes', '/api/disputes', { as: u });
      await call('GET', '/api/disputes/{disputeId}', `/api/disputes/${d.id}`, { as: u });
    }
    await call('GET', '/api/disputes/{disputeId}', `/api/disputes/${d.id}`, { as: who.client2 });

    // A question asked, answered and closed; the contract's list of those waiting.
    const qs = '/api/contracts/{contractId}/slots/{start}/questions';
    const qUrl = `/api/contracts/${k.dev}/slots/${at(1, 9, 0)}/questions`;
    const asked = await call('POST', qs, qUrl, { as: who.client, payload: { body: 'Which ticket?' } });
    const qid = asked.json<{ questions: { id: string }[] }>().questions[0]!.id;
    await call('POST', `${qs}/{questionId}/replies`, `${qUrl}/${qid}/replies`, { as: who.dev, payload: { body: 'WD-142' } });
    for (const u of [who.client, who.dev, who.admin]) await call('GET', qs, qUrl, { as: u });
    await call('GET', '/api/contracts/{contractId}/questions', `/api/contracts/${k.dev}/questions?status=answered`, { as: who.dev });
    await call('POST', `${qs}/{questionId}/close`, `${qUrl}/${qid}/close`, { as: who.client });
    for (const u of [who.client, who.designer, who.admin]) await call('GET', '/api/overview', '/api/overview', { as: u });

    // A tracker: connected, its session, an upload, listed, revoked.
    const made = await call('POST', '/api/trackers', '/api/trackers', { as: who.dev, payload: { deviceName: 'Dev laptop' } });
    const tracker = made.json<CreatedTracker>();
    const bearer = { authorization: `Bearer ${tracker.token}` };
    await call('GET', '/api/tracker/session', '/api/tracker/session', { headers: bearer });
    const start = at(2, 11, 0);
    const form = new FormData();
    form.append('meta', JSON.stringify({ capturedAt: at(2, 11, 3), keyboard: Array(10).fill(5), mouse: Array(10).fill(3), memo: 'Upload', windowTitle: 'app.ts' }));
    form.append('screenshot', new Blob([new Uint8Array(await testImage(7))], { type: 'image/jpeg' }), 'shot.jpg');
    const body = new Request('http://localhost/', { method: 'PUT', body: form });
    await call('PUT', '/api/contracts/{contractId}/slots/{start}', `/api/contracts/${k.dev}/slots/${start}`, {
      headers: { ...bearer, 'content-type': body.headers.get('content-type')! },
      payload: Buffer.from(await body.arrayBuffer()),
    });
    const publicKey = generateKeyPairSync('ed25519').publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
    await call('PUT', '/api/tracker/key', '/api/tracker/key', { headers: bearer, payload: { publicKey } });
    await call('GET', '/api/trackers', '/api/trackers', { as: who.dev });
    await call('DELETE', '/api/trackers/{trackerId}', `/api/trackers/${tracker.id}`, { as: who.dev });
    await call('GET', '/api/tracker/session', '/api/tracker/session', { headers: bearer });

    // The admin console: users, a disable and enable, companies, the audit trail.
    const userUrl = (action: string) => `/api/admin/users/${world.users.designer.id}/${action}`;
    await call('GET', '/api/admin/users', '/api/admin/users?q=de', { as: who.admin });
    for (const action of ['disable', 'enable']) await call('POST', `/api/admin/users/{userId}/${action}`, userUrl(action), { as: who.admin });
    const company = await call('POST', '/api/admin/companies', '/api/admin/companies', { as: who.admin, payload: { name: 'Initech' } });
    const companyUrl = `/api/admin/companies/${company.json<{ id: string }>().id}`;
    await call('PATCH', '/api/admin/companies/{companyId}', companyUrl, { as: who.admin, payload: { name: 'Initech Labs' } });
    await call('GET', '/api/admin/companies', '/api/admin/companies', { as: who.admin });
    await call('GET', '/api/admin/audit', '/api/admin/audit', { as: who.admin });
    for (const action of ['deactivate', 'reactivate']) await call('POST', `/api/admin/companies/{companyId}/${action}`, `${companyUrl}/${action}`, { as: who.admin });
    await call('GET', '/api/admin/contracts', '/api/admin/contracts?q=design', { as: who.admin });
    const contract = await call('POST', '/api/admin/contracts', '/api/admin/contracts', {
      as: who.admin,
      payload: { companyId: world.globex.id, contractorEmail: world.users.dev.email, title: 'Ads', hourlyRate: 5000, currency: 'EUR', weeklyLimitHours: null, manualTimeAllowed: false, timeZone: 'UTC' },
    });
    for (const action of ['pause', 'resume', 'end']) {
      await call('POST', `/api/contracts/{contractId}/${action}`, `/api/contracts/${contract.json<{ id: string }>().id}/${action}`, { as: who.client2 });
    }

    // Invitations: a client invited, a contractor invited, listed, resent, revoked; a link read and
    // accepted; a password reset asked for, sent by the admin, and used.
    const linkOf = async (to: string) =>
      /\/(?:invite|reset)\/([A-Za-z0-9_-]{43})/.exec((await env.database.query<{ text: string }>(`select text from mails where to_address = $1 order by id desc limit 1`, [to]))[0]!.text)![1]!;
    await call('POST', '/api/invitations/clients', '/api/invitations/clients', { as: who.admin, payload: { companyId: world.acme.id, email: 'new@test.test' } });
    const invited = await call('POST', '/api/invitations/contractors', '/api/invitations/contractors', {
      as: who.client,
      payload: { email: 'later@test.test', title: 'Docs', hourlyRate: 4000, currency: 'USD', weeklyLimitHours: 10, manualTimeAllowed: false, timeZone: 'UTC' },
    });
    for (const u of [who.client, who.admin]) await call('GET', '/api/invitations', '/api/invitations', { as: u });
    const invitationUrl = `/api/invitations/${invited.json<{ id: string }>().id}`;
    await call('POST', '/api/invitations/{invitationId}/resend', `${invitationUrl}/resend`, { as: who.client });
    await call('POST', '/api/invitations/{invitationId}/revoke', `${invitationUrl}/revoke`, { as: who.client });
    const clientLink = await linkOf('new@test.test');
    await call('GET', '/api/links/{token}', `/api/links/${clientLink}`);
    await call('POST', '/api/links/{token}/accept', `/api/links/${clientLink}/accept`, { payload: { name: 'Nia New', password: 'a-long-password' } });
    await call('GET', '/api/links/{token}', `/api/links/${clientLink}`);
    await call('POST', '/api/auth/forgot', '/api/auth/forgot', { payload: { email: 'new@test.test' } });
    await call('POST', '/api/admin/users/{userId}/password-reset', `/api/admin/users/${world.users.designer.id}/password-reset`, { as: who.admin });
    await call('GET', '/api/links/{token}', `/api/links/${await linkOf(world.users.designer.email)}`);

    // Notifications: the bell, the choices per kind, and a mail's unsubscribe link (no session).
    const bell = await call('GET', '/api/notifications', '/api/notifications', { as: who.client });
    await call('GET', '/api/notifications/unread', '/api/notifications/unread', { as: who.client });
    await call('POST', '/api/notifications/{id}/read', `/api/notifications/${bell.json<{ items: { id: number }[] }>().items[0]!.id}/read`, { as: who.client });
    await call('POST', '/api/notifications/read-all', '/api/notifications/read-all', { as: who.client });
    await call('GET', '/api/settings/notifications', '/api/settings/notifications', { as: who.client });
    await call('PUT', '/api/settings/notifications', '/api/settings/notifications', { as: who.client, payload: { prefs: [{ kind: 'question-answered', channel: 'app' }] } });
    const [mail] = await env.database.query<{ messageId: string }>(`select message_id as "messageId" from mails where kind = 'slots-disputed' limit 1`);
    const unsubscribeUrl = `/api/unsubscribe/${encodeURIComponent(mail!.messageId)}`;
    await call('GET', '/api/unsubscribe/{messageId}', unsubscribeUrl);
    await call('POST', '/api/unsubscribe/{messageId}', unsubscribeUrl);

    // A company's webhook: made, changed, its secret rotated, a test sent, its log, a redelivery.
    allowPrivateWebhookTargets(true);
    const hooks = `/api/companies/${world.acme.id}/webhooks`;
    const hookMade = await call('POST', '/api/companies/{companyId}/webhooks', hooks, { as: who.client, payload: { url: 'http://127.0.0.1:9/hook', kinds: ['week-approved'] } });
    const hook = `${hooks}/${hookMade.json<{ id: string }>().id}`;
    await call('GET', '/api/companies/{companyId}/webhooks', hooks, { as: who.admin });
    await call('POST', '/api/companies/{companyId}/webhooks/{webhookId}/secret', `${hook}/secret`, { as: who.client });
    await call('POST', '/api/companies/{companyId}/webhooks/{webhookId}/test', `${hook}/test`, { as: who.client });
    const log = await call('GET', '/api/companies/{companyId}/webhooks/{webhookId}/deliveries', `${hook}/deliveries`, { as: who.client });
    const deliveryId = log.json<{ deliveries: { id: number }[] }>().deliveries[0]!.id;
    await call('POST', '/api/companies/{companyId}/webhooks/{webhookId}/deliveries/{deliveryId}/redeliver', `${hook}/deliveries/${deliveryId}/redeliver`, { as: who.client });
    await call('PATCH', '/api/companies/{companyId}/webhooks/{webhookId}', hook, { as: who.client, payload: { enabled: false } });
    allowPrivateWebhookTargets(false);

    // The outbox: the kept mails, one read as its recipient gets it.
    const outbox = await call('GET', '/api/admin/outbox', '/api/admin/outbox', { as: who.admin });
    await call('GET', '/api/admin/outbox/{mailId}', `/api/admin/outbox/${outbox.json<{ mails: { id: number }[] }>().mails[0]!.id}`, { as: who.admin });

    // Settings: read, renamed, other sessions ended; two-factor on, then a sign-in with its code.
    const settings = (route: string, opts: { payload?: unknown; method?: string } = {}) => call(opts.method ?? 'POST', route, route, { as: who.client2, ...opts });
    await settings('/api/settings', { method: 'GET' });
    await settings('/api/settings', { method: 'PATCH', payload: { name: 'Gil G. Globex' } });
    await settings('/api/settings/sessions/sign-out-others');
    const totp = new TOTP({ secret: Secret.fromBase32((await settings('/api/settings/totp')).json<{ secret: string }>().secret) });
    await settings('/api/settings/totp/confirm', { payload: { code: totp.generate() } });
    const step = await call('POST', '/api/auth/login', '/api/auth/login', { payload: { email: world.users.client2.email, password: 'test-password' } });
    const code = totp.generate({ timestamp: Date.now() + 30_000 });
    await call('POST', '/api/auth/login/code', '/api/auth/login/code', { payload: { pendingToken: step.json<{ pendingToken: string }>().pendingToken, code } });
  });

  it('exercised every route that answers JSON', () => {
    const routes = Object.entries(doc.paths).flatMap(([route, ops]) =>
      Object.entries(ops)
        .filter(([, op]) =>
          Object.entries(op.responses).some(([status, r]) => {
            const type = Object.values(r.content ?? {})[0]?.schema?.type;
            return Number(status) < 300 && (type === 'object' || type === 'array');
          }),
        )
        .map(([method]) => `${method.toUpperCase()} ${route}`),
    );
    expect(routes.length).toBeGreaterThan(15);
    expect(routes.filter((r) => !exercised.has(r))).toEqual([]);
  });
});
