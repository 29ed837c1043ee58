// The server is killed (SIGKILL) twice while the tracker uploads, on PostgreSQL, and
// started again. Afterwards no slot is partial (each has its screenshot row and both blobs
// on disk, the very image the tracker sent) and the tracker's retries complete the set.
import { createHash } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diskBlobStore } from '../../../server/storage/blob-store.ts';
import type { UploadEvent } from '../uploader.ts';
import { createSite, createTrackerToken, waitFor, type ServerSite } from './support/server.ts';
import { tempDir } from './support/temp.ts';
import { scriptedTracker } from './support/world-tracker.ts';

const pgUrl = process.env.TEST_DATABASE_URL;
if (process.env.CI === 'true' && !pgUrl) throw new Error('CI=true but TEST_DATABASE_URL is not set: the crash test must run on PostgreSQL in CI.');

const START = Date.parse('2026-11-25T09:00:00.000Z');
const at = (min: number) => new Date(START + min * 60_000).toISOString();
const SLOTS = 8;
// The server's clock starts after the last slot the tracker records: every slot is in its past.
const SERVER_NOW = at(SLOTS * 10 + 10);

describe.skipIf(!pgUrl)('a server crash during uploads, on PostgreSQL', () => {
  let site: ServerSite;
  beforeAll(async () => {
    site = await createSite({ postgresUrl: pgUrl });
    await site.start(SERVER_NOW);
  });
  afterAll(async () => {
    await site?.dispose();
  });

  it('leaves no partial slot, and the retries complete the set', async () => {
    const contractId = site.world.contracts.dev;
    const token = await createTrackerToken(site.url, site.world.users.dev.email, 'Desktop');
    const events: UploadEvent[] = [];
    const sent = new Map<string, string>(); // slot start → sha256 of the image the tracker sent
    const kills: Promise<void>[] = [];
    let attempts = 0;
    let uploadedSinceRestart = 0;
    let restarted = false;
    const killedDuring: string[] = [];
    const crash = (start: string, delayMs: number) => {
      killedDuring.push(start);
      restarted = false;
      uploadedSinceRestart = 0;
      kills.push(
        new Promise<void>((r) => setTimeout(r, delayMs))
          .then(() => site.stop('SIGKILL'))
          .then(() => site.start(SERVER_NOW))
          .then(() => void (restarted = true)),
      );
    };
    const onEvent = (e: UploadEvent) => {
      events.push(e);
      if (e.type === 'uploaded') uploadedSinceRestart++;
      if (e.type !== 'attempt') return;
      if (e.entry.image) sent.set(e.entry.start, e.entry.image.sha256);
      attempts++;
      // Kill it as the 3rd request goes out; then, once it is back and has taken two more,
      // a little into a request (while the server reads or stores it).
      if (attempts === 3) crash(e.entry.start, 0);
      else if (kills.length === 1 && restarted && uploadedSinceRestart >= 2) crash(e.entry.start, 40);
    };
    const t = await scriptedTracker({ server: site.url, token, contractId, dataDir: tempDir(), start: at(0), screen: { width: 1280, height: 720, noise: true }, onEvent });
    for (let i = 0; i < SLOTS; i++) {
      await t.clock.advanceTo(at(i * 10 + 3));
      t.input.fire('keyboard', 20 + i);
      await t.clock.advanceTo(at(i * 10 + 10));
      await new Promise((r) => setTimeout(r, 50)); // real time for the uploads to be under way
    }
    // Recording ends with the last slot; the uploads go on.
    await t.tracker.stop();
    await waitFor('both crashes and the retries', async () => {
      await t.clock.advance(30_000);
      await t.uploader.settled();
      return kills.length === 2 && site.running() && t.queue.size === 0;
    }, 90_000);
    await Promise.all(kills);
    t.uploader.stop();

    // The crashes did cut uploads short, and the tracker went on.
    const cut = events.filter((e) => e.type === 'retry' && killedDuring.includes(e.entry.start));
    expect(cut.length).toBeGreaterThanOrEqual(1);
    expect(events.filter((e) => e.type === 'rejected')).toEqual([]);
    expect(t.uploader.state()).toMatchObject({ rejected: 0 });
    expect(events.filter((e) => e.type === 'uploaded').map((e) => (e as { entry: { start: string } }).entry.start).sort()).toEqual(
      Array.from({ length: SLOTS }, (_, i) => at(i * 10)),
    );

    const db = new pg.Client({ connectionString: site.databaseUrl });
    await db.connect();
    try {
      const { rows } = await db.query<{ start: Date; keyboard: number[]; screenshot_sha256: string | null; shot: string | null; thumb_sha256: string | null }>(
        `select s.start, s.keyboard, s.screenshot_sha256, sc.sha256 as shot, sc.thumb_sha256
           from slots s left join screenshots sc on sc.contract_id = s.contract_id and sc.sha256 = s.screenshot_sha256
          where s.contract_id = $1 order by s.start`,
        [contractId],
      );
      expect(rows.map((r) => r.start.toISOString())).toEqual(Array.from({ length: SLOTS }, (_, i) => at(i * 10)));
      const blobs = diskBlobStore(path.join(site.dataDir, 'blobs'));
      for (const [i, r] of rows.entries()) {
        expect(r.keyboard[3]).toBe(20 + i);
        expect(r.screenshot_sha256).toBe(sent.get(r.start.toISOString()));
        expect(r.shot).toBe(r.screenshot_sha256);
        for (const sha of [r.shot!, r.thumb_sha256!]) {
          const bytes = await blobs.get(contractId, sha);
          expect(bytes, `blob ${sha} of ${r.start.toISOString()}`).not.toBeNull();
          expect(createHash('sha256').update(bytes!).digest('hex')).toBe(sha);
        }
      }
      const { rows: orphans } = await db.query('select count(*)::int as n from screenshots where contract_id = $1', [contractId]);
      expect(orphans[0]!.n).toBe(SLOTS);
    } finally {
      await db.end();
    }
  }, 180_000);
});
