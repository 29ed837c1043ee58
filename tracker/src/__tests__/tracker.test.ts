import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { NetworkError } from '../api.ts';
import { fakeClock } from '../clock.ts';
import { openQueue } from '../queue.ts';
import { seededRng } from '../rng.ts';
import { createTracker } from '../tracker.ts';
import { createUploader } from '../uploader.ts';
import { paintedScreen, recordingApi, scriptedInput } from './support/doubles.ts';
import { tempDir } from './support/temp.ts';

const T = (iso: string) => Date.parse(iso);
const MIN = 60_000;

async function setup(startIso: string, opts: { seed?: number; rng?: () => number; dataDir?: string; offline?: boolean } = {}) {
  const clock = fakeClock(startIso);
  const dataDir = opts.dataDir ?? tempDir();
  const queue = await openQueue(dataDir);
  const api = recordingApi(opts.offline ? () => new NetworkError('http://tracker.test is unreachable (ECONNREFUSED)') : undefined);
  const uploader = createUploader({ clock, rng: seededRng(9), api, queue });
  const input = scriptedInput();
  const capture = paintedScreen();
  const tracker = createTracker({
    clock,
    rng: opts.rng ?? seededRng(opts.seed ?? 1),
    queue,
    uploader,
    input,
    capture,
    windowTitle: async () => 'editor — notes.md',
    dataDir,
    contractId: 'contract-a',
    memo: 'Writing the tracker',
  });
  const at = (iso: string) => clock.advanceTo(iso);
  /** Lets the uploader finish what it started. */
  const uploads = async () => {
    await uploader.settled();
    return api.puts;
  };
  return { clock, dataDir, queue, api, uploader, input, capture, tracker, at, uploads };
}

