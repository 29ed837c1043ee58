// Every accepted slot and every later change is a receipt on its contract's chain, and the
// chain names what was changed behind its back: a row edited in the database, a receipt
// rewritten. Receipts are canonical JSON (RFC 8785).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '#contract/canonical-json.ts';
import { metaFor, T } from '#server/routes/__tests__/ingest-suite.ts';
import { backends, type TestEnv, type Who } from '#server/test/harness.ts';
import { addSlots, createTrackerEnv, desktopScreenshot, slotRun, uploadForm, type World } from '#server/test/fixtures.ts';
import { chainUnchainedSlots } from '../chain-service.ts';
import { verifyContractChain } from '../chain-verify.ts';

describe('canonical JSON (RFC 8785)', () => {
  it('sorts keys by UTF-16 code units, as the RFC’s own example', () => {
    const value = { '\u20ac': 'Euro Sign', '\r': 'Carriage Return', '\ufb33': 'Hebrew Letter Dalet With Dagesh', '1': 'One', '\ud83d\ude00': 'Emoji: Grinning Face', '\u0080': 'Control', '\u00f6': 'Latin Small Letter O With Diaeresis' };
    const order = ['\r', '1', '\u0080', '\u00f6', '\u20ac', '\ud83d\ude00', '\ufb33'] as const;
    expect(canonicalJson(value)).toBe(`{${order.map((k) => `${JSON.stringify(k)}:${JSON.stringify(value[k])}`).join(',')}}`);
  });
  it('writes strings, numbers and literals as the RFC does, with no whitespace', () => {
    expect(canonicalJson({ b: [1, 2.5, -0, 1e21, true, null], a: '\u20ac$\u000F\u000aA\'\u0042\u0022\u005c\\"/' })).toBe(
      '{"a":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/","b":[1,2.5,0,1e+21,true,null]}',
    );
  });
  it('refuses what JSON cannot say', () => {
    expect(() => canonicalJson({ x: Number.NaN })).toThrow(/NaN/);
  });
});

describe.each(backends)('the chain of receipts (%s)', (backend) => {
  let env: TestEnv;
  let world: World;
  let who: Record<'dev' | 'client', Who>;
  let token: string;
  let k: string;

  beforeAll(async () => {
    const t = await createTrackerEnv(backend);
    ({ env, world, devToken: token } = t);
    who = t.who;
    k = world.contracts.dev;
  });
  afterAll(async () => {
    await env?.close();
  });

  const upload = async (start: string, seed: number) => {
    const body = await uploadForm(metaFor(start), { bytes: await desktopScreenshot(seed, 640, 360) });
    const res = await env.app.inject({ method: 'PUT', url: `/api/contracts/${k}/slots/${start}`, headers: { authorization: `Bearer ${token}`, 'content-type': body.contentType }, payload: body.payload });
    expect(res.statusCode, res.body).toBe(201);
  };
  const as = (w: Who, method: 'PATCH' | 'DELETE' | 'POST', url: string, payload?: object) =>
    env.app.inject({ method, url, headers: { cookie: w.cookie }, payload });
  const receipts = () => env.database.query<{ seq: number; type: string; body: string }>(`select seq, type, body from receipts where contract_id = $1 order by seq`, [k]);

  it('puts each upload, memo edit, deletion, manual time and dispute on the contract’s chain, in order', async () => {
    await upload(T('09:00'), 1);
    await upload(T('09:10'), 2);
    expect((await as(who.dev, 'PATCH', `/api/contracts/${k}/slots/${T('09:00')}`, { memo: 'Fixed the login bug' })).statusCode).toBe(200);
    expect((await as(who.dev, 'DELETE', `/api/contracts/${k}/slots/${T('09:10')}`)).statusCode).toBe(204);
    // Last week, in review: slots written in bulk go on the chain, then a client disputes two.
    await addSlots(env.database, env.blobs, k, slotRun('2026-11-17T10:00:00.000Z', 3, { active: 5 }));
    expect(await chainUnchainedSlots(env.database, [k])).toBe(3);
    const dispute = await as(who.client, 'POST', '/api/disputes', { slots: [0, 1].map((i) => ({ contractId: k, start: slotRun('2026-11-17T10:00:00.000Z', 2)[i]!.start })), reason: 'not_work_related', comment: '' });
    expect(dispute.statusCode, dispute.body).toBe(201);

    const list = await receipts();
    expect(list.map((r) => r.type)).toEqual(['slot', 'slot', 'memo', 'delete', 'slot', 'slot', 'slot', 'dispute']);
    expect(list.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const first = JSON.parse(list[0]!.body);
    expect(first).toMatchObject({ type: 'slot', contract: k, start: T('09:00'), kind: 'tracked', memo: 'Hero section', receivedAt: '2026-11-25T15:00:00.000Z' });
    expect(first.screenshotSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(first.keyboard).toHaveLength(10);
    expect(list[0]!.body).toBe(canonicalJson(first));
    expect(await verifyContractChain(env.database, k)).toMatchObject({ receipts: 8, slots: 5, problem: null });
  });

  it('names the slot whose memo was changed in the database behind the chain’s back', async () => {
    await env.database.query(`update slots set memo = 'Wrote the whole app' where contract_id = $1 and start = $2`, [k, T('09:00')]);
    expect((await verifyContractChain(env.database, k)).problem).toBe(`slot ${T('09:00')}: its memo in the database is not the one on its chain`);
    await env.database.query(`update slots set memo = 'Fixed the login bug' where contract_id = $1 and start = $2`, [k, T('09:00')]);
    expect((await verifyContractChain(env.database, k)).problem).toBeNull();
  });

  it('names a slot that appears in the database without a receipt', async () => {
    await addSlots(env.database, env.blobs, k, [{ start: T('11:00'), active: 9 }]);
    expect((await verifyContractChain(env.database, k)).problem).toBe(`slot ${T('11:00')}: it is not on the chain`);
    await chainUnchainedSlots(env.database, [k]);
    expect((await verifyContractChain(env.database, k)).problem).toBeNull();
  });

  it('keeps receipts append-only, and names a rewritten one', async () => {
    await expect(env.database.query(`update receipts set body = body where contract_id = $1 and seq = 1`, [k])).rejects.toThrow(/append-only/);
    await expect(env.database.query(`delete from receipts where contract_id = $1`, [k])).rejects.toThrow(/append-only/);
    // Whoever owns the database can lift the trigger; the hashes still tell.
    await env.database.query(`alter table receipts disable trigger receipts_no_update_or_delete`);
    await env.database.query(`update receipts set body = replace(body, 'Fixed the login bug', 'Fixed every bug') where contract_id = $1 and seq = 3`, [k]);
    await env.database.query(`alter table receipts enable trigger receipts_no_update_or_delete`);
    expect((await verifyContractChain(env.database, k)).problem).toBe(`receipt #3 (slot ${T('09:00')}): its hash does not follow from the receipt before it`);
  });
});
