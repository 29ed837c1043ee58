import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NetworkError } from '../api.ts';
import { fakeClock } from '../clock.ts';
import { openQueue } from '../queue.ts';
import { seededRng } from '../rng.ts';
import { createUploader, type UploadEvent } from '../uploader.ts';
import { recordingApi } from './support/doubles.ts';
import { tempDir } from './support/temp.ts';

const slot = (i: number) => ({
  contractId: 'k1',
  start: new Date(Date.UTC(2026, 10, 25, 14, i * 10)).toISOString(),
  meta: { keyboard: new Array(10).fill(i), mouse: new Array(10).fill(0), memo: '', windowTitle: '' },
  holdUntil: 0,
  queuedAt: 0,
});

async function setup(answer: Parameters<typeof recordingApi>[0]) {
  const clock = fakeClock('2026-11-25T15:00:00Z');
  const dir = tempDir();
  const queue = await openQueue(dir);
  for (let i = 0; i < 3; i++) await queue.add(slot(i), { bytes: Buffer.from(`image ${i}`), mime: 'image/webp' });
  const api = recordingApi(answer);
  const events: UploadEvent[] = [];
  const uploader = createUploader({ clock, rng: seededRng(1), api, queue, backoff: { baseMs: 1000, maxMs: 60_000 }, onEvent: (e) => events.push(e) });
  return { clock, dir, queue, api, uploader, events };
}

describe('the uploader', () => {
  it('while the server is down, retries with growing waits, then uploads each slot once, in order', async () => {
    const t = await setup((_, n) => (n < 4 ? new NetworkError('unreachable (ECONNREFUSED)') : n === 4 ? { status: 503, detail: 'starting', retryAfter: null } : { status: 201, detail: 'created', retryAfter: null }));
    t.uploader.wake();
    await t.uploader.settled();
    const waits: number[] = [];
    for (let i = 0; i < 5; i++) {
      expect(t.uploader.state().phase).toBe('waiting');
      const next = t.uploader.state().nextAttemptAt!;
      waits.push(next - t.clock.now());
      await t.clock.advanceTo(next - 1);
      expect(t.api.puts).toHaveLength(i + 1); // not a moment early
      await t.clock.advanceTo(next);
      await t.uploader.settled();
    }
    expect(waits[4]).toBeGreaterThan(waits[0]!);
    expect(t.uploader.state().lastError?.message).toMatch(/503: starting/);
    expect(t.queue.size).toBe(0);
    expect(t.api.puts.slice(5).map((p) => p.start)).toEqual([slot(0).start, slot(1).start, slot(2).start]);
    expect(t.api.puts[5]!.image!.toString()).toBe('image 0');
    expect(t.uploader.state()).toMatchObject({ phase: 'idle', uploaded: 3, failuresInARow: 0 });
  });

  it('an identical replay (200 unchanged) counts as uploaded', async () => {
    const t = await setup(() => ({ status: 200, detail: 'unchanged', retryAfter: null }));
    t.uploader.wake();
    await t.uploader.settled();
    expect(t.queue.size).toBe(0);
    expect(t.uploader.state().uploaded).toBe(3);
  });

  it('a refused slot (4xx) is moved aside with its reason and does not block the next', async () => {
    const t = await setup((p) => (p.start === slot(0).start ? { status: 409, detail: 'The week of 2026-11-23 is approved: it cannot change.', retryAfter: null } : { status: 201, detail: 'created', retryAfter: null }));
    t.uploader.wake();
    await t.uploader.settled();
    expect(t.api.puts.map((p) => p.start)).toEqual([slot(0).start, slot(1).start, slot(2).start]);
    expect(t.queue.size).toBe(0);
    const rejected = fs.readdirSync(path.join(t.dir, 'rejected')).filter((n) => n.endsWith('.json'));
    expect(rejected).toHaveLength(1);
    expect(JSON.parse(fs.readFileSync(path.join(t.dir, 'rejected', rejected[0]!), 'utf8')).reason).toBe('409: The week of 2026-11-23 is approved: it cannot change.');
    expect(t.events.find((e) => e.type === 'rejected')).toMatchObject({ status: 409 });
    expect(t.uploader.state()).toMatchObject({ uploaded: 2, rejected: 1 });
  });

  it('a refused token (401) stops uploading and keeps the queue', async () => {
    const t = await setup(() => ({ status: 401, detail: 'This tracker token is not valid or was revoked', retryAfter: null }));
    t.uploader.wake();
    await t.uploader.settled();
    expect(t.api.puts).toHaveLength(1);
    expect(t.uploader.state().phase).toBe('unauthorized');
    expect(t.uploader.state().lastError?.message).toMatch(/Trackers page/);
    await t.clock.advance(3_600_000);
    t.uploader.wake();
    await t.uploader.settled();
    expect(t.api.puts).toHaveLength(1);
    expect(t.queue.size).toBe(3);
  });

  it('waits for a slot held for discarding, then uploads it', async () => {
    const t = await setup(() => ({ status: 201, detail: 'created', retryAfter: null }));
    for (const e of t.queue.list()) await t.queue.remove(e.id);
    await t.queue.add({ ...slot(5), holdUntil: Date.parse('2026-11-25T15:00:40Z') }, null);
    t.uploader.wake();
    await t.uploader.settled();
    expect(t.api.puts).toHaveLength(0);
    await t.clock.advanceTo('2026-11-25T15:00:40Z');
    await t.uploader.settled();
    expect(t.api.puts).toHaveLength(1);
  });

  it('honours Retry-After on 429', async () => {
    const t = await setup((_, n) => (n === 0 ? { status: 429, detail: 'slow down', retryAfter: '120' } : { status: 201, detail: 'created', retryAfter: null }));
    t.uploader.wake();
    await t.uploader.settled();
    expect(t.uploader.state().nextAttemptAt).toBeGreaterThanOrEqual(t.clock.now() + 120_000);
  });
});
