// A deactivated company hears of nothing: its clients (who cannot sign in) get no bell item and
// no mail, and its webhooks are not posted to; its contractor is still told. Reactivated, it
// hears again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, createTestEnv, type TestEnv } from '#server/test/harness.ts';
import { createWorld, type World } from '#server/test/fixtures.ts';
import type { NotificationKind } from '#contract/notifications.ts';
import { emit } from '../emit.ts';
import { toldTo } from './events-world.ts';

describe.each(backends)('a deactivated company on %s', (backend) => {
  let env: TestEnv;
  let world: World;
  let n = 0;
  beforeAll(async () => {
    env = await createTestEnv(backend);
    world = await createWorld(env.database);
    await env.database.query(
      `insert into webhooks (company_id, url, secret, kinds, created_at) values ($1, 'https://hooks.example.com/w', 'whsec_dGVzdA==', '{dispute-answered,slots-disputed}', now())`,
      [world.acme.id],
    );
  });
  afterAll(async () => {
    await env?.close();
  });

  const emitFor = (kind: NotificationKind) =>
    env.database.transaction((tx) => emit(tx, { kind, key: `deactivated:${++n}`, at: env.clock.now(), contractId: world.contracts.dev, data: { path: '/disputes/x', contract: 'Backend work' } }));
  const deliveries = async () => (await env.database.query<{ n: number }>(`select count(*)::int as n from webhook_deliveries`))[0]!.n;
  const setDeactivated = (on: boolean) => env.database.query(`update companies set deactivated_at = ${on ? 'now()' : 'null'} where id = $1`, [world.acme.id]);

  it('tells neither its clients nor its webhooks, and still tells the contractor', async () => {
    await setDeactivated(true);
    await emitFor('dispute-answered');
    await emitFor('slots-disputed');
    expect(await toldTo(env, world.users.client.id)).toEqual([]);
    expect(await deliveries()).toBe(0);
    expect((await toldTo(env, world.users.dev.id)).map((t) => t.kind)).toEqual(['slots-disputed']);

    await setDeactivated(false);
    await emitFor('dispute-answered');
    expect((await toldTo(env, world.users.client.id)).map((t) => t.kind)).toEqual(['dispute-answered']);
    expect(await deliveries()).toBe(1);
  });
});
