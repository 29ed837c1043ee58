// The tracker's upload of a slot, through the real app on a real database: a valid upload and what the client then sees, replays, each conflict, and every bad input.
import { beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { backends, type TestEnv } from '#server/test/harness.ts';
import { addSlots, desktopScreenshot, uploadForm, type World } from '#server/test/fixtures.ts';
import type { Problem } from '#contract/common.ts';
import type { SlotUploaded } from '#contract/trackers.ts';
import type { SlotDetail, Week } from '#contract/week.ts';
import { counts, metaFor, T, type Who, ingestSuite } from './ingest-suite.ts';

describe.each(backends)('ingestion on %s', (backend) => {
  const suite = ingestSuite(backend);
  const { slotUrl, put, upload, get, slotCount, uploadAudits } = suite;
  let env: TestEnv; let world: World; let dev: Who; let client: Who; let client2: Who; let devToken: string; let designerToken: string; let shot: Buffer;
  beforeAll(() => ({ env, world, dev, client, client2, devToken, designerToken, shot } = suite.state));

  it('documents the upload in the OpenAPI document: the multipart body and the bearer scheme', async () => {
    const doc = (await env.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const op = doc.paths['/api/contracts/{contractId}/slots/{start}'].put;
    expect(op.security).toEqual([{ tracker: [] }]);
    expect(Object.keys(op.requestBody.content)).toEqual(['multipart/form-data']);
    expect(op.requestBody.content['multipart/form-data'].schema.required).toEqual(['meta']);
    expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['200', '201', '409', '410', '413', '415', '422']));
    expect(doc.components.securitySchemes.tracker).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.paths['/api/tracker/session'].get.security).toEqual([{ tracker: [] }]);
  });

  describe('a valid upload', () => {
    const start = T('09:00');

    it('stores the slot (201) and the client of the company sees it in the week, with its thumbnail and screenshot', async () => {
      const res = await upload(world.contracts.dev, start);
      expect(res.statusCode).toBe(201);
      expect(res.json<SlotUploaded>()).toEqual({ contractId: world.contracts.dev, start, status: 'created', duplicate: false, activeMinutes: 6 });

      const detail = await get(slotUrl(world.contracts.dev, start), client);
      expect(detail.statusCode).toBe(200);
      expect(detail.json<SlotDetail>()).toMatchObject({
        kind: 'tracked',
        state: 'billable',
        activeMinutes: 6,
        keyboard: counts(6),
        mouse: counts(4, 2),
        memo: 'Hero section',
        windowTitle: 'hero.fig — Figma',
        screenshot: { capturedAt: '2026-11-25T09:03:27.000Z', width: 1920, height: 1080, mime: 'image/png', bytes: shot.length, duplicate: false },
      });

      const thumb = await get(`${slotUrl(world.contracts.dev, start)}/thumbnail`, client);
      expect(thumb.statusCode).toBe(200);
      expect(thumb.headers['content-type']).toBe('image/webp');
      const meta = await sharp(thumb.rawPayload).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual(['webp', 320, 180]);
      const full = await get(`${slotUrl(world.contracts.dev, start)}/screenshot`, client);
      expect(full.headers['content-type']).toBe('image/png');
      expect(full.rawPayload.equals(shot)).toBe(true);

      const week = (await get(`/api/contracts/${world.contracts.dev}/weeks/2026-11-23?tz=UTC`, client)).json<Week>();
      const offset = (Date.parse(start) - Date.parse('2026-11-23T00:00:00Z')) / 600_000;
      const i = week.slots.offset.indexOf(offset);
      expect(i).toBeGreaterThanOrEqual(0);
      expect(week.slots.active[i]).toBe(6);
      expect(await uploadAudits(start)).toBe(1);
    });

    it('answers a replay of the identical upload with 200 unchanged, storing nothing twice', async () => {
      const before = await slotCount();
      const res = await upload(world.contracts.dev, start);
      expect(res.statusCode).toBe(200);
      expect(res.json<SlotUploaded>()).toMatchObject({ status: 'unchanged', duplicate: false, activeMinutes: 6 });
      expect(await slotCount()).toBe(before);
      expect(await uploadAudits(start)).toBe(1);
    });

    it('refuses a different payload for the stored slot with 409, keeping what was stored', async () => {
      for (const [label, res] of [
        ['another memo', await upload(world.contracts.dev, start, shot, { memo: 'Something else' })],
        ['another image', await upload(world.contracts.dev, start, await desktopScreenshot(2))],
        ['other counts', await upload(world.contracts.dev, start, shot, { keyboard: counts(7) })],
        ['no screenshot', await upload(world.contracts.dev, start, null)],
      ] as const) {
        expect(res.statusCode, label).toBe(409);
        expect(res.json<Problem>().detail, label).toContain('A different upload is already stored for the slot at 2026-11-25T09:00:00.000Z');
      }
      expect((await get(slotUrl(world.contracts.dev, start), client)).json<SlotDetail>().memo).toBe('Hero section');
    });

    it('keeps the slot routes of the dashboard on the same path: the contractor edits the memo with the cookie', async () => {
      const res = await env.app.inject({ method: 'PATCH', url: slotUrl(world.contracts.dev, start), headers: { cookie: dev.cookie }, payload: { memo: 'Hero section, v2' } });
      expect(res.statusCode).toBe(200);
      expect(res.json<SlotDetail>().memo).toBe('Hero section, v2');
      // The cookie alone does not upload.
      const body = await uploadForm(metaFor(T('09:10')), { bytes: shot });
      const byCookie = await env.app.inject({ method: 'PUT', url: slotUrl(world.contracts.dev, T('09:10')), headers: { cookie: dev.cookie, 'content-type': body.contentType }, payload: body.payload });
      expect(byCookie.statusCode).toBe(401);
      expect(byCookie.json<Problem>().detail).toContain('tracker token');
    });

    it('stores a slot without a screenshot (the capture failed): counts, memo and title only', async () => {
      const s = T('09:20');
      const res = await upload(world.contracts.dev, s, null, { keyboard: counts(0), mouse: counts(0) });
      expect(res.statusCode).toBe(201);
      expect(res.json<SlotUploaded>().activeMinutes).toBe(0);
      const detail = (await get(slotUrl(world.contracts.dev, s), client)).json<SlotDetail>();
      expect(detail).toMatchObject({ state: 'inactive', screenshot: null });
      expect((await get(`${slotUrl(world.contracts.dev, s)}/thumbnail`, client)).statusCode).toBe(404);
    });
  });

  describe('conflicts', () => {
    it('refuses a slot at an instant the contractor already has on another contract (409)', async () => {
      const s = T('10:00');
      expect((await upload(world.contracts.designer, s, await desktopScreenshot(10), {}, designerToken)).statusCode).toBe(201);
      const res = await upload(world.contracts.globex, s, await desktopScreenshot(11), {}, designerToken);
      expect(res.statusCode).toBe(409);
      expect(res.json<Problem>().detail).toContain('You already have a slot at 2026-11-25T10:00:00.000Z on another contract');
      expect((await get(slotUrl(world.contracts.globex, s), client2)).statusCode).toBe(404);
    });

    it('answers 410 for a slot the contractor deleted, even for the same bytes', async () => {
      const s = T('10:10');
      const image = await desktopScreenshot(12);
      expect((await upload(world.contracts.dev, s, image)).statusCode).toBe(201);
      const del = await env.app.inject({ method: 'DELETE', url: slotUrl(world.contracts.dev, s), headers: { cookie: dev.cookie } });
      expect(del.statusCode).toBe(204);
      const res = await upload(world.contracts.dev, s, image);
      expect(res.statusCode).toBe(410);
      expect(res.json<Problem>().detail).toBe('The slot at 2026-11-25T10:10:00.000Z was deleted by you; deleted time cannot be uploaded again.');
      expect((await get(slotUrl(world.contracts.dev, s), client)).json<SlotDetail>()).toMatchObject({ state: 'deleted', screenshot: null });
    });

    it('refuses to replace manual time with a tracked slot (409)', async () => {
      const s = T('10:20');
      await addSlots(env.database, env.blobs, world.contracts.designer, [{ start: s, manual: true }]);
      const res = await upload(world.contracts.designer, s, await desktopScreenshot(13), {}, designerToken);
      expect(res.statusCode).toBe(409);
      expect(res.json<Problem>().detail).toContain('is manual time');
    });
  });

  describe('bad input', () => {
    const s = T('11:00');
    const at = (offsetMs: number) => new Date(Date.parse(s) + offsetMs).toISOString();

    it('answers 400 naming the field, and stores nothing', async () => {
      const before = await slotCount();
      const cases: [string, () => Promise<Awaited<ReturnType<typeof put>>>, string, RegExp][] = [
        ['start not aligned', () => put(world.contracts.dev, '2026-11-25T11:05:00.000Z', metaFor(T('11:05')), { bytes: shot }), 'params.start', /aligned to a 10-minute boundary/],
        ['start with seconds', () => put(world.contracts.dev, '2026-11-25T11:00:30.000Z', metaFor(s), { bytes: shot }), 'params.start', /aligned/],
        ['start in the future', () => upload(world.contracts.dev, T('15:10')), 'params.start', /after the server's clock \(2026-11-25T15:00:00.000Z\) plus 2 minutes/],
        ['capturedAt before the slot', () => upload(world.contracts.dev, s, shot, { capturedAt: at(-1) }), 'meta.capturedAt', /captured inside its slot, from 2026-11-25T11:00:00.000Z to before 2026-11-25T11:10:00.000Z/],
        ['capturedAt at the slot’s end', () => upload(world.contracts.dev, s, shot, { capturedAt: at(600_000) }), 'meta.capturedAt', /captured inside its slot/],
        ['capturedAt missing with a screenshot', () => upload(world.contracts.dev, s, shot, { capturedAt: undefined }), 'meta.capturedAt', /needs the instant it was captured/],
        ['capturedAt without a screenshot', () => put(world.contracts.dev, s, metaFor(s)), 'meta.capturedAt', /no screenshot/],
        ['capturedAt not an instant', () => upload(world.contracts.dev, s, shot, { capturedAt: 'yesterday' }), 'meta.capturedAt', /ISO-8601 instant/],
        ['9 keyboard counts', () => upload(world.contracts.dev, s, shot, { keyboard: counts(6).slice(1) }), 'meta.keyboard', /exactly 10 per-minute counts/],
        ['a count over 10,000', () => upload(world.contracts.dev, s, shot, { mouse: [1, 2, 3, 10_001, 0, 0, 0, 0, 0, 0] }), 'meta.mouse.3', /at most 10,000 per minute/],
        ['a negative count', () => upload(world.contracts.dev, s, shot, { keyboard: [-1, 0, 0, 0, 0, 0, 0, 0, 0, 0] }), 'meta.keyboard.0', /at least 0/],
        ['a fractional count', () => upload(world.contracts.dev, s, shot, { keyboard: [1.5, 0, 0, 0, 0, 0, 0, 0, 0, 0] }), 'meta.keyboard.0', /whole numbers/],
        ['counts not an array', () => upload(world.contracts.dev, s, shot, { mouse: 'lots' }), 'meta.mouse', /array of 10/],
        ['memo of 501 characters', () => upload(world.contracts.dev, s, shot, { memo: 'm'.repeat(501) }), 'meta.memo', /at most 500 characters/],
        ['title of 501 characters', () => upload(world.contracts.dev, s, shot, { windowTitle: 't'.repeat(501) }), 'meta.windowTitle', /at most 500 characters/],
        ['an unknown key', () => upload(world.contracts.dev, s, shot, { screenshotUrl: 'http://x' }), 'meta', /unknown keys: screenshotUrl/],
        ['meta not JSON', () => put(world.contracts.dev, s, '{"keyboard": [1,', { bytes: shot }), 'meta', /not JSON/],
        ['no meta', () => put(world.contracts.dev, s, undefined, { bytes: shot }), 'meta', /has no "meta" field/],
        ['a file under another name', () => put(world.contracts.dev, s, metaFor(s), { bytes: shot, field: 'image' }), 'image', /file named "image"/],
      ];
      for (const [label, send, field, detail] of cases) {
        const res = await send();
        expect(res.statusCode, label).toBe(400);
        expect(res.headers['content-type'], label).toContain('application/problem+json');
        const p = res.json<Problem>();
        expect(p.errors?.map((e) => e.field), label).toContain(field);
        expect(p.detail, label).toMatch(detail);
      }
      expect(await slotCount()).toBe(before);
    });

    it('allows 2 minutes of clock skew: a slot starting up to 2 minutes after the server’s clock', async () => {
      env.clock.set('2026-11-25T11:28:00Z');
      try {
        expect((await upload(world.contracts.dev, T('11:30'), await desktopScreenshot(20))).statusCode).toBe(201);
        const late = await upload(world.contracts.dev, T('11:40'), await desktopScreenshot(21));
        expect(late.statusCode).toBe(400);
      } finally {
        env.clock.set('2026-11-25T15:00:00Z');
      }
    });

    it('answers 415 for a file that is not PNG, JPEG or WebP by its content, whatever its name and type say', async () => {
      const gif = await sharp({ create: { width: 64, height: 36, channels: 3, background: '#c00' } }).gif().toBuffer();
      const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');
      for (const [label, bytes, detail] of [
        ['a GIF named shot.png', gif, /must be PNG, JPEG or WebP; this one is gif/],
        ['an SVG', svg, /must be PNG, JPEG or WebP; this one is svg/],
        ['text', Buffer.from('hello, not an image'), /not a readable image/],
      ] as const) {
        const res = await put(world.contracts.dev, s, metaFor(s), { bytes, name: 'shot.png', type: 'image/png' });
        expect(res.statusCode, label).toBe(415);
        expect(res.json<Problem>().detail, label).toMatch(detail);
        expect(res.json<Problem>().errors?.[0]?.field).toBe('screenshot');
      }
      const json = await env.app.inject({ method: 'PUT', url: slotUrl(world.contracts.dev, s), headers: { authorization: `Bearer ${devToken}` }, payload: metaFor(s) as object });
      expect(json.statusCode).toBe(415);
      expect(json.json<Problem>().detail).toContain('multipart/form-data');
    });

    it('answers 400 for a body cut off in the middle, as a tracker that lost its connection sends it', async () => {
      const body = await uploadForm(metaFor(s), { bytes: shot });
      const res = await env.app.inject({
        method: 'PUT',
        url: slotUrl(world.contracts.dev, s),
        headers: { authorization: `Bearer ${devToken}`, 'content-type': body.contentType },
        payload: body.payload.subarray(0, body.payload.length - 5000),
      });
      expect(res.statusCode).toBe(400);
      expect(res.json<Problem>().detail).toContain('The multipart body could not be read');
      expect((await get(slotUrl(world.contracts.dev, s), client)).statusCode).toBe(404);
    });

    it('answers 413 for a file over 8 MB', async () => {
      const big = Buffer.alloc(8 * 1024 * 1024 + 1, 7);
      const res = await put(world.contracts.dev, s, metaFor(s), { bytes: big });
      expect(res.statusCode).toBe(413);
      expect(res.json<Problem>().detail).toContain('larger than 8 MB');
    });

    it('refuses a decompression bomb (a small PNG that declares 10000×10000) with 422, from its header', async () => {
      const bomb = await sharp({ create: { width: 10_000, height: 10_000, channels: 3, background: '#fff' } }).png({ compressionLevel: 9 }).toBuffer();
      expect(bomb.length).toBeLessThan(1024 * 1024);
      const before = await slotCount();
      const res = await put(world.contracts.dev, s, metaFor(s), { bytes: bomb });
      expect(res.statusCode).toBe(422);
      expect(res.json<Problem>().detail).toBe('The image is 10000×10000 pixels; at most 40 megapixels are accepted.');
      expect(await slotCount()).toBe(before);
    });
  });
});
