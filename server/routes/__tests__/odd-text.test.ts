// Odd text and odd dates through the real API: a NUL character or an unpaired surrogate in any
// text field a request carries, and dates in the years 0000 and 9999, are refused with a 400
// that names the field, and nothing is stored. (PostgreSQL cannot store a NUL in text, and
// UTF-8 cannot carry a lone surrogate, so both used to reach the database and answer 500.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, createTestEnv, loginEach, type TestEnv, type Who } from '#server/test/harness.ts';
import { addSlots, createWorld, desktopScreenshot, type World } from '#server/test/fixtures.ts';
import type { Problem } from '#contract/common.ts';
import type { CreatedTracker, SlotUploaded } from '#contract/trackers.ts';
import type { Dispute } from '#contract/disputes.ts';

type Res = Awaited<ReturnType<TestEnv['app']['inject']>>;

// The harness's clock: Wednesday 2026-11-25 15:00 UTC, in the week of 2026-11-23.
const T = (hhmm: string, day = '2026-11-25') => `${day}T${hhmm}:00.000Z`;

/** Each odd string, and what the refusal says about it. */
const ODD = [
  { label: 'a NUL character', value: 'before\u0000after', message: /must not contain a NUL character \(U\+0000\)/ },
  { label: 'a lone surrogate', value: 'before\ud800after', message: /unpaired surrogate/ },
] as const;

const counts = (active: number) => Array.from({ length: 10 }, (_, m) => (m < active ? 10 + m : 0));

