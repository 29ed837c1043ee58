// The bell, the choices per kind and the unsubscribe link through the real API: each person
// reads and marks only their own items; bad input is a 400 naming the field; a mail's link
// stops that kind of mail for its reader, with no sign-in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, createTestEnv, loginEach, type TestEnv, type Who } from '#server/test/harness.ts';
import { createWorld, type World } from '#server/test/fixtures.ts';
import type { NotificationList, NotificationPrefs, UnsubscribeInfo } from '#contract/notifications.ts';
import { emit } from '#server/notify/emit.ts';

const NOW = '2026-11-25T15:00:00.000Z';

describe.each(backends)('notifications on %s', (backend) => {
  let env: TestEnv;
  let world: World;
  let who: Record<keyof World['users'], Who>;
  let n = 0;

  beforeAll(async () => {
    env = await createTestEnv(backend, { now: NOW });
    world = await createWorld(env.database);
    who = await loginEach(env.app, world.users);
  });
  afterAll(async () => {
    await env?.close();
  });

  const req = (method: 'GET' | 'POST' | 'PUT', url: string, as?: Who, payload?: unknown, headers: Record<string, string> = {}) =>
    env.app.inject({ method, url, headers: { ...(as ? { cookie: as.cookie } : {}), ...headers }, ...(payload === undefined ? {} : { payload: payload as object }) });
  const fields = (res: { json(): { errors?: { field: string }[] } }) => (res.json().errors ?? []).map((e) => e.field);
  /** A question asked on the developer's contract: the developer's bell item (and mail). */
  const tellDev = () =>
    env.database.transaction((tx) =>
      emit(tx, { kind: 'question-asked', key: `test:${++n}`, at: new Date(NOW), contractId: world.contracts.dev, data: { path: `/contracts/${world.contracts.dev}/diary`, contract: 'Backend work', text: `Question ${n}` } }),
    );
  const bell = async (as: Who, query = '') => {
    const res = await req('GET', `/api/notifications${query}`, as);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<NotificationList>();
  };

  it('lists my items newest first, a page at a time, with the unread count', async () => {
    for (let i = 0; i < 3; i++) await tellDev();
    const first = await bell(who.dev, '?limit=2');
    expect(first.unread).toBe(3);
    expect(first.items.map((i) => i.body)).toEqual(['A client asked about a slot on Backend work: “Question 3”', 'A client asked about a slot on Backend work: “Question 2”']);
    expect(first.items[0]).toMatchObject({ kind: 'question-asked', title: 'Question on a slot', link: `/contracts/${world.contracts.dev}/diary`, read: false, createdAt: NOW });
    const second = await bell(who.dev, `?limit=2&before=${first.nextBefore}`);
    expect(second.items.map((i) => i.body)).toEqual(['A client asked about a slot on Backend work: “Question 1”']);
    expect(second.nextBefore).toBeNull();
    expect((await bell(who.designer)).items).toEqual([]);
    expect((await req('GET', '/api/notifications/unread', who.dev)).json()).toEqual({ unread: 3 });
  });

  it('marks one of my items read, and all; another person’s item is not found', async () => {
    const [item] = (await bell(who.dev)).items;
    for (const other of [who.designer, who.client, who.client2, who.admin]) {
      const res = await req('POST', `/api/notifications/${item!.id}/read`, other);
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    expect((await bell(who.dev)).unread).toBe(3);
    const read = await req('POST', `/api/notifications/${item!.id}/read`, who.dev);
    expect(read.json()).toEqual({ unread: 2 });
    expect((await bell(who.dev)).items[0]).toMatchObject({ id: item!.id, read: true });
    expect((await req('POST', '/api/notifications/read-all', who.dev)).json()).toEqual({ unread: 0 });
    expect((await bell(who.dev)).items.every((i) => i.read)).toBe(true);
  });

  it('refuses bad ids and pages with a 400 naming the field, and a visitor with a 401', async () => {
    expect(fields(await req('POST', '/api/notifications/abc/read', who.dev))).toEqual(['params.id']);
    expect(fields(await req('GET', '/api/notifications?limit=500', who.dev))).toEqual(['querystring.limit']);
    expect(fields(await req('GET', '/api/notifications?before=-1', who.dev))).toEqual(['querystring.before']);
    expect((await req('GET', '/api/notifications')).statusCode).toBe(401);
    expect((await req('POST', '/api/notifications/read-all')).statusCode).toBe(401);
  });

  it('shows and changes my choice per kind of my role', async () => {
    const prefs = (await req('GET', '/api/settings/notifications', who.client)).json<NotificationPrefs>().prefs;
    expect(prefs.map((p) => p.kind)).toEqual(['week-in-review', 'review-closing', 'dispute-answered', 'dispute-escalated', 'dispute-resolved-client', 'over-cap', 'question-answered']);
    expect(prefs.find((p) => p.kind === 'question-answered')).toEqual({ kind: 'question-answered', label: 'A contractor answered your question', channel: 'app', defaultChannel: 'app' });
    const put = await req('PUT', '/api/settings/notifications', who.client, { prefs: [{ kind: 'over-cap', channel: 'off' }, { kind: 'over-cap', channel: 'app' }] });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json<NotificationPrefs>().prefs.find((p) => p.kind === 'over-cap')).toMatchObject({ channel: 'app', defaultChannel: 'app_mail' });
    // Another user's choices are their own.
    expect((await req('GET', '/api/settings/notifications', who.client2)).json<NotificationPrefs>().prefs.find((p) => p.kind === 'over-cap')!.channel).toBe('app_mail');
  });

  it('refuses an unknown kind, a kind of another role, and an unknown channel, naming the field', async () => {
    const put = (prefs: unknown) => req('PUT', '/api/settings/notifications', who.client, { prefs });
    const unknownKind = await put([{ kind: 'birthday', channel: 'app' }]);
    expect(unknownKind.statusCode).toBe(400);
    expect(fields(unknownKind)).toEqual(['body.prefs.0.kind']);
    const otherRole = await put([{ kind: 'over-cap', channel: 'app' }, { kind: 'slots-disputed', channel: 'off' }]);
    expect(otherRole.statusCode).toBe(400);
    expect(fields(otherRole)).toEqual(['body.prefs.1.kind']);
    expect(otherRole.json<{ detail: string }>().detail).toContain('slots-disputed');
    expect(fields(await put([{ kind: 'over-cap', channel: 'pigeon' }]))).toEqual(['body.prefs.0.channel']);
    expect(fields(await put([]))).toEqual(['body.prefs']);
  });

  it('unsubscribes a mail’s reader from its kind with no sign-in, on the page and by one click', async () => {
    await req('PUT', '/api/settings/notifications', who.dev, { prefs: [{ kind: 'question-asked', channel: 'app_mail' }] });
    await tellDev();
    const [mail] = await env.database.query<{ messageId: string; text: string }>(
      `select message_id as "messageId", text from mails where user_id = $1 and kind = 'question-asked' order by id desc limit 1`,
      [world.users.dev.id],
    );
    const url = `/unsubscribe/${encodeURIComponent(mail!.messageId)}`;
    expect(mail!.text).toContain(url);
    const info = await req('GET', `/api${url}`);
    expect(info.statusCode, info.body).toBe(200);
    expect(info.json<UnsubscribeInfo>()).toEqual({ kind: 'question-asked', label: 'A client asked about a slot', channel: 'app_mail' });
    const done = await req('POST', `/api${url}`);
    expect(done.json<UnsubscribeInfo>().channel).toBe('app');
    const mine = (await req('GET', '/api/settings/notifications', who.dev)).json<NotificationPrefs>().prefs;
    expect(mine.find((p) => p.kind === 'question-asked')!.channel).toBe('app');

    // A mail program's one-click POST to the link itself, with its form body.
    await req('PUT', '/api/settings/notifications', who.dev, { prefs: [{ kind: 'question-asked', channel: 'app_mail' }] });
    const click = await env.app.inject({ method: 'POST', url, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click' });
    expect(click.statusCode, click.body).toBe(200);
    expect((await req('GET', '/api/settings/notifications', who.dev)).json<NotificationPrefs>().prefs.find((p) => p.kind === 'question-asked')!.channel).toBe('app');
  });

  it('answers an unknown link with “no longer valid”, never a 500', async () => {
    for (const id of ['nope@workdiary', 'x'.repeat(90), '%E2%80%AE']) {
      const res = await req('GET', `/api/unsubscribe/${id}`);
      expect(res.statusCode).toBe(404);
      expect(res.json<{ detail: string }>().detail).toContain('This link is no longer valid');
      expect((await req('POST', `/unsubscribe/${id}`)).statusCode).toBe(404);
    }
    expect((await req('GET', `/api/unsubscribe/${'x'.repeat(300)}`)).statusCode).toBe(400);
  });
});
