// The server is down while the tracker records; the tracker even restarts in between. When
// the server comes up, every slot arrives, exactly once, with the counts it was recorded with.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SLOT_MS } from '../slots.ts';
import { createSite, createTrackerToken, getJson, login, waitFor, type ServerSite } from './support/server.ts';
import { tempDir } from './support/temp.ts';
import { scriptedTracker } from './support/world-tracker.ts';

const START = Date.parse('2026-11-25T13:00:00.000Z');
const at = (min: number) => new Date(START + min * 60_000).toISOString();

describe('the offline queue', () => {
  let site: ServerSite;
  let token: string;
  beforeAll(async () => {
    site = await createSite();
    // A token is made while the server is up; then it goes down.
    await site.start(at(0));
    token = await createTrackerToken(site.url, site.world.users.dev.email, 'Laptop on a train');
    await site.stop();
  });
  afterAll(async () => {
    await site?.dispose();
  });

  it('slots recorded while the server is down all arrive once it is back, once each', async () => {
    const contractId = site.world.contracts.dev;
    const dataDir = tempDir();
    const first = await scriptedTracker({ server: site.url, token, contractId, dataDir, start: at(0) });
    // Three slots, with typing in minute i+1 of slot i.
    for (let i = 0; i < 3; i++) {
      await first.clock.advanceTo(at(i * 10 + i + 1));
      first.input.fire('keyboard', 10 + i);
    }
    await first.clock.advanceTo(at(31));
    await first.uploader.settled();
    expect(first.queue.size).toBe(3);
    expect(first.tracker.status().lastError?.message).toMatch(/unreachable \(ECONNREFUSED\)/);
    expect(first.uploader.state().phase).toBe('waiting');
    // The tracker quits in the middle of the fourth slot (its minutes so far are queued) ...
    await first.clock.advanceTo(at(34));
    first.input.fire('mouse', 6);
    await first.tracker.stop();
    first.uploader.stop();
    expect(first.queue.size).toBe(4);

    // ... and starts again, still offline, and records two more.
    const second = await scriptedTracker({ server: site.url, token, contractId, dataDir, start: at(36) });
    expect(second.queue.size).toBe(4);
    for (let i = 4; i < 6; i++) {
      await second.clock.advanceTo(at(i * 10 + 2));
      second.input.fire('keyboard', 20 + i);
    }
    await second.clock.advanceTo(at(60));
    await second.uploader.settled();
    expect(second.queue.size).toBe(6);
    expect(second.uploader.state().uploaded).toBe(0);
    // It stops recording there (the slot just begun is empty, so not queued); uploads go on.
    await second.tracker.stop();

    // The server comes back. Its clock is where the tracker's is: every slot is in its past.
    await site.start(at(61));
    await waitFor('the queue to drain', async () => {
      await second.clock.advance(30_000); // the retry timers run on the tracker's clock
      await second.uploader.settled();
      return second.queue.size === 0;
    }, 60_000);
    second.uploader.stop();
    expect(second.queue.size).toBe(0);
    expect(second.uploader.state()).toMatchObject({ uploaded: 6, rejected: 0 });

    const client = await login(site.url, site.world.users.client.email);
    const week = await getJson<{ slots: { offset: number[]; active: number[]; shot: number[] } }>(`${site.url}/api/contracts/${contractId}/weeks/2026-11-23`, client);
    const weekStart = Date.parse('2026-11-23T00:00:00Z');
    const starts = week.slots.offset.map((o) => new Date(weekStart + o * SLOT_MS).toISOString());
    expect(starts).toEqual([at(0), at(10), at(20), at(30), at(40), at(50)]);
    expect(week.slots.active).toEqual([1, 1, 1, 1, 1, 1]);
    const details = await Promise.all(starts.map((s) => getJson<{ keyboard: number[]; mouse: number[] }>(`${site.url}/api/contracts/${contractId}/slots/${encodeURIComponent(s)}`, client)));
    expect(details.map((d) => d.keyboard.findIndex((k) => k > 0))).toEqual([1, 2, 3, -1, 2, 2]);
    expect(details.map((d) => Math.max(...d.keyboard))).toEqual([10, 11, 12, 0, 24, 25]);
    expect(details[3]!.mouse[4]).toBe(6);
  }, 180_000);
});
