// Redact, but prove: the contractor replaces a screenshot with a blurred copy within the edit
// window. The original's bytes are gone for good, its hash stays on the chain, and the slot stays
// billable within the contract's weekly allowance.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlotDetail } from '#contract/week.ts';
import { metaFor, T } from './ingest-suite.ts';
import { verifyContractChain } from '#server/services/chain-verify.ts';
import { backends, type TestEnv, type Who } from '#server/test/harness.ts';
import { addSlots, createTrackerEnv, desktopScreenshot, uploadForm, type World } from '#server/test/fixtures.ts';

describe.each(backends)('redacting a screenshot (%s)', (backend) => {
  let env: TestEnv;
  let world: World;
  let who: Record<'dev' | 'client' | 'client2' | 'designer' | 'admin', Who>;
  let token: string;
  let k: string;

  beforeAll(async () => {
    const t = await createTrackerEnv(backend);
    ({ env, world, devToken: token } = t);
    who = t.who;
    k = world.contracts.dev;
    for (const [i, hhmm] of ['09:00', '09:10', '09:20'].entries()) {
      const body = await uploadForm(metaFor(T(hhmm)), { bytes: await desktopScreenshot(40 + i, 800, 450) });
      const res = await env.app.inject({ method: 'PUT', url: `/api/contracts/${k}/slots/${T(hhmm)}`, headers: { authorization: `Bearer ${token}`, 'content-type': body.contentType }, payload: body.payload });
      expect(res.statusCode, res.body).toBe(201);
    }
  });
  afterAll(async () => {
    await env?.close();
  });

  const redact = (start: string, w: Who, contract = k) => env.app.inject({ method: 'POST', url: `/api/contracts/${contract}/slots/${start}/redaction`, headers: { cookie: w.cookie } });
  const get = (url: string, w: Who) => env.app.inject({ method: 'GET', url, headers: { cookie: w.cookie } });

  it('is the contractor’s alone: a client is refused (403), another company’s client sees nothing (404)', async () => {
    expect((await redact(T('09:00'), who.client)).statusCode).toBe(403);
    expect((await redact(T('09:00'), who.client2)).statusCode).toBe(404);
  });

  it('keeps a blurred copy, deletes the original for good, keeps its hash on the chain, and stays billable', async () => {
    const before = (await get(`/api/contracts/${k}/slots/${T('09:00')}`, who.client)).json<SlotDetail>();
    const originalSha = before.screenshot!.sha256;
    const originalThumb = (await get(`/api/contracts/${k}/slots/${T('09:00')}/thumbnail`, who.client)).rawPayload;
    const res = await redact(T('09:00'), who.dev);
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json<SlotDetail>();
    expect(after.redactedAt).toBe('2026-11-25T15:00:00.000Z');
    expect(after.state).toBe('billable');
    expect(after.screenshot!.sha256).not.toBe(originalSha);
    expect(after.screenshot!.mime).toBe('image/webp');
    expect(await env.blobs.get(k, originalSha)).toBeNull();

    // The client sees the blurred copy, never the original.
    const seen = await get(`/api/contracts/${k}/slots/${T('09:00')}`, who.client);
    expect(seen.json<SlotDetail>()).toMatchObject({ redactedAt: after.redactedAt, screenshot: { sha256: after.screenshot!.sha256 } });
    const thumb = await get(`/api/contracts/${k}/slots/${T('09:00')}/thumbnail`, who.client);
    expect(thumb.statusCode).toBe(200);
    expect(thumb.rawPayload.equals(originalThumb)).toBe(false);

    const [last] = await env.database.query<{ body: string }>(`select body from receipts where contract_id = $1 order by seq desc limit 1`, [k]);
    expect(JSON.parse(last!.body)).toMatchObject({ type: 'redaction', start: T('09:00'), originalSha256: originalSha, blurredSha256: after.screenshot!.sha256 });
    const [first] = await env.database.query<{ body: string }>(`select body from receipts where contract_id = $1 and slot_start = $2 and type = 'slot'`, [k, T('09:00')]);
    expect(JSON.parse(first!.body).screenshotSha256).toBe(originalSha);
    expect((await verifyContractChain(env.database, k)).problem).toBeNull();
  });

  it('refuses a second redaction of the same slot with the reason (409)', async () => {
    const res = await redact(T('09:00'), who.dev);
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toMatch(/is redacted already/);
  });

  it('past the week’s allowance, a redaction costs the slot’s time, as a deletion does', async () => {
    await env.database.query(`update contracts set redactions_per_week = 1 where id = $1`, [k]);
    const res = await redact(T('09:10'), who.dev);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<SlotDetail>()).toMatchObject({ state: 'deleted' });
    expect((await verifyContractChain(env.database, k)).problem).toBeNull();
  });

  it('refuses a slot whose week is past its edit deadline, with the reason (409)', async () => {
    await addSlots(env.database, env.blobs, k, [{ start: '2026-11-17T10:00:00.000Z', active: 6 }]);
    const res = await redact('2026-11-17T10:00:00.000Z', who.dev);
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toMatch(/edit/i);
  });

  it('is agreed when the contract is made: how many redacted slots a week stay billable, 0 for none', async () => {
    const body = { companyId: world.acme.id, contractorEmail: world.users.designer.email, title: 'Strict', hourlyRate: 5000, currency: 'USD', weeklyLimitHours: null, manualTimeAllowed: false, timeZone: 'UTC' };
    const post = (extra: object) => env.app.inject({ method: 'POST', url: '/api/admin/contracts', headers: { cookie: who.admin.cookie }, payload: { ...body, ...extra } });
    const bad = await post({ redactionsPerWeek: -1 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([{ field: 'body.redactionsPerWeek', message: 'must be 0 or more' }]);
    const made = await post({ redactionsPerWeek: 0, redactedBillable: false });
    expect(made.statusCode, made.body).toBe(201);
    const [row] = await env.database.query(`select redacted_billable as "billable", redactions_per_week as "perWeek" from contracts where id = $1`, [made.json().id]);
    expect(row).toEqual({ billable: false, perWeek: 0 });
    const plain = await post({ title: 'Usual' });
    const [usual] = await env.database.query(`select redacted_billable as "billable", redactions_per_week as "perWeek" from contracts where id = $1`, [plain.json().id]);
    expect(usual).toEqual({ billable: true, perWeek: 3 });
  });
});
