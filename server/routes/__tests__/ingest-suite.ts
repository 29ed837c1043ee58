// The world the ingestion tests share: every party signed in, a tracker connected for the
// developer and the designer, a screenshot, and the upload requests each test makes.
import { afterAll, beforeAll } from 'vitest';
import { connectTracker, type Backend, type TestEnv, type Who } from '#server/test/harness.ts';
import { createTrackerEnv, desktopScreenshot, uploadForm, type FilePart, type World } from '#server/test/fixtures.ts';

export type { Who };

export const counts = (active: number, base = 7) => Array.from({ length: 10 }, (_, m) => (m < active ? base + m : 0));

export interface MetaIn {
  capturedAt?: string | null;
  keyboard?: unknown;
  mouse?: unknown;
  memo?: unknown;
  windowTitle?: unknown;
  [key: string]: unknown;
}

/** The meta of a slot starting at `start`, captured 3 min 27 s in, 6 active minutes. */
export const metaFor = (start: string, over: MetaIn = {}): MetaIn => ({
  capturedAt: new Date(Date.parse(start) + 207_000).toISOString(),
  keyboard: counts(6),
  mouse: counts(4, 2),
  memo: 'Hero section',
  windowTitle: 'hero.fig — Figma',
  ...over,
});

// The test clock: Wednesday 2026-11-25 15:00 UTC. This week (2026-11-23) is in progress; the
// previous one (2026-11-16) passed its edit deadline on Monday 2026-11-23 12:00.
export const T = (hhmm: string, day = '2026-11-25') => `${day}T${hhmm}:00.000Z`;

/**
 * The world of the ingestion tests on `backend`: created before the first test, dropped after
 * the last, a database for each test file that calls it. Returns the request helpers and
 * `state`, filled once the hooks ran.
 */
export function ingestSuite(backend: Backend) {
  const state = {} as { env: TestEnv; world: World; dev: Who; designer: Who; client: Who; client2: Who; devToken: string; designerToken: string; shot: Buffer };
  let env: TestEnv;
  let world: World;
  let dev: Who, designer: Who, client: Who, client2: Who;
  let devToken: string;
  let designerToken: string;
  let shot: Buffer;

  beforeAll(async () => {
    ({ env, world, devToken, who: { dev, designer, client, client2 } } = await createTrackerEnv(backend));
    designerToken = await connectTracker(env.app, designer, 'Designer Mac');
    shot = await desktopScreenshot(1);
    Object.assign(state, { env, world, dev, designer, client, client2, devToken, designerToken, shot });
  });
  afterAll(async () => {
    await env?.close();
  });

  const slotUrl = (contractId: string, start: string) => `/api/contracts/${contractId}/slots/${start}`;
  const put = async (contractId: string, start: string, meta: MetaIn | string | undefined, file?: FilePart | null, token = devToken) => {
    const body = await uploadForm(meta, file ?? undefined);
    return env.app.inject({
      method: 'PUT',
      url: slotUrl(contractId, start),
      headers: { authorization: `Bearer ${token}`, 'content-type': body.contentType },
      payload: body.payload,
    });
  };
  const upload = (contractId: string, start: string, image: Buffer | null = shot, over: MetaIn = {}, token = devToken) =>
    put(contractId, start, image ? metaFor(start, over) : metaFor(start, { capturedAt: undefined, ...over }), image ? { bytes: image } : null, token);
  const get = (url: string, who: Who) => env.app.inject({ method: 'GET', url, headers: { cookie: who.cookie } });
  const slotCount = async () => (await env.database.query<{ n: number }>('select count(*)::int as n from slots'))[0]!.n;
  const uploadAudits = async (start: string) =>
    (await env.database.query(`select 1 from audit_log where action = 'slot.uploaded' and subject = $1`, [start])).length;
  return { state, slotUrl, put, upload, get, slotCount, uploadAudits };
}
