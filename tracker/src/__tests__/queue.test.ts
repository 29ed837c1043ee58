import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openQueue } from '../queue.ts';
import { tempDir } from './support/temp.ts';

const meta = (n: number) => ({ capturedAt: `2026-11-25T14:0${n}:00.000Z`, keyboard: [n, 0, 0, 0, 0, 0, 0, 0, 0, 0], mouse: new Array(10).fill(0), memo: `m${n}`, windowTitle: '' });
const slot = (n: number, contractId = 'k1') => ({ contractId, start: `2026-11-25T1${n}:00:00.000Z`, meta: meta(n), holdUntil: 0, queuedAt: 0 });

describe('the upload queue on disk', () => {
  it('keeps slots with their screenshots across a restart, oldest first', async () => {
    const dir = tempDir();
    const q = await openQueue(dir);
    await q.add(slot(3), { bytes: Buffer.from('third image'), mime: 'image/webp' });
    await q.add(slot(1), null);
    await q.add(slot(2, 'k2'), { bytes: Buffer.from('second image'), mime: 'image/jpeg' });
    const again = await openQueue(dir);
    expect(again.list().map((e) => [e.start, e.contractId])).toEqual([
      ['2026-11-25T11:00:00.000Z', 'k1'],
      ['2026-11-25T12:00:00.000Z', 'k2'],
      ['2026-11-25T13:00:00.000Z', 'k1'],
    ]);
    const third = again.list()[2]!;
    expect(third.meta.memo).toBe('m3');
    expect((await again.readImage(third))!.toString()).toBe('third image');
    expect(await again.readImage(again.list()[0]!)).toBeNull();
    await again.remove(third.id);
    expect((await openQueue(dir)).size).toBe(2);
    expect(fs.readdirSync(path.join(dir, 'queue')).sort()).toHaveLength(3); // two JSON, one image
  });

  it('moves a refused slot to rejected/ with its reason, and forgets it', async () => {
    const dir = tempDir();
    const q = await openQueue(dir);
    const e = await q.add(slot(4), { bytes: Buffer.from('img'), mime: 'image/webp' });
    await q.reject(e.id, '409: The week of 2026-11-23 is approved', 1234);
    expect(q.size).toBe(0);
    expect((await openQueue(dir)).size).toBe(0);
    const saved = JSON.parse(fs.readFileSync(path.join(dir, 'rejected', `${e.id}.json`), 'utf8'));
    expect(saved.reason).toBe('409: The week of 2026-11-23 is approved');
    expect(fs.readFileSync(path.join(dir, 'rejected', e.image!.file), 'utf8')).toBe('img');
  });

  it('after a crash: half-written files and images without their JSON are dropped; unreadable JSON is set aside', async () => {
    const dir = tempDir();
    const q = await openQueue(dir);
    await q.add(slot(1), { bytes: Buffer.from('one'), mime: 'image/webp' });
    const qdir = path.join(dir, 'queue');
    fs.writeFileSync(path.join(qdir, '2026-11-25T12-00-00-000Z_k1.webp'), 'image whose JSON never landed');
    fs.writeFileSync(path.join(qdir, '2026-11-25T13-00-00-000Z_k1.json.abc123.tmp'), '{"id":');
    fs.writeFileSync(path.join(qdir, 'garbage.json'), 'not json');
    const again = await openQueue(dir);
    expect(again.list().map((e) => e.start)).toEqual(['2026-11-25T11:00:00.000Z']);
    expect(fs.readdirSync(qdir).sort()).toEqual(['2026-11-25T11-00-00-000Z_k1.json', '2026-11-25T11-00-00-000Z_k1.webp']);
    expect(fs.existsSync(path.join(dir, 'rejected', 'garbage.json'))).toBe(true);
  });

  it('a process killed (SIGKILL) while writing leaves only whole slots', async () => {
    const dir = tempDir();
    const writer = path.join(path.dirname(fileURLToPath(import.meta.url)), 'support', 'queue-writer.ts');
    const child = spawn(process.execPath, ['--import', 'tsx', writer, dir], { stdio: ['ignore', 'pipe', 'inherit'] });
    // Kill it once it has written a few slots, in the middle of more.
    await new Promise<void>((resolve) => {
      let written = 0;
      child.stdout.on('data', (d: Buffer) => {
        written += d.toString().split('\n').filter(Boolean).length;
        if (written >= 5) resolve();
      });
    });
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const q = await openQueue(dir);
    expect(q.size).toBeGreaterThanOrEqual(5);
    for (const e of q.list()) {
      const bytes = (await q.readImage(e))!;
      expect(bytes.length).toBe(e.image!.bytes);
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(e.image!.sha256);
      expect(e.meta.keyboard).toHaveLength(10);
    }
    expect(fs.readdirSync(path.join(dir, 'queue')).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});