describe.each(backends)('odd text and odd dates on %s', (backend) => {
  let env: TestEnv;
  let world: World;
  let dev: Who, designer: Who, client: Who, admin: Who;
  let devToken: string;
  let shot: Buffer;
  /** An open dispute on a slot of the dev's contract (the contractor may answer it). */
  let open: Dispute;
  /** A dispute the contractor contested, so an admin may resolve it. */
  let escalated: Dispute;
  const memoSlot = T('08:00');
  const undisputedSlot = T('08:30');

  beforeAll(async () => {
    env = await createTestEnv(backend);
    world = await createWorld(env.database);
    ({ dev, designer, client, admin } = await loginEach(env.app, world.users));
    await addSlots(env.database, env.blobs, world.contracts.dev, [
      { start: memoSlot, memo: 'Planner' },
      { start: T('08:10') },
      { start: T('08:20') },
      { start: undisputedSlot },
    ]);
    const created = await send('POST', '/api/trackers', dev, JSON.stringify({ deviceName: 'Dev laptop' }));
    devToken = created.json<CreatedTracker>().token;
    shot = await desktopScreenshot(7);
    // The token's first use stamps last_used_at; after this the clock stands still.
    expect((await upload(T('07:00'), { memo: 'Warm-up' })).statusCode).toBe(201);

    const dispute = async (start: string) => {
      const res = await send('POST', '/api/disputes', client, JSON.stringify({ slots: [{ contractId: world.contracts.dev, start }], reason: 'low_activity' }));
      expect(res.statusCode, res.body).toBe(201);
      return res.json<Dispute>();
    };
    open = await dispute(T('08:10'));
    escalated = await dispute(T('08:20'));
    const contested = await send('POST', `/api/disputes/${escalated.id}/slots/${T('08:20')}/answer`, dev, JSON.stringify({ answer: 'contest', reply: 'I was reading the spec' }));
    expect(contested.json<Dispute>().status).toBe('escalated');
  });
  afterAll(async () => {
    await env?.close();
  });

  /** Sends `body` as the raw JSON text given, so a `\ud800` escape reaches the server as it is. */
  function send(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, who: Who | null, body?: string): Promise<Res> {
    return env.app.inject({
      method,
      url,
      headers: { ...(who ? { cookie: who.cookie } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { payload: body }),
    });
  }

  async function upload(start: string, over: Record<string, unknown> = {}, url = `/api/contracts/${world.contracts.dev}/slots/${start}`): Promise<Res> {
    const meta = { capturedAt: new Date(Date.parse(start) + 61_000).toISOString(), keyboard: counts(6), mouse: counts(3), memo: 'Tests', windowTitle: 'editor', ...over };
    const form = new FormData();
    form.append('meta', JSON.stringify(meta));
    form.append('screenshot', new Blob([new Uint8Array(shot)], { type: 'image/png' }), 'shot.png');
    const r = new Request('http://localhost/', { method: 'PUT', body: form });
    return env.app.inject({
      method: 'PUT',
      url,
      headers: { authorization: `Bearer ${devToken}`, 'content-type': r.headers.get('content-type')! },
      payload: Buffer.from(await r.arrayBuffer()),
    });
  }

  /** Everything a request could have written: rows of every table a route changes, and the stored blobs. */
  async function state() {
    const tables = ['users', 'sessions', 'slots', 'screenshots', 'disputes', 'dispute_slots', 'dispute_comments', 'audit_log', 'week_approvals', 'contract_terms'];
    const rows: Record<string, string> = {};
    for (const t of tables) {
      const [r] = await env.database.query<{ rows: string }>(`select coalesce(string_agg(x::text, '|' order by x::text), '') as rows from ${t} x`);
      rows[t] = r!.rows;
    }
    const [tokens] = await env.database.query<{ rows: string }>(
      `select coalesce(string_agg(concat_ws(',', id, device_name, revoked_at, last_used_at), '|' order by id), '') as rows from tracker_tokens`,
    );
    rows.tracker_tokens = tokens!.rows;
    rows.blobs = (await env.blobs.listOlderThan(world.contracts.dev, new Date(Date.now() + 86_400_000))).sort().join(',');
    return rows;
  }

  const fields = (res: Res) => (res.json<Problem>().errors ?? []).map((e) => e.field);
  const messagesOf = (res: Res, field: string) => (res.json<Problem>().errors ?? []).filter((e) => e.field === field).map((e) => e.message).join('; ');

  /** Every text field a request carries, with a request that puts `value` in it and nothing else wrong. */
  const textFields: { field: string; request: (value: string) => Promise<Res> }[] = [
    { field: 'body.email', request: (v) => send('POST', '/api/auth/login', null, JSON.stringify({ email: `dev${v}@test.test`, password: 'test-password' })) },
    { field: 'body.password', request: (v) => send('POST', '/api/auth/login', null, JSON.stringify({ email: world.users.dev.email, password: `test-password${v}` })) },
    { field: 'body.deviceName', request: (v) => send('POST', '/api/trackers', dev, JSON.stringify({ deviceName: v })) },
    {
      field: 'body.comment',
      request: (v) => send('POST', '/api/disputes', client, JSON.stringify({ slots: [{ contractId: world.contracts.dev, start: undisputedSlot }], reason: 'other', comment: v })),
    },
    { field: 'body.reply', request: (v) => send('POST', `/api/disputes/${open.id}/slots/${T('08:10')}/answer`, dev, JSON.stringify({ answer: 'contest', reply: v })) },
    { field: 'body.note', request: (v) => send('POST', `/api/disputes/${escalated.id}/slots/${T('08:20')}/resolution`, admin, JSON.stringify({ for: 'client', note: v })) },
    { field: 'body.body', request: (v) => send('POST', `/api/disputes/${open.id}/comments`, client, JSON.stringify({ body: v })) },
    { field: 'body.memo', request: (v) => send('PATCH', `/api/contracts/${world.contracts.dev}/slots/${memoSlot}`, dev, JSON.stringify({ memo: v })) },
    {
      field: 'body.memo',
      request: (v) => send('POST', `/api/contracts/${world.contracts.designer}/manual-time`, designer, JSON.stringify({ start: T('12:00'), end: T('12:30'), memo: v })),
    },
    { field: 'meta.memo', request: (v) => upload(T('11:00'), { memo: v }) },
    { field: 'meta.windowTitle', request: (v) => upload(T('11:10'), { windowTitle: v }) },
  ];

  describe.each(ODD)('$label', ({ value, message }) => {
    it.each(textFields.map((c) => [c.field, c] as const))('in %s: 400 naming the field, nothing stored', async (field, { request }) => {
      const before = await state();
      const res = await request(value);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(fields(res)).toContain(field);
      expect(messagesOf(res, field)).toMatch(message);
      expect(res.json<Problem>().detail).toContain(field);
      expect(await state()).toEqual(before);
    });
  });

  it('refuses a NUL in a query parameter too (a URL cannot carry a lone surrogate: it is UTF-8)', async () => {
    const before = await state();
    const cases = [
      [`/api/contracts/${world.contracts.dev}/weeks/2026-11-23?tz=UTC%00`, 'querystring.tz'],
      [`/api/contracts/${world.contracts.dev}/weeks/2026-11-23/timesheet?tz=Europe%2FBerlin%00`, 'querystring.tz'],
      ['/api/disputes?status=open%00', 'querystring.status'],
    ] as const;
    for (const [url, field] of cases) {
      const res = await send('GET', url, client);
      expect(res.statusCode, url).toBe(400);
      expect(fields(res), url).toContain(field);
    }
    expect(await state()).toEqual(before);
  });

  it('refuses an upload whose memo has a lone surrogate every time, so the clean upload of that slot is still taken', async () => {
    const start = T('11:20');
    const odd = { memo: 'shell: echo \ud800' };
    const before = await state();
    // Stored, the surrogate became U+FFFD, so the tracker's identical replay was a 409 conflict.
    for (const attempt of ['first', 'replay']) {
      const res = await upload(start, odd);
      expect(res.statusCode, attempt).toBe(400);
      expect(fields(res), attempt).toEqual(['meta.memo']);
    }
    expect(await state()).toEqual(before);
    const clean = await upload(start, { memo: 'shell: echo' });
    expect(clean.statusCode).toBe(201);
    expect(clean.json<SlotUploaded>().status).toBe('created');
  });

  it('keeps the text that is fine: emoji (surrogate pairs), tabs and line breaks, other scripts', async () => {
    const memo = 'Fixed 🐛 in the\tparser\nand the 日本語 docs';
    const res = await send('PATCH', `/api/contracts/${world.contracts.dev}/slots/${memoSlot}`, dev, JSON.stringify({ memo }));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<{ memo: string }>().memo).toBe(memo);
  });

  describe.each([
    ['0000', '0000-01-03', '0000-01-03T00:00:00.000Z'],
    ['9999', '9999-12-27', '9999-12-27T00:00:00.000Z'],
  ])('dates in the year %s', (_year, week, slot) => {
    const dateRequests: { field: string; request: () => Promise<Res> }[] = [
      { field: 'params.weekStart', request: () => send('GET', `/api/contracts/${world.contracts.dev}/weeks/${week}`, client) },
      { field: 'params.weekStart', request: () => send('GET', `/api/contracts/${world.contracts.dev}/weeks/${week}/timesheet`, client) },
      { field: 'params.weekStart', request: () => send('GET', `/api/contracts/${world.contracts.dev}/weeks/${week}/timesheet.csv`, client) },
      { field: 'params.weekStart', request: () => send('POST', `/api/contracts/${world.contracts.dev}/weeks/${week}/approval`, client) },
      { field: 'querystring.week', request: () => send('GET', `/api/disputes?week=${week}`, client) },
      { field: 'params.start', request: () => send('GET', `/api/contracts/${world.contracts.dev}/slots/${slot}`, client) },
      { field: 'params.start', request: () => send('GET', `/api/contracts/${world.contracts.dev}/slots/${slot}/thumbnail`, client) },
      { field: 'params.start', request: () => send('PATCH', `/api/contracts/${world.contracts.dev}/slots/${slot}`, dev, JSON.stringify({ memo: 'x' })) },
      { field: 'params.start', request: () => send('DELETE', `/api/contracts/${world.contracts.dev}/slots/${slot}`, dev) },
      { field: 'params.start', request: () => upload(slot) },
      { field: 'meta.capturedAt', request: () => upload(T('11:30'), { capturedAt: slot }) },
      {
        field: 'body.start',
        request: () =>
          send('POST', `/api/contracts/${world.contracts.designer}/manual-time`, designer, JSON.stringify({ start: slot, end: new Date(Date.parse(slot) + 600_000).toISOString(), memo: 'x' })),
      },
      {
        field: 'body.slots.0.start',
        request: () => send('POST', '/api/disputes', client, JSON.stringify({ slots: [{ contractId: world.contracts.dev, start: slot }], reason: 'low_activity' })),
      },
      { field: 'params.start', request: () => send('POST', `/api/disputes/${open.id}/slots/${slot}/answer`, dev, JSON.stringify({ answer: 'accept' })) },
    ];

    it.each(dateRequests.map((c, i) => [`${i + 1}. ${c.field}`, c] as const))('%s: 400 that says the range, nothing stored', async (_name, { field, request }) => {
      const before = await state();
      const res = await request();
      expect(res.statusCode, res.body).toBe(400);
      expect(fields(res)).toContain(field);
      expect(messagesOf(res, field)).toMatch(/between 2000-01-01 and 2100-12-31/);
      expect(await state()).toEqual(before);
    });
  });
});
