// Questions on slots through the real API: a client asks, the contractor answers, the client
// follows up and closes; nobody else writes, another company sees nothing, money never moves.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { backends, createTestEnv, loginEach, type TestEnv, type Who } from '#server/test/harness.ts';
import { addSlots, createWorld, type World } from '#server/test/fixtures.ts';
import type { Overview } from '#contract/overview.ts';
import type { QuestionList, SlotQuestions } from '#contract/questions.ts';

const NOW = '2026-11-25T15:00:00.000Z';
const WEEK = '2026-11-23';
const at = (hh: number, mm: number) => new Date(Date.UTC(2026, 10, 24, hh, mm)).toISOString();

describe.each(backends)('questions on slots on %s', (backend) => {
  let env: TestEnv;
  let world: World;
  let who: Record<keyof World['users'], Who>;
  let base: string;

  beforeAll(async () => {
    env = await createTestEnv(backend, { now: NOW });
    world = await createWorld(env.database);
    await addSlots(env.database, env.blobs, world.contracts.dev, [
      { start: at(9, 0), active: 8 },
      { start: at(9, 10), active: 6 },
      { start: at(9, 20), active: 7 },
      { start: at(9, 30), active: 5 },
      { start: at(9, 40), active: 9, deleted: true },
      { start: at(9, 50), active: 6 },
    ]);
    who = await loginEach(env.app, world.users);
    base = `/api/contracts/${world.contracts.dev}`;
  });
  afterAll(async () => {
    await env?.close();
  });
  beforeEach(() => env.clock.set(NOW));

  const req = (method: 'GET' | 'POST', url: string, as?: Who, payload?: unknown) =>
    env.app.inject({ method, url, headers: as ? { cookie: as.cookie } : {}, ...(payload === undefined ? {} : { payload: payload as object }) });
  const questions = (start: string, as: Who) => req('GET', `${base}/slots/${start}/questions`, as);
  const ask = (start: string, as: Who | undefined, body: unknown) => req('POST', `${base}/slots/${start}/questions`, as, body);
  const reply = (start: string, id: string, as: Who | undefined, body: unknown) => req('POST', `${base}/slots/${start}/questions/${id}/replies`, as, body);
  const close = (start: string, id: string, as: Who | undefined) => req('POST', `${base}/slots/${start}/questions/${id}/close`, as);
  const fields = (res: { json(): { errors?: { field: string }[] } }) => (res.json().errors ?? []).map((e) => e.field);
  const auditActions = async () =>
    (await env.database.query<{ action: string }>(`select action from audit_log where action like 'question.%' order by id`)).map((r) => r.action);

  async function asked(start: string, body = 'What were you testing here?') {
    const res = await ask(start, who.client, { body });
    expect(res.statusCode, res.body).toBe(201);
    return (res.json() as SlotQuestions).questions.at(-1)!;
  }

  it('lets the client ask, the contractor answer, the client follow up and close', async () => {
    const start = at(9, 0);
    const q = await asked(start, '  Which ticket was this?  ');
    expect(q).toMatchObject({ status: 'open', askedBy: { name: 'Casey Client' }, askedAt: NOW, answeredAt: null, closedAt: null });
    expect(q.messages).toEqual([{ id: expect.any(Number), author: { id: world.users.client.id, name: 'Casey Client', role: 'client' }, body: 'Which ticket was this?', createdAt: NOW }]);
    expect(q.actions).toEqual({ reply: true, close: true });

    // The contractor sees it waiting on them, on the slot and in the contract's list.
    const mine = (await questions(start, who.dev)).json() as SlotQuestions;
    expect(mine.ask).toBe(false);
    expect(mine.questions[0]!.actions).toEqual({ reply: true, close: false });
    const waiting = (await req('GET', `${base}/questions?status=open`, who.dev)).json() as QuestionList;
    expect(waiting.questions).toEqual([
      expect.objectContaining({ id: q.id, slotStart: start, status: 'open', question: 'Which ticket was this?', messageCount: 1 }),
    ]);

    env.clock.set('2026-11-25T16:00:00.000Z');
    const answered = await reply(start, q.id, who.dev, { body: 'WD-142, the planner refactor.' });
    expect(answered.statusCode, answered.body).toBe(201);
    expect((answered.json() as SlotQuestions).questions[0]).toMatchObject({ status: 'answered', answeredAt: '2026-11-25T16:00:00.000Z' });
    expect(((await req('GET', `${base}/questions?status=open`, who.dev)).json() as QuestionList).questions).toEqual([]);

    // The client sees the answer, follows up (waiting on the contractor again), then closes.
    const seen = (await questions(start, who.client)).json() as SlotQuestions;
    expect(seen.questions[0]!.messages.map((m) => [m.author.role, m.body])).toEqual([
      ['client', 'Which ticket was this?'],
      ['contractor', 'WD-142, the planner refactor.'],
    ]);
    expect((await reply(start, q.id, who.client, { body: 'Thanks, and the one before?' })).json().questions[0].status).toBe('open');
    const closed = await close(start, q.id, who.client);
    expect(closed.statusCode, closed.body).toBe(200);
    const after = closed.json() as SlotQuestions;
    expect(after.questions[0]).toMatchObject({ status: 'closed', closedAt: '2026-11-25T16:00:00.000Z', actions: { reply: false, close: false } });
    expect(after.questions[0]!.messages).toHaveLength(3);
    expect(after.ask).toBe(true);

    // A closed question takes no more messages; a new question may be asked.
    const late = await reply(start, q.id, who.dev, { body: 'Also WD-141.' });
    expect(late.statusCode).toBe(409);
    expect(late.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(late.json().detail).toMatch(/closed/);
    expect((await close(start, q.id, who.client)).statusCode).toBe(409);
    await asked(start, 'And this one?');
    expect((await questions(start, who.admin)).json().questions.map((x: { status: string }) => x.status)).toEqual(['closed', 'open']);
    expect(await auditActions()).toEqual(['question.asked', 'question.replied', 'question.replied', 'question.closed', 'question.asked']);
  });

  it('never holds money nor changes the slot or the week', async () => {
    const start = at(9, 10);
    const snapshot = async () => ({
      slot: (await req('GET', `${base}/slots/${start}`, who.client)).json(),
      timesheet: (await req('GET', `${base}/weeks/${WEEK}/timesheet`, who.client)).json(),
    });
    const before = await snapshot();
    expect(before.slot.state).toBe('billable');
    const q = await asked(start);
    await reply(start, q.id, who.dev, { body: 'Reviewing the pull request.' });
    expect(await snapshot()).toEqual(before);
    await close(start, q.id, who.client);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses the wrong role with 403 and another company or contractor with 404', async () => {
    const start = at(9, 20);
    const asContractor = await ask(start, who.dev, { body: 'Can I ask myself?' });
    expect(asContractor.statusCode).toBe(403);
    expect(asContractor.json().detail).toMatch(/As the contractor, you answer them/);
    expect((await ask(start, who.admin, { body: 'Admin here' })).statusCode).toBe(403);
    const q = await asked(start);
    expect((await reply(start, q.id, who.admin, { body: 'Admin here' })).statusCode).toBe(403);
    expect((await close(start, q.id, who.dev)).statusCode).toBe(403);
    expect((await close(start, q.id, who.admin)).statusCode).toBe(403);
    const adminView = (await questions(start, who.admin)).json() as SlotQuestions;
    expect(adminView).toMatchObject({ ask: false, questions: [{ id: q.id, actions: { reply: false, close: false } }] });

    // Globex's client and a contractor of other contracts may not see this contract at all.
    for (const outsider of [who.client2, who.designer]) {
      expect((await questions(start, outsider)).statusCode).toBe(404);
      expect((await req('GET', `${base}/questions`, outsider)).statusCode).toBe(404);
      expect((await ask(start, outsider, { body: 'Hello?' })).statusCode).toBe(404);
      expect((await reply(start, q.id, outsider, { body: 'Hello?' })).statusCode).toBe(404);
      expect((await close(start, q.id, outsider)).statusCode).toBe(404);
    }
    expect((await questions(start, undefined as unknown as Who)).statusCode).toBe(401);
    expect((await ask(start, undefined, { body: 'Hello?' })).statusCode).toBe(401);
    const thread = (await questions(start, who.client)).json() as SlotQuestions;
    expect(thread.questions[0]!.messages).toHaveLength(1);
    expect(thread.questions[0]!.status).toBe('open');
  });

  it('answers bad input with a problem naming the field', async () => {
    const start = at(9, 30);
    for (const [body, field] of [
      [{ body: '' }, 'body.body'],
      [{ body: '   \n ' }, 'body.body'],
      [{ body: 'x'.repeat(1001) }, 'body.body'],
      [{}, 'body.body'],
      [{ body: 'a\u0000b' }, 'body.body'],
    ] as const) {
      const res = await ask(start, who.client, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(fields(res)).toEqual([field]);
    }
    expect((await ask(start, who.client, { body: 'x'.repeat(1000) })).statusCode).toBe(201);
    expect(fields(await ask('2026-11-24T09:05:00Z', who.client, { body: 'Hi' }))).toEqual(['params.start']);
    expect(fields(await req('GET', `${base}/questions?status=waiting`, who.client))).toEqual(['querystring.status']);
    expect(fields(await reply(start, 'not-a-uuid', who.dev, { body: 'Hi' }))).toEqual(['params.questionId']);

    // One unclosed question per slot; none on a slot that is not there or was deleted.
    const twice = await ask(start, who.client, { body: 'Another one' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().detail).toMatch(/already has a question that is not closed/);
    expect((await ask(at(10, 0), who.client, { body: 'Hi' })).statusCode).toBe(404);
    expect((await questions(at(10, 0), who.client)).statusCode).toBe(404);
    const deleted = await ask(at(9, 40), who.client, { body: 'Why delete it?' });
    expect(deleted.statusCode).toBe(409);
    expect(deleted.json().detail).toMatch(/deleted by the contractor/);
    // A question of another slot is not this slot's.
    const [other] = (await questions(start, who.client)).json().questions;
    expect((await reply(at(9, 0), other.id, who.dev, { body: 'Hi' })).statusCode).toBe(404);
  });

  it('shows an unanswered question on the overview of the client and the contractor until it is answered', async () => {
    const start = at(9, 50);
    const q = await asked(start, 'Why is the memo empty here?');
    const due = async (as: Who) => ((await req('GET', '/api/overview', as)).json() as Overview).needs.questions;
    expect((await due(who.client)).find((x) => x.id === q.id)).toMatchObject({
      contractId: world.contracts.dev,
      contractTitle: 'Backend work',
      counterpart: 'Dana Dev',
      slotStart: start,
      weekStart: WEEK,
      status: 'open',
      question: 'Why is the memo empty here?',
    });
    expect((await due(who.dev)).find((x) => x.id === q.id)).toMatchObject({ counterpart: 'Acme Robotics' });
    // The admin only reads threads; another company and another contractor see none of it.
    expect(await due(who.admin)).toEqual([]);
    expect(await due(who.client2)).toEqual([]);
    expect(await due(who.designer)).toEqual([]);

    await reply(start, q.id, who.dev, { body: 'Pairing call, forgot the memo.' });
    expect((await due(who.client)).map((x) => x.id)).not.toContain(q.id);
    expect((await due(who.dev)).map((x) => x.id)).not.toContain(q.id);
  });
});
