// Retention: screenshots older than WORKDIARY_RETENTION_DAYS lose their bytes; the slot keeps its
// hash and its receipt, so the chain still holds and a pack says "deleted by retention". A week
// with a dispute still open keeps its screenshots until the dispute settles.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlotDetail } from '#contract/week.ts';
import { insertDispute } from '#server/data/disputes.ts';
import { backends, createTestEnv, login, type TestEnv, type Who } from '#server/test/harness.ts';
import { addSlots, createWorld, slotRun, type World } from '#server/test/fixtures.ts';
import { chainUnchainedSlots } from '../chain-service.ts';
import { verifyContractChain } from '../chain-verify.ts';
import { purgeExpiredScreenshots } from '../retention-sweep.ts';

const NOW = new Date('2026-11-25T15:00:00.000Z');
const OLD = '2026-10-06T09:00:00.000Z'; // seven weeks before NOW
const DISPUTED = '2026-10-13T09:00:00.000Z'; // six weeks before, in a week whose dispute is still open
const RECENT = '2026-11-17T09:00:00.000Z';

describe.each(backends)('retention (%s)', (backend) => {
  let env: TestEnv;
  let world: World;
  let client: Who;
  let k: string;
  const shaAt = async (start: string) =>
    (await env.database.query<{ sha: string }>(`select screenshot_sha256 as sha from slots where contract_id = $1 and start = $2`, [k, start]))[0]!.sha;

  beforeAll(async () => {
    env = await createTestEnv(backend, { now: NOW.toISOString() });
    world = await createWorld(env.database);
    client = await login(env.app, world.users.client.email);
    k = world.contracts.dev;
    for (const start of [OLD, DISPUTED, RECENT]) await addSlots(env.database, env.blobs, k, slotRun(start, 2, { active: 6 }));
    await chainUnchainedSlots(env.database);
    await insertDispute(env.database, {
      contractId: k,
      weekStart: new Date('2026-10-12T00:00:00.000Z'),
      reason: 'low_activity',
      comment: '',
      createdBy: world.users.client.id,
      createdAt: new Date('2026-10-20T10:00:00.000Z'),
      answerDue: new Date('2026-10-23T10:00:00.000Z'),
      slots: [new Date(DISPUTED)],
    });
  });
  afterAll(async () => {
    await env?.close();
  });

  it('deletes the bytes of screenshots past the retention, keeps their hashes, and spares a disputed week', async () => {
    const oldSha = await shaAt(OLD);
    const [disputedSha, recentSha] = [await shaAt(DISPUTED), await shaAt(RECENT)];
    expect(await purgeExpiredScreenshots(env.database, env.blobs, NOW, 30)).toBe(2);
    expect(await env.blobs.get(k, oldSha)).toBeNull();
    expect(await shaAt(OLD)).toBe(oldSha);
    expect(await env.blobs.get(k, disputedSha)).not.toBeNull();
    expect(await env.blobs.get(k, recentSha)).not.toBeNull();
    expect(await purgeExpiredScreenshots(env.database, env.blobs, NOW, 30)).toBe(0);
    expect((await verifyContractChain(env.database, k)).problem).toBeNull();
  });

  it('answers the purged images with 410 and the date, and the slot says so', async () => {
    const thumb = await env.app.inject({ method: 'GET', url: `/api/contracts/${k}/slots/${OLD}/thumbnail`, headers: { cookie: client.cookie } });
    expect(thumb.statusCode).toBe(410);
    expect(thumb.json().detail).toMatch(/deleted by retention on 2026-11-25\. Its sha256 \([0-9a-f]{64}\) and the slot's receipt remain\./);
    const detail = await env.app.inject({ method: 'GET', url: `/api/contracts/${k}/slots/${OLD}`, headers: { cookie: client.cookie } });
    expect(detail.json<SlotDetail>().screenshot).toMatchObject({ purgedAt: NOW.toISOString() });
    const kept = await env.app.inject({ method: 'GET', url: `/api/contracts/${k}/slots/${DISPUTED}/thumbnail`, headers: { cookie: client.cookie } });
    expect(kept.statusCode).toBe(200);
  });
});
