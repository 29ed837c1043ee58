// The tracker's upload of a slot, through the real app on a real database: tokens and access, the week's deadlines, duplicates, and the orphan sweep.
import { beforeAll, describe, expect, it } from 'vitest';
import { backends, type TestEnv } from '#server/test/harness.ts';
import { addContract, desktopScreenshot, type World } from '#server/test/fixtures.ts';
import type { Problem } from '#contract/common.ts';
import type { CreatedTracker, SlotUploaded } from '#contract/trackers.ts';
import type { SlotDetail } from '#contract/week.ts';
import { sweepOrphanBlobs } from '#server/services/orphan-sweep.ts';
import { storeScreenshot } from '#server/storage/screenshots.ts';
import { T, type Who, ingestSuite } from './ingest-suite.ts';

describe.each(backends)('ingestion on %s: access, deadlines, duplicates', (backend) => {
  const suite = ingestSuite(backend);
  const { slotUrl, upload, get } = suite;
  let env: TestEnv; let world: World; let dev: Who; let client: Who; let client2: Who; let designerToken: string; let shot: Buffer;
  beforeAll(() => ({ env, world, dev, client, client2, designerToken, shot } = suite.state));

  describe('tokens and access', () => {
    it('refuses a revoked token with 401 and stores nothing', async () => {
      const made = (await env.app.inject({ method: 'POST', url: '/api/trackers', headers: { cookie: dev.cookie }, payload: { deviceName: 'Lost phone' } })).json<CreatedTracker>();
      await env.app.inject({ method: 'DELETE', url: `/api/trackers/${made.id}`, headers: { cookie: dev.cookie } });
      const res = await upload(world.contracts.dev, T('12:00'), shot, {}, made.token);
      expect(res.statusCode).toBe(401);
      expect(res.json<Problem>().detail).toBe("This tracker token is not valid or was revoked; connect the tracker again from the dashboard's Trackers page.");
      expect((await get(slotUrl(world.contracts.dev, T('12:00')), client)).statusCode).toBe(404);
    });

    it("answers 404 for another contractor's contract, a paused one and a missing one, alike", async () => {
      const paused = await addContract(env.database, { companyId: world.acme.id, contractorId: world.users.dev.id, title: 'Paused' });
      await env.database.query(`update contracts set status = 'paused' where id = $1`, [paused]);
      const details = new Set<string>();
      for (const contractId of [world.contracts.designer, paused, '0b6a5c1e-8f4e-4c1a-9d7e-2f3b4a5c6d7e']) {
        const res = await upload(contractId, T('12:10'));
        expect(res.statusCode, contractId).toBe(404);
        details.add(res.json<Problem>().detail);
      }
      expect([...details]).toEqual(['The contract was not found, or you may not see it.']);
    });

    it('shows a client of another company nothing of an uploaded slot', async () => {
      const s = T('12:20');
      expect((await upload(world.contracts.dev, s, await desktopScreenshot(30))).statusCode).toBe(201);
      for (const suffix of ['', '/thumbnail', '/screenshot']) {
        expect((await get(`${slotUrl(world.contracts.dev, s)}${suffix}`, client2)).statusCode, suffix).toBe(404);
        expect((await get(`${slotUrl(world.contracts.dev, s)}${suffix}`, client)).statusCode, suffix).toBe(200);
      }
      expect((await get(`/api/contracts/${world.contracts.dev}/weeks/2026-11-23?tz=UTC`, client2)).statusCode).toBe(404);
    });
  });

  describe('duplicates and orphans', () => {
    it('stores an identical screenshot once per contract and marks both slots duplicate', async () => {
      const image = await desktopScreenshot(50);
      const a = T('13:00');
      const b = T('13:10');
      expect((await upload(world.contracts.designer, a, image, {}, designerToken)).json<SlotUploaded>().duplicate).toBe(false);
      const second = await upload(world.contracts.designer, b, image, {}, designerToken);
      expect(second.statusCode).toBe(201);
      expect(second.json<SlotUploaded>().duplicate).toBe(true);
      for (const s of [a, b]) expect((await get(slotUrl(world.contracts.designer, s), client)).json<SlotDetail>().screenshot?.duplicate, s).toBe(true);
      const rows = await env.database.query(`select 1 from screenshots where contract_id = $1 and bytes = $2`, [world.contracts.designer, image.length]);
      expect(rows).toHaveLength(1);
      // The same image on another company's contract is stored apart, and not a duplicate there.
      const other = await upload(world.contracts.globex, T('13:20'), image, {}, designerToken);
      expect(other.json<SlotUploaded>().duplicate).toBe(false);
      expect(await env.blobs.get(world.contracts.globex, (await get(slotUrl(world.contracts.designer, a), client)).json<SlotDetail>().screenshot!.sha256)).not.toBeNull();
    });

    it('sweeps the blobs of an upload that never committed, once they are old, and keeps every referenced one', async () => {
      // What a crash between the blob writes and the commit leaves behind.
      const orphan = await storeScreenshot(env.blobs, world.contracts.dev, await desktopScreenshot(60));
      const start = T('09:00');
      expect((await upload(world.contracts.dev, start, await desktopScreenshot(61))).statusCode).toBe(201);
      const kept = (await get(slotUrl(world.contracts.dev, start), client)).json<SlotDetail>().screenshot!;
      // Too young: kept.
      expect(await sweepOrphanBlobs(env.database, env.blobs, new Date(Date.now() - 3_600_000))).toBe(0);
      expect(await env.blobs.get(world.contracts.dev, orphan.sha256)).not.toBeNull();
      // Once older than the cut-off: the image, its thumbnail and its contact-sheet JPEG go, nothing referenced does.
      expect(await sweepOrphanBlobs(env.database, env.blobs, new Date(Date.now() + 1000))).toBe(3);
      expect(await env.blobs.get(world.contracts.dev, orphan.sha256)).toBeNull();
      expect(await env.blobs.get(world.contracts.dev, orphan.thumbSha256)).toBeNull();
      expect(await env.blobs.get(world.contracts.dev, orphan.sheetSha256!)).toBeNull();
      const thumb = await get(`${slotUrl(world.contracts.dev, start)}/thumbnail`, client);
      expect(thumb.statusCode).toBe(200);
      expect(await env.blobs.get(world.contracts.dev, kept.sha256)).not.toBeNull();
      expect(await sweepOrphanBlobs(env.database, env.blobs, new Date(Date.now() + 1000))).toBe(0);
    });
  });

  describe("the week's deadlines", () => {
    const prev = T('09:00', '2026-11-18'); // the week of 2026-11-16, in review since Monday 2026-11-23 12:00

    it('refuses a slot of a week past its edit deadline (409), naming the deadline', async () => {
      const res = await upload(world.contracts.dev, prev, await desktopScreenshot(40));
      expect(res.statusCode).toBe(409);
      expect(res.json<Problem>().detail).toBe(
        'Slots can no longer be uploaded to the week of 2026-11-16: Edits closed Monday 23 November 2026 at 12:00 UTC; the client is reviewing the week until Friday 27 November 2026 at 23:59:59 UTC.',
      );
    });

    it('accepts a slot of last week until Monday 12:00, and refuses it once the client approved the week', async () => {
      env.clock.set('2026-11-30T11:59:00Z');
      try {
        const s = T('08:00', '2026-11-27');
        expect((await upload(world.contracts.dev, s, await desktopScreenshot(41))).statusCode).toBe(201);
        env.clock.set('2026-11-30T12:00:00Z');
        const late = await upload(world.contracts.dev, T('08:10', '2026-11-27'), await desktopScreenshot(42));
        expect(late.statusCode).toBe(409);
        expect(late.json<Problem>().detail).toContain('Edits closed Monday 30 November 2026 at 12:00 UTC');
        // The replay of a stored slot stays a success after the deadline.
        expect((await upload(world.contracts.dev, s, await desktopScreenshot(41))).statusCode).toBe(200);
        const approved = await env.app.inject({ method: 'POST', url: `/api/contracts/${world.contracts.dev}/weeks/2026-11-23/approval`, headers: { cookie: client.cookie } });
        expect(approved.statusCode).toBe(200);
        const locked = await upload(world.contracts.dev, T('08:20', '2026-11-27'), await desktopScreenshot(43));
        expect(locked.statusCode).toBe(409);
        expect(locked.json<Problem>().detail).toContain('This week is approved and locked.');
      } finally {
        env.clock.set('2026-11-25T15:00:00Z');
      }
    });
  });
});
