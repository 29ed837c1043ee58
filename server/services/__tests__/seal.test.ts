// Sealed weeks: once a week's approval is final, its receipts and audit events are bound by a
// Merkle root, signed with the installation's Ed25519 key. Either party can check the seal
// with nothing but the public key; a week with a slot still held is sealed when it settles.
import { createHash, createPublicKey, verify } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WeekSeal } from '#contract/seal.ts';
import { merkleRoot } from '#server/domain/merkle.ts';
import { backends, createTestEnv, login, type TestEnv, type Who } from '#server/test/harness.ts';
import { addSlots, createWorld, slotRun, type World } from '#server/test/fixtures.ts';
import { chainUnchainedSlots } from '../chain-service.ts';

const sha = (...parts: Buffer[]) => parts.reduce((h, p) => h.update(p), createHash('sha256')).digest();
/** RFC 6962's own definition: split at the largest power of two below n. */
function mth(leaves: Buffer[]): Buffer {
  if (leaves.length === 0) return sha();
  if (leaves.length === 1) return sha(Buffer.from([0]), leaves[0]!);
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return sha(Buffer.from([1]), mth(leaves.slice(0, k)), mth(leaves.slice(k)));
}

describe('the week’s Merkle tree', () => {
  it('is RFC 6962’s: the empty tree, one empty leaf, and every size up to 40 as the RFC defines it', () => {
    expect(merkleRoot([]).toString('hex')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(merkleRoot([Buffer.alloc(0)]).toString('hex')).toBe('6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d');
    const leaves = Array.from({ length: 40 }, (_, i) => sha(Buffer.from(`leaf ${i}`)));
    for (let n = 0; n <= 40; n++) expect(merkleRoot(leaves.slice(0, n)).toString('hex'), `${n} leaves`).toBe(mth(leaves.slice(0, n)).toString('hex'));
  });
});

describe.each(backends)('sealed weeks (%s)', (backend) => {
  let env: TestEnv;
  let world: World;
  let client: Who;
  let client2: Who;
  let dev: Who;
  const week = '2026-11-16'; // in review at the test clock, Wednesday 2026-11-25 15:00 UTC
  const sealUrl = (k: string) => `/api/contracts/${k}/weeks/${week}/seal`;

  beforeAll(async () => {
    env = await createTestEnv(backend);
    world = await createWorld(env.database);
    [client, client2, dev] = await Promise.all([login(env.app, world.users.client.email), login(env.app, world.users.client2.email), login(env.app, world.users.dev.email)]);
    await addSlots(env.database, env.blobs, world.contracts.dev, slotRun('2026-11-17T09:00:00.000Z', 6, { active: 7 }));
    await addSlots(env.database, env.blobs, world.contracts.designer, slotRun('2026-11-18T09:00:00.000Z', 4, { manual: true }));
    await chainUnchainedSlots(env.database);
  });
  afterAll(async () => {
    await env?.close();
  });

  const get = (url: string, who?: Who) => env.app.inject({ method: 'GET', url, headers: who ? { cookie: who.cookie } : {} });
  const post = (url: string, who: Who, payload?: object) => env.app.inject({ method: 'POST', url, headers: { cookie: who.cookie }, payload });

  it('is not there before the approval (404, saying why)', async () => {
    const res = await get(sealUrl(world.contracts.dev), client);
    expect(res.statusCode).toBe(404);
    expect(res.json().detail).toMatch(/a week is sealed once its approval is final/);
  });

  it('is made by the approval, and checks out with nothing but the public key', async () => {
    expect((await post(`/api/contracts/${world.contracts.dev}/weeks/${week}/approval`, client)).statusCode).toBe(200);
    const res = await get(sealUrl(world.contracts.dev), dev);
    expect(res.statusCode, res.body).toBe(200);
    const seal = res.json<WeekSeal>();
    const key = (await get('/api/seal-key')).json<{ publicKey: string }>();
    expect(seal.publicKey).toBe(key.publicKey);
    const publicKey = createPublicKey({ key: Buffer.from(key.publicKey, 'base64'), format: 'der', type: 'spki' });
    expect(verify(null, Buffer.from(seal.statement), publicKey, Buffer.from(seal.signature, 'base64'))).toBe(true);
    expect(verify(null, Buffer.from(seal.statement.replace('"billable":60', '"billable":70')), publicKey, Buffer.from(seal.signature, 'base64'))).toBe(false);

    // The root binds the week's receipt links, then its audit events, recomputed here from the tables.
    const links = await env.database.query<{ hash: string }>(
      `select encode(hash, 'hex') as hash from receipts where contract_id = $1 and slot_start >= $2 and slot_start < $3 order by seq`,
      [world.contracts.dev, `${week}T00:00:00Z`, '2026-11-23T00:00:00Z'],
    );
    expect(links).toHaveLength(6);
    const audits = await env.database.query<{ n: number }>(`select count(*)::int as n from audit_log where contract_id = $1 and week_start = $2`, [world.contracts.dev, `${week}T00:00:00Z`]);
    const statement = JSON.parse(seal.statement);
    expect(statement).toMatchObject({ contract: world.contracts.dev, week, root: seal.root, leaves: 6 + audits[0]!.n, sealedAt: '2026-11-25T15:00:00.000Z' });
    expect(statement.totals).toEqual(seal.totals);
    expect(seal.totals).toMatchObject({ currency: 'USD', minutes: { billable: 60, held: 0 } });
    expect(seal.fingerprint).toMatch(/^[0-9a-f]{4}( [0-9a-f]{4}){3}$/);
    expect(seal.fingerprint.replace(/ /g, '')).toBe(createHash('sha256').update(Buffer.from(seal.signature, 'base64')).digest('hex').slice(0, 16));

    // The "week approved" notice carries the fingerprint, so the contractor holds it outside the server.
    const [event] = await env.database.query<{ data: { fingerprint?: string } }>(`select data from notification_events where kind = 'week-approved' and contract_id = $1`, [world.contracts.dev]);
    expect(event?.data.fingerprint).toBe(seal.fingerprint);
  });

  it('waits while a slot is held in a dispute, and seals when the dispute settles', async () => {
    const k = world.contracts.designer;
    const starts = slotRun('2026-11-18T09:00:00.000Z', 2).map((s) => ({ contractId: k, start: s.start }));
    const dispute = await post('/api/disputes', client, { slots: starts, reason: 'not_work_related', comment: '' });
    expect(dispute.statusCode, dispute.body).toBe(201);
    expect((await post(`/api/contracts/${k}/weeks/${week}/approval`, client)).statusCode).toBe(200);
    expect((await get(sealUrl(k), client)).statusCode).toBe(404);
    expect((await post(`/api/disputes/${dispute.json().id}/withdrawal`, client)).statusCode).toBe(200);
    const res = await get(sealUrl(k), client);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<WeekSeal>().totals.minutes).toMatchObject({ held: 0, billable: 40 });
  });

  it('is refused to another company’s client (404) and to no session (401); the key is public', async () => {
    expect((await get(sealUrl(world.contracts.dev), client2)).statusCode).toBe(404);
    expect((await get(sealUrl(world.contracts.dev))).statusCode).toBe(401);
    const key = await get('/api/seal-key');
    expect(key.statusCode).toBe(200);
    expect(key.json()).toMatchObject({ algorithm: 'Ed25519' });
  });
});
