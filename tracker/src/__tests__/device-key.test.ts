// The device key: made once per token and kept private on disk, registered with the server
// before the first upload, and each slot sent signed with it, queued before the key or not.
import { createHash, verify } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { canonicalJson as serverCanonicalJson, type JsonValue } from '../../../contract/canonical-json.ts';
import type { SignedSlotFields as ContractSignedSlotFields } from '../../../contract/receipts.ts';
import { NetworkError, type UploadAnswer } from '../api.ts';
import { fakeClock } from '../clock.ts';
import { canonicalJson, openDeviceKey, type SignedSlotFields } from '../device-key.ts';
import { openQueue } from '../queue.ts';
import { seededRng } from '../rng.ts';
import { createUploader } from '../uploader.ts';
import { recordingApi, type Put } from './support/doubles.ts';
import { tempDir } from './support/temp.ts';

const TOKEN = 'wdt_first-token';

const slot = (i: number, capturedAt = true) => ({
  contractId: 'k1',
  start: new Date(Date.UTC(2026, 10, 25, 14, i * 10)).toISOString(),
  meta: {
    ...(capturedAt ? { capturedAt: new Date(Date.UTC(2026, 10, 25, 14, i * 10, 37)).toISOString() } : {}),
    keyboard: [i, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    mouse: new Array(10).fill(0),
    memo: 'Café — “quotes” 👍',
    windowTitle: 'report.odt',
  },
  holdUntil: 0,
  queuedAt: 0,
});

/** What the server checks: the signature of the slot's fields as the PUT sent them. */
function verifies(put: Put, publicKey: string): boolean {
  const { signature, ...meta } = put.meta;
  const fields: SignedSlotFields = {
    type: 'slot',
    contract: put.contractId,
    start: put.start,
    capturedAt: meta.capturedAt ?? null,
    screenshotSha256: put.image ? createHash('sha256').update(put.image).digest('hex') : null,
    ...meta,
    kind: 'tracked',
  };
  const data = Buffer.from(serverCanonicalJson(fields as unknown as JsonValue));
  return verify(null, data, { key: Buffer.from(publicKey, 'base64'), format: 'der', type: 'spki' }, Buffer.from(signature!, 'base64'));
}

async function setup(answerKey: (n: number) => UploadAnswer | Error, dir = tempDir()) {
  const clock = fakeClock('2026-11-25T15:00:00Z');
  const queue = await openQueue(dir);
  const api = recordingApi();
  const keyPuts: string[] = [];
  api.putKey = async (publicKey) => {
    const a = answerKey(keyPuts.length);
    keyPuts.push(publicKey);
    if (a instanceof Error) throw a;
    return a;
  };
  const device = await openDeviceKey(dir, TOKEN);
  const uploader = createUploader({ clock, rng: seededRng(1), api, queue, device, backoff: { baseMs: 1000, maxMs: 60_000 } });
  return { dir, clock, queue, api, keyPuts, device, uploader };
}

const created = (): UploadAnswer => ({ status: 201, detail: 'created', retryAfter: null });

describe('the device key', () => {
  it('is made once per token, kept readable by its owner only, and a new token gets a new one', async () => {
    const dir = tempDir();
    const key = await openDeviceKey(dir, TOKEN);
    expect(path.dirname(key.file)).toBe(dir);
    if (process.platform !== 'win32') expect(fs.statSync(key.file).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(key.file, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect((await openDeviceKey(dir, TOKEN)).publicKey).toBe(key.publicKey);
    const other = await openDeviceKey(dir, 'wdt_second-token');
    expect(other.publicKey).not.toBe(key.publicKey);
    expect(other.file).not.toBe(key.file);
  });

  it('signs the fields the server checks, written as canonical JSON exactly as the server writes it', () => {
    expectTypeOf<SignedSlotFields>().toExtend<ContractSignedSlotFields>();
    const fields = { z: [1, 20, 300], a: 'é\u2028"\\', m: null, 'é': 'x', B: { y: 1, x: [] } };
    expect(canonicalJson(fields)).toBe(serverCanonicalJson(fields as JsonValue));
  });

  it('is registered once before the first upload, and every slot is sent signed, queued before it or not', async () => {
    const t = await setup(created);
    await t.queue.add(slot(0), { bytes: Buffer.from('image 0'), mime: 'image/webp' });
    await t.queue.add(slot(1, false), null);
    t.uploader.wake();
    await t.uploader.settled();
    expect(t.keyPuts).toEqual([t.device.publicKey]);
    expect(t.api.puts).toHaveLength(2);
    for (const put of t.api.puts) expect(verifies(put, t.device.publicKey), put.start).toBe(true);
    // The queue file keeps no signature: it is made as the slot is sent.
    expect(t.queue.size).toBe(0);

    // A restart with the same token does not register again.
    const again = await setup(created, t.dir);
    await again.queue.add(slot(2), { bytes: Buffer.from('image 2'), mime: 'image/webp' });
    again.uploader.wake();
    await again.uploader.settled();
    expect(again.keyPuts).toEqual([]);
    expect(verifies(again.api.puts[0]!, t.device.publicKey)).toBe(true);
  });

  it('waits while the key cannot be registered, then registers it and uploads', async () => {
    const t = await setup((n) => (n === 0 ? new NetworkError('unreachable (ECONNREFUSED)') : created()));
    await t.queue.add(slot(0), { bytes: Buffer.from('image 0'), mime: 'image/webp' });
    t.uploader.wake();
    await t.uploader.settled();
    expect(t.uploader.state().phase).toBe('waiting');
    expect(t.api.puts).toHaveLength(0);
    await t.clock.advanceTo(t.uploader.state().nextAttemptAt!);
    await t.uploader.settled();
    expect(t.keyPuts).toHaveLength(2);
    expect(t.api.puts).toHaveLength(1);
    expect(t.queue.size).toBe(0);
  });

  it('stops uploading and says what to do when the token has another device key (409)', async () => {
    const t = await setup(() => ({ status: 409, detail: 'This tracker token already has a device key; make a new token for a new device.', retryAfter: null }));
    await t.queue.add(slot(0), { bytes: Buffer.from('image 0'), mime: 'image/webp' });
    t.uploader.wake();
    await t.uploader.settled();
    expect(t.api.puts).toHaveLength(0);
    expect(t.queue.size).toBe(1);
    const state = t.uploader.state();
    expect(state.phase).toBe('unauthorized');
    expect(state.lastError?.message).toContain('already has another device key for this token');
    expect(state.lastError?.message).toContain("Create a new token on the dashboard's Trackers page");
  });
});
