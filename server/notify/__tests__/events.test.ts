// The events actions cause, through the real API: each is emitted once, in the action's
// transaction, and reaches the right people: the contract's company's clients, its contractor,
// the admins; never another company's client. Each person's choice decides bell and mail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, connectTracker, createTestEnv, loginEach, type TestEnv, type Who } from '#server/test/harness.ts';
import { addContract, addSlots, createWorld, desktopScreenshot, slotRun, uploadForm, type World } from '#server/test/fixtures.ts';
import type { Dispute } from '#contract/disputes.ts';
import { slotsDisputed } from '../events.ts';
import { findContractsById } from '../../data/contracts.ts';
import { addReviewSlots, eventCount, LAST_WEEK, lastWeekAt, mailsOfKind, NOW, request, thisWeekAt, toldTo } from './events-world.ts';

describe.each(backends)('events caused by actions on %s', (backend) => {
  let env: TestEnv;
  let world: World;
  let who: Record<keyof World['users'], Who>;
  let req: ReturnType<typeof request>;
  const kinds = async (user: keyof World['users']) => (await toldTo(env, world.users[user].id)).map((t) => t.kind);

  beforeAll(async () => {
    env = await createTestEnv(backend, { now: NOW });
    world = await createWorld(env.database);
    await addReviewSlots(env, world);
    who = await loginEach(env.app, world.users);
    req = request(env);
  });
  afterAll(async () => {
    await env?.close();
  });

  async function dispute(starts: string[], comment = 'Not on our project'): Promise<Dispute> {
    const res = await req('POST', '/api/disputes', who.client, {
      slots: starts.map((start) => ({ contractId: world.contracts.dev, start })),
      reason: 'not_work_related',
      comment,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<Dispute>();
  }
  const answer = (d: Dispute, start: string, body: object) => req('POST', `/api/disputes/${d.id}/slots/${start}/answer`, who.dev, body);

  it('tells the contractor of disputed slots, with the answer deadline, by bell and mail', async () => {
    const d = await dispute([lastWeekAt(1, 9), lastWeekAt(1, 9, 10)]);
    const told = await toldTo(env, world.users.dev.id);
    expect(told).toEqual([
      {
        kind: 'slots-disputed',
        title: 'Slots disputed',
        body: '2 slots on Backend work were disputed (“Not on our project”). Answer by Saturday 28 November 2026 at 15:00 UTC.',
        link: `/disputes/${d.id}`,
        mailed: true,
      },
    ]);
    const [mail] = await mailsOfKind(env, 'slots-disputed');
    expect(mail).toMatchObject({ to: 'dev@test.test', subject: 'Slots disputed · Backend work' });
    expect(mail!.text).toContain(`/disputes/${d.id}`);
    expect(await kinds('client')).toEqual([]);
    expect(await kinds('client2')).toEqual([]);
  });

  it('tells the clients of the company, not another company, when the contractor answered', async () => {
    const d = await dispute([lastWeekAt(1, 9, 20)]);
    expect((await answer(d, lastWeekAt(1, 9, 20), { answer: 'accept' })).statusCode).toBe(200);
    const told = (await toldTo(env, world.users.client.id)).filter((t) => t.kind === 'dispute-answered');
    expect(told).toEqual([
      { kind: 'dispute-answered', title: 'Dispute answered', body: 'Dana Dev answered your dispute on Backend work: 1 slot accepted (refunded).', link: `/disputes/${d.id}`, mailed: true },
    ]);
    expect(await kinds('client2')).toEqual([]);
    expect(await kinds('admin')).toEqual([]);
  });

  it('on a contest, tells the client it was answered and escalated, and every admin that it waits for them', async () => {
    const d = await dispute([lastWeekAt(1, 9, 30), lastWeekAt(1, 9, 40)]);
    await answer(d, lastWeekAt(1, 9, 30), { answer: 'accept' });
    // One slot still open: the client is not told yet.
    expect((await kinds('client')).filter((k) => k === 'dispute-answered')).toHaveLength(1);
    expect((await answer(d, lastWeekAt(1, 9, 40), { answer: 'contest', reply: 'I was reviewing the pull request' })).statusCode).toBe(200);
    const client = (await toldTo(env, world.users.client.id)).filter((t) => t.link === `/disputes/${d.id}`);
    expect(client.map((t) => [t.kind, t.body])).toEqual([
      ['dispute-answered', 'Dana Dev answered your dispute on Backend work: 1 slot accepted (refunded), 1 slot contested: “I was reviewing the pull request”.'],
      ['dispute-escalated', expect.stringContaining('went to an admin')],
    ]);
    expect((await toldTo(env, world.users.admin.id)).map((t) => [t.kind, t.link])).toEqual([['dispute-escalated-admin', `/disputes/${d.id}`]]);
    expect(await kinds('client2')).toEqual([]);

    // The admin's decision settles it: both sides hear the outcome.
    const res = await req('POST', `/api/disputes/${d.id}/slots/${lastWeekAt(1, 9, 40)}/resolution`, who.admin, { for: 'contractor' });
    expect(res.statusCode, res.body).toBe(200);
    const resolved = (await toldTo(env, world.users.dev.id)).filter((t) => t.kind === 'dispute-resolved');
    expect(resolved.map((t) => t.body)).toEqual(['A dispute on Backend work was resolved: 1 slot refunded to the client, 1 slot paid to the contractor.']);
    expect((await kinds('client')).filter((k) => k === 'dispute-resolved-client')).toHaveLength(1);
    expect(await eventCount(env, 'dispute-escalated')).toBe(1);
  });

  it('tells the contractor when the client withdrew a dispute', async () => {
    const d = await dispute([lastWeekAt(1, 9, 50)]);
    expect((await req('POST', `/api/disputes/${d.id}/withdrawal`, who.client)).statusCode).toBe(200);
    const told = (await toldTo(env, world.users.dev.id)).filter((t) => t.link === `/disputes/${d.id}`).map((t) => [t.kind, t.body]);
    expect(told).toEqual([
      ['slots-disputed', expect.any(String)],
      ['dispute-resolved', 'A dispute on Backend work was resolved: the client withdrew it; its slots are billable again.'],
    ]);
  });

  it('tells each side of a question on a slot', async () => {
    const start = lastWeekAt(1, 10);
    const base = `/api/contracts/${world.contracts.dev}/slots/${start}/questions`;
    const asked = await req('POST', base, who.client, { body: 'Which ticket was this?' });
    expect(asked.statusCode, asked.body).toBe(201);
    const link = `/contracts/${world.contracts.dev}/diary?week=${LAST_WEEK}&slot=${encodeURIComponent(start)}`;
    expect((await toldTo(env, world.users.dev.id)).filter((t) => t.kind === 'question-asked')).toEqual([
      { kind: 'question-asked', title: 'Question on a slot', body: 'A client asked about a slot on Backend work: “Which ticket was this?”', link, mailed: true },
    ]);
    const id = asked.json<{ questions: { id: string }[] }>().questions[0]!.id;
    expect((await req('POST', `${base}/${id}/replies`, who.dev, { body: 'WD-42, the export' })).statusCode).toBe(201);
    // The kind's default is app only: a bell item, no mail.
    expect((await toldTo(env, world.users.client.id)).filter((t) => t.kind === 'question-answered')).toEqual([
      { kind: 'question-answered', title: 'Question answered', body: 'Dana Dev answered your question on Backend work: “WD-42, the export”', link, mailed: false },
    ]);
    expect(await kinds('client2')).toEqual([]);
  });

  it('tells the contractor of the approval with the amount and the seal’s fingerprint, once', async () => {
    const url = `/api/contracts/${world.contracts.designer}/weeks/${LAST_WEEK}/approval`;
    expect((await req('POST', url, who.client)).statusCode).toBe(200);
    expect((await req('POST', url, who.client)).statusCode).toBe(200);
    const seal = (await req('GET', `/api/contracts/${world.contracts.designer}/weeks/${LAST_WEEK}/seal`, who.designer)).json<{ fingerprint: string }>();
    expect((await toldTo(env, world.users.designer.id)).filter((t) => t.kind === 'week-approved').map((t) => t.body)).toEqual([
      `The week of 16–22 Nov 2026 on Design was approved by Casey Client: €22.50. Seal ${seal.fingerprint}.`,
    ]);
    expect(await eventCount(env, 'week-approved')).toBe(1);
  });

  it('tells the clients once when an upload takes the week over the cap', async () => {
    // The developer's cap is 2 h: 12 countable slots this week, then two more uploads.
    await addSlots(env.database, env.blobs, world.contracts.dev, slotRun(thisWeekAt(0, 8), 12, { active: 5 }));
    const token = await connectTracker(env.app, who.dev);
    const shot = await desktopScreenshot(3, 320, 180);
    for (const start of [thisWeekAt(0, 10), thisWeekAt(0, 10, 10)]) {
      const meta = { capturedAt: new Date(Date.parse(start) + 60_000).toISOString(), keyboard: [3, 3, 3, 0, 0, 0, 0, 0, 0, 0], mouse: Array(10).fill(0), memo: 'More tests', windowTitle: 'tests.ts' };
      const body = await uploadForm(meta, { bytes: shot });
      const res = await env.app.inject({
        method: 'PUT',
        url: `/api/contracts/${world.contracts.dev}/slots/${start}`,
        headers: { authorization: `Bearer ${token}`, 'content-type': body.contentType },
        payload: body.payload,
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const told = (await toldTo(env, world.users.client.id)).filter((t) => t.kind === 'over-cap');
    expect(told.map((t) => [t.body, t.link])).toEqual([
      ['Dana Dev went over the weekly cap on Backend work in the week of 23–29 Nov 2026 (cap 2 h; the time past it is not billed).', `/contracts/${world.contracts.dev}/timesheet?week=2026-11-23`],
    ]);
    expect(await kinds('client2')).not.toContain('over-cap');
  });

  it('tells the clients when manual time takes the week over the cap, once', async () => {
    // A one-hour cap, five manual slots already there; adding two goes past it.
    const contractId = await addContract(env.database, { companyId: world.acme.id, contractorId: world.users.designer.id, title: 'Icons', weeklyLimitHours: 1, manualTimeAllowed: true });
    await addSlots(env.database, env.blobs, contractId, slotRun(thisWeekAt(0, 6), 5, { manual: true }));
    const add = (start: string, end: string) => req('POST', `/api/contracts/${contractId}/manual-time`, who.designer, { start, end, memo: 'Icon sketches' });
    expect((await add(thisWeekAt(0, 7), thisWeekAt(0, 7, 10))).statusCode).toBe(201);
    expect((await toldTo(env, world.users.client.id)).filter((t) => t.link.startsWith(`/contracts/${contractId}/`))).toEqual([]);
    expect((await add(thisWeekAt(0, 7, 10), thisWeekAt(0, 7, 30))).statusCode).toBe(201);
    expect((await add(thisWeekAt(0, 7, 30), thisWeekAt(0, 7, 40))).statusCode).toBe(201);
    const told = (await toldTo(env, world.users.client.id)).filter((t) => t.link.startsWith(`/contracts/${contractId}/`));
    expect(told.map((t) => [t.kind, t.body])).toEqual([['over-cap', 'Desi Designer went over the weekly cap on Icons in the week of 23–29 Nov 2026 (cap 1 h; the time past it is not billed).']]);
  });

  it('follows each person’s choice: off tells nothing, app only tells in the bell without a mail', async () => {
    const prefs = (channel: string) => req('PUT', '/api/settings/notifications', who.dev, { prefs: [{ kind: 'slots-disputed', channel }] });
    expect((await prefs('off')).statusCode).toBe(200);
    const before = (await toldTo(env, world.users.dev.id)).length;
    const mailsBefore = (await mailsOfKind(env, 'slots-disputed')).length;
    await dispute([lastWeekAt(1, 10, 10)]);
    expect(await toldTo(env, world.users.dev.id)).toHaveLength(before);
    expect(await mailsOfKind(env, 'slots-disputed')).toHaveLength(mailsBefore);

    expect((await prefs('app')).statusCode).toBe(200);
    await dispute([lastWeekAt(1, 10, 20)]);
    const last = (await toldTo(env, world.users.dev.id)).at(-1)!;
    expect(last).toMatchObject({ kind: 'slots-disputed', mailed: false });
    expect(await mailsOfKind(env, 'slots-disputed')).toHaveLength(mailsBefore);
  });

  it('tells nobody when the action’s transaction rolls back', async () => {
    const [contract] = await findContractsById(env.database, [world.contracts.dev]);
    const events = await eventCount(env, 'slots-disputed');
    await expect(
      env.database.transaction(async (tx) => {
        await slotsDisputed(tx, contract!, { id: '00000000-0000-4000-8000-000000000001', weekStart: new Date(LAST_WEEK), slots: 1, answerDue: new Date(NOW), comment: '' }, new Date(NOW));
        throw new Error('the dispute could not be written');
      }),
    ).rejects.toThrow('could not be written');
    expect(await eventCount(env, 'slots-disputed')).toBe(events);
    const [row] = await env.database.query<{ n: number }>(`select count(*)::int as n from mails where text like '%00000000-0000-4000-8000-000000000001%'`);
    expect(row!.n).toBe(0);
  });
});