describe('the tracker, on a fake clock', () => {
  it('records a slot: idle before the start, input in its minutes, one screenshot inside, uploaded after the discard minute', async () => {
    const t = await setup('2026-11-25T14:03:30Z');
    await t.tracker.start();
    await t.at('2026-11-25T14:04:10Z');
    t.input.fire('keyboard', 12);
    await t.at('2026-11-25T14:07:59Z');
    t.input.fire('mouse', 3);
    t.input.fire('keyboard');
    await t.at('2026-11-25T14:10:00Z');
    expect(t.capture.calls).toBe(1);
    expect(t.queue.size).toBe(1);
    // Held for the 60 s in which the contractor may discard the screenshot.
    const [entry] = t.queue.list();
    const captured = T(entry!.meta.capturedAt!);
    expect(captured).toBeGreaterThanOrEqual(T('2026-11-25T14:03:30Z'));
    expect(captured).toBeLessThan(T('2026-11-25T14:10:00Z'));
    expect(entry!.holdUntil).toBe(captured + MIN);
    await t.at('2026-11-25T14:11:01Z');
    const puts = await t.uploads();
    expect(puts).toHaveLength(1);
    const put = puts[0]!;
    expect(put.start).toBe('2026-11-25T14:00:00.000Z');
    expect(put.contractId).toBe('contract-a');
    expect(put.meta.keyboard).toEqual([0, 0, 0, 0, 12, 0, 0, 1, 0, 0]);
    expect(put.meta.mouse).toEqual([0, 0, 0, 0, 0, 0, 0, 3, 0, 0]);
    expect(put.meta.memo).toBe('Writing the tracker');
    expect(put.meta.windowTitle).toBe('editor — notes.md');
    expect((await sharp(put.image!).metadata()).format).toBe('webp');
    expect(t.queue.size).toBe(0);
    // The next slot is already being recorded.
    expect(t.tracker.status().slot?.start).toBe(T('2026-11-25T14:10:00Z'));
  });

  it('keeps the last screenshot on disk for the contractor to look at', async () => {
    const t = await setup('2026-11-25T14:00:00Z');
    await t.tracker.start();
    await t.at('2026-11-25T14:10:00Z');
    const shot = t.tracker.status().lastShot!;
    expect(shot.path).toBe(path.join(t.dataDir, 'last-screenshot.webp'));
    expect((await sharp(fs.readFileSync(shot.path)).metadata()).width).toBe(320);
  });

  it('switching contract mid-slot ends the slot there; the new contract starts at the next boundary', async () => {
    const t = await setup('2026-11-25T14:10:00Z', { seed: 2 });
    await t.tracker.start();
    await t.at('2026-11-25T14:11:30Z');
    t.input.fire('keyboard', 5);
    await t.at('2026-11-25T14:15:00Z');
    const message = await t.tracker.switchTo('contract-b');
    expect(message).toMatch(/14:20 UTC/);
    t.input.fire('keyboard', 50); // after the switch: counts for nobody
    await t.at('2026-11-25T14:22:00Z');
    t.input.fire('mouse', 4);
    await t.at('2026-11-25T14:31:30Z');
    const puts = await t.uploads();
    expect(puts.map((p) => [p.contractId, p.start])).toEqual([
      ['contract-a', '2026-11-25T14:10:00.000Z'],
      ['contract-b', '2026-11-25T14:20:00.000Z'],
    ]);
    expect(puts[0]!.meta.keyboard).toEqual([0, 5, 0, 0, 0, 0, 0, 0, 0, 0]);
    if (puts[0]!.meta.capturedAt) expect(T(puts[0]!.meta.capturedAt)).toBeLessThan(T('2026-11-25T14:15:00Z'));
    expect(puts[1]!.meta.mouse).toEqual([0, 0, 4, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('while paused counts nothing and takes no screenshot; a slot paused throughout is not uploaded', async () => {
    const t = await setup('2026-11-25T14:00:00Z');
    await t.tracker.start();
    t.tracker.pause();
    t.input.fire('keyboard', 9);
    await t.at('2026-11-25T14:10:00Z');
    expect(t.capture.calls).toBe(0);
    expect(t.queue.size).toBe(0);
    await t.at('2026-11-25T14:13:00Z');
    expect(t.tracker.resume()).toBe('Resumed.');
    t.input.fire('keyboard', 2);
    await t.at('2026-11-25T14:21:30Z');
    const puts = await t.uploads();
    expect(puts.map((p) => p.start)).toEqual(['2026-11-25T14:10:00.000Z']);
    expect(puts[0]!.meta.keyboard).toEqual([0, 0, 0, 2, 0, 0, 0, 0, 0, 0]);
    // Its screenshot second came from the part after resume, even if the planned one was earlier.
    expect(T(puts[0]!.meta.capturedAt!)).toBeGreaterThanOrEqual(T('2026-11-25T14:13:00Z'));
  });

  it('discard while the slot is recorded drops the screenshot and the whole slot', async () => {
    const t = await setup('2026-11-25T14:00:00Z', { rng: () => 0.1 }); // screenshots at second 60
    await t.tracker.start();
    t.input.fire('keyboard', 3);
    await t.at('2026-11-25T14:01:30Z');
    const shot = t.tracker.status().lastShot!;
    expect(shot.capturedAt).toBe(T('2026-11-25T14:01:00Z'));
    expect(await t.tracker.discard()).toBe('Discarded the screenshot and the slot 14:00–14:10 UTC: its time is not recorded.');
    expect(fs.existsSync(shot.path)).toBe(false);
    t.input.fire('keyboard', 8);
    await t.at('2026-11-25T14:12:00Z');
    t.input.fire('keyboard', 1);
    await t.at('2026-11-25T14:20:00Z');
    const puts = await t.uploads();
    expect(puts.map((p) => p.start)).toEqual(['2026-11-25T14:10:00.000Z']);
    expect(await t.tracker.discard()).toMatch(/^Too late: the screenshot of 14:10–14:20 UTC was taken 540 s ago/);
  });

  it('discard after the slot ended, within 60 s of the screenshot, takes it out of the queue', async () => {
    const t = await setup('2026-11-25T14:00:00Z', { rng: () => 0.95 }); // screenshots at second 570
    await t.tracker.start();
    t.input.fire('mouse', 3);
    await t.at('2026-11-25T14:10:10Z');
    expect(t.queue.size).toBe(1);
    expect(await t.uploads()).toHaveLength(0); // held until 14:10:30
    expect(await t.tracker.discard()).toMatch(/Discarded the screenshot and the slot 14:00–14:10 UTC/);
    expect(t.queue.size).toBe(0);
    t.input.fire('mouse', 1);
    await t.at('2026-11-25T14:20:30Z');
    expect(await t.tracker.discard()).toMatch(/Too late/);
    expect((await t.uploads()).map((p) => p.start)).toEqual(['2026-11-25T14:10:00.000Z']);
  });

  it('after a restart inside a slot already queued, recording resumes at the next boundary', async () => {
    const dataDir = tempDir();
    const a = await setup('2026-11-25T14:00:00Z', { dataDir, offline: true });
    await a.tracker.start();
    await a.at('2026-11-25T14:04:00Z');
    a.input.fire('keyboard');
    await a.tracker.stop();
    expect(a.queue.size).toBe(1);
    const b = await setup('2026-11-25T14:06:00Z', { dataDir });
    expect(b.queue.size).toBe(1); // the stopped slot survived the restart
    await b.tracker.start();
    expect(b.tracker.status().slot).toBeNull();
    expect(b.tracker.status().nextSlotAt).toBe(T('2026-11-25T14:10:00Z'));
    b.input.fire('keyboard', 4);
    await b.at('2026-11-25T14:10:30Z');
    b.input.fire('keyboard', 4);
    await b.at('2026-11-25T14:21:10Z');
    const puts = await b.uploads();
    expect(puts.map((p) => p.start)).toEqual(['2026-11-25T14:00:00.000Z', '2026-11-25T14:10:00.000Z']);
    expect(puts[0]!.meta.keyboard).toEqual([0, 0, 0, 0, 1, 0, 0, 0, 0, 0]);
    expect(puts[1]!.meta.keyboard).toEqual([4, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('a failing screenshot is reported and the slot still uploads its activity', async () => {
    const t = await setup('2026-11-25T14:00:00Z');
    const tracker = createTracker({
      clock: t.clock, rng: seededRng(1), queue: t.queue, uploader: t.uploader, input: t.input,
      capture: async () => {
        throw new Error('no monitor found to capture');
      },
      windowTitle: async () => '', dataDir: t.dataDir, contractId: 'contract-a',
    });
    await tracker.start();
    t.input.fire('mouse', 2);
    await t.at('2026-11-25T14:10:00Z');
    expect(tracker.status().lastError?.message).toMatch(/screenshot failed: no monitor/);
    const puts = await t.uploads();
    expect(puts).toHaveLength(1);
    expect(puts[0]!.image).toBeNull();
    expect(puts[0]!.meta.capturedAt).toBeUndefined();
    expect(puts[0]!.meta.mouse[0]).toBe(2);
  });
});
