// The week and the images check access inside their own read (contract-scope.ts
// `ownAccessCheck`): as strict as the scope's lookup, one statement fewer per request.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, createTestEnv, loginEach, type TestEnv } from '#server/test/harness.ts';
import { addSlots, createWorld, type World } from '#server/test/fixtures.ts';

const WEEK = '2026-11-23'; // Monday
const SLOT = '2026-11-24T09:00:00.000Z';
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

describe.each(backends)('access in the read itself, on %s', (backend) => {
  let env: TestEnv;
  let world: World;
  let who: Record<keyof World['users'], { cookie: string }>;

  beforeAll(async () => {
    env = await createTestEnv(backend);
    world = await createWorld(env.database);
    await addSlots(env.database, env.blobs, world.contracts.dev, [{ start: SLOT, active: 8, memo: 'Planner' }]);
    who = await loginEach(env.app, world.users);
  });
  afterAll(async () => {
    await env?.close();
  });

  const get = (url: string, as?: { cookie: string }, headers: Record<string, string> = {}) =>
    env.app.inject({ method: 'GET', url, headers: { ...(as ? { cookie: as.cookie } : {}), ...headers } });
  const urls = (id: string) => [
    `/api/contracts/${id}/weeks/${WEEK}?tz=UTC`,
    `/api/contracts/${id}/slots/${SLOT}/thumbnail`,
    `/api/contracts/${id}/slots/${SLOT}/screenshot`,
  ];

  it('shows the week and its images to the contract’s client, its contractor and an admin', async () => {
    for (const as of [who.client, who.dev, who.admin]) {
      const [week, thumb, shot] = await Promise.all(urls(world.contracts.dev).map((u) => get(u, as)));
      expect(week!.statusCode).toBe(200);
      expect(week!.json()).toMatchObject({ contractId: world.contracts.dev, weekStart: WEEK });
      expect(week!.json().slots.offset).toHaveLength(1);
      expect(thumb!.headers['content-type']).toBe('image/webp');
      expect(shot!.headers['content-type']).toBe('image/jpeg');
    }
  });

  it('answers another company’s client, another contractor and an unknown contract with the same 404', async () => {
    for (const [as, id] of [
      [who.client2, world.contracts.dev],
      [who.designer, world.contracts.dev],
      [who.client, world.contracts.globex],
      [who.client, UNKNOWN],
    ] as const) {
      for (const url of urls(id)) {
        const res = await get(url, as);
        expect(res.statusCode, url).toBe(404);
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect(res.json().detail).toMatch(/contract/i);
        expect(res.headers.etag).toBeUndefined();
      }
    }
  });

  it('does not confirm an image to another company that already knows its ETag', async () => {
    const own = await get(urls(world.contracts.dev)[1]!, who.client);
    const etag = String(own.headers.etag);
    expect((await get(urls(world.contracts.dev)[1]!, who.client, { 'if-none-match': etag })).statusCode).toBe(304);
    const other = await get(urls(world.contracts.dev)[1]!, who.client2, { 'if-none-match': etag });
    expect(other.statusCode).toBe(404);
  });

  it('answers 401 without a session, and 400 for a malformed id before any read', async () => {
    for (const url of urls(world.contracts.dev)) expect((await get(url)).statusCode).toBe(401);
    for (const url of urls('not-a-uuid')) expect((await get(url, who.client)).statusCode).toBe(400);
  });

  it('reads the week in two statements at once and an image in one, its access check included', async () => {
    const statements = async (url: string) => {
      const original = env.database.query.bind(env.database);
      let n = 0;
      env.database.query = ((text: string, params?: unknown[]) => {
        n++;
        return original(text, params);
      }) as typeof env.database.query;
      try {
        expect((await get(url, who.client)).statusCode).toBe(200);
      } finally {
        env.database.query = original;
      }
      return n;
    };
    const session = await statements('/api/auth/me');
    const [week, thumb, shot] = urls(world.contracts.dev);
    expect((await statements(week!)) - session).toBe(2);
    expect((await statements(thumb!)) - session).toBe(1);
    expect((await statements(shot!)) - session).toBe(1);
  });
});
