// A contract agreed as "blur every screenshot": the client (and the contractor) see only the
// blurred copy and the activity; the original is kept encrypted, its hash on the chain, and an
// admin sees it only while a dispute on its slot is escalated, each look on the audit trail. A
// redaction, a deletion or retention erases the encrypted original too.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlotDetail } from '#contract/week.ts';
import { verifyContractChain } from '#server/services/chain-verify.ts';
import { purgeExpiredScreenshots } from '#server/services/retention-sweep.ts';
import { backends, type TestEnv, type Who } from '#server/test/harness.ts';
import { createTrackerEnv, desktopScreenshot, uploadForm, type World } from '#server/test/fixtures.ts';
import { unzip } from '#server/test/zip.ts';
import { metaFor, T } from './ingest-suite.ts';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const VERIFY = path.resolve(import.meta.dirname, '../../../verify/bin/workdiary-verify.mjs');

describe.each(backends)('a blur-all contract (%s)', (backend) => {
  let env: TestEnv;
  let world: World;
  let who: Record<'dev' | 'client' | 'client2' | 'designer' | 'admin', Who>;
  let token: string;
  let k: string;
  const shots: Record<string, Buffer> = {};

  const upload = async (start: string, bytes: Buffer) => {
    const body = await uploadForm(metaFor(start), { bytes });
    return env.app.inject({ method: 'PUT', url: `/api/contracts/${k}/slots/${start}`, headers: { authorization: `Bearer ${token}`, 'content-type': body.contentType }, payload: body.payload });
  };
  const get = (url: string, w: Who) => env.app.inject({ method: 'GET', url, headers: { cookie: w.cookie } });
  const post = (url: string, w: Who, payload: object = {}) => env.app.inject({ method: 'POST', url, headers: { cookie: w.cookie }, payload });
  const original = (start: string, w: Who) => get(`/api/contracts/${k}/slots/${start}/original`, w);
  const kept = async () =>
    env.database.query<{ sha256: string; blob: string }>(`select sha256, blob_sha256 as blob from encrypted_originals where contract_id = $1 order by sha256`, [k]);

  beforeAll(async () => {
    const t = await createTrackerEnv(backend);
    ({ env, world, devToken: token } = t);
    who = t.who;
    k = world.contracts.dev;
    await env.database.query(`update contracts set blur_all = true where id = $1`, [k]);
    for (const [i, hhmm] of ['09:00', '09:10', '09:20', '09:30'].entries()) {
      shots[hhmm] = await desktopScreenshot(60 + i, 800, 450);
      const res = await upload(T(hhmm), shots[hhmm]!);
      expect(res.statusCode, res.body).toBe(201);
    }
  });
  afterAll(async () => {
    await env?.close();
  });

  it('shows the client and the contractor only the blurred copy, and keeps no plain original', async () => {
    for (const w of [who.client, who.dev]) {
      const detail = (await get(`/api/contracts/${k}/slots/${T('09:00')}`, w)).json<SlotDetail>();
      expect(detail.screenshot!.sha256).not.toBe(sha256(shots['09:00']!));
      expect(detail.blurred).toBe(true);
      const full = await get(`/api/contracts/${k}/slots/${T('09:00')}/screenshot`, w);
      expect(full.statusCode).toBe(200);
      expect(full.headers['content-type']).toBe('image/webp');
      expect(full.rawPayload.equals(shots['09:00']!)).toBe(false);
      expect(sha256(full.rawPayload)).toBe(detail.screenshot!.sha256);
    }
    expect(await env.blobs.get(k, sha256(shots['09:00']!))).toBeNull();
    // Kept encrypted: the stored bytes are not the image.
    const [row] = (await kept()).filter((r) => r.sha256 === sha256(shots['09:00']!));
    const sealed = await env.blobs.get(k, row!.blob);
    expect(sealed!.subarray(0, 4).toString()).toBe('WDO1');
    expect(sealed!.includes(shots['09:00']!.subarray(100, 164))).toBe(false);
  });

  it('keeps the original’s hash on the slot receipt, the blurred copy on a blur receipt, and the chain whole', async () => {
    const bodies = (await env.database.query<{ body: string }>(`select body from receipts where contract_id = $1 and slot_start = $2 order by seq`, [k, T('09:00')])).map((r) => JSON.parse(r.body));
    const shown = (await get(`/api/contracts/${k}/slots/${T('09:00')}`, who.client)).json<SlotDetail>().screenshot!.sha256;
    expect(bodies).toMatchObject([
      { type: 'slot', screenshotSha256: sha256(shots['09:00']!) },
      { type: 'blur', originalSha256: sha256(shots['09:00']!), blurredSha256: shown },
    ]);
    expect((await verifyContractChain(env.database, k)).problem).toBeNull();
  });

  it('answers the tracker’s replay of the same upload as unchanged, not as a conflict', async () => {
    const res = await upload(T('09:00'), shots['09:00']!);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('unchanged');
  });

  it('refuses the original to everyone but an admin, and to the admin while the slot is not in an escalated dispute', async () => {
    expect((await original(T('09:00'), who.client2)).statusCode).toBe(404);
    for (const w of [who.client, who.dev]) {
      const res = await original(T('09:00'), w);
      expect(res.statusCode).toBe(403);
      expect(res.json().detail).toMatch(/Only an admin/);
    }
    const res = await original(T('09:00'), who.admin);
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toMatch(/only while a dispute on this slot is escalated to an admin; it is not disputed/);
  });

  it('puts the original in the pack as “blurred”, never its bytes, and the pack verifies', async () => {
    const res = await get(`/api/contracts/${k}/weeks/2026-11-23/evidence.zip`, who.client);
    expect(res.statusCode).toBe(200);
    const files = await unzip(res.rawPayload);
    const manifest = JSON.parse(files.get('manifest.json')!.toString()) as { screenshots: { sha256: string; file: string | null; state: string }[] };
    expect(manifest.screenshots.find((s) => s.sha256 === sha256(shots['09:00']!))).toMatchObject({ file: null, state: 'blurred' });
    for (const bytes of files.values()) expect(bytes.equals(shots['09:00']!)).toBe(false);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'blur-pack-'));
    fs.writeFileSync(path.join(dir, 'week.zip'), res.rawPayload);
    expect(execFileSync(process.execPath, [VERIFY, path.join(dir, 'week.zip')]).toString()).toMatch(/^valid: 4 slots, not sealed/);
    fs.rmSync(dir, { recursive: true });
  });

  it('a redaction erases the encrypted original; a deletion does too', async () => {
    const before = (await get(`/api/contracts/${k}/slots/${T('09:20')}`, who.dev)).json<SlotDetail>();
    const blob = (await kept()).find((r) => r.sha256 === sha256(shots['09:20']!))!.blob;
    const res = await post(`/api/contracts/${k}/slots/${T('09:20')}/redaction`, who.dev);
    expect(res.statusCode, res.body).toBe(200);
    // The blurred copy stays what everyone sees; the original is gone for good.
    expect(res.json<SlotDetail>()).toMatchObject({ state: 'billable', screenshot: { sha256: before.screenshot!.sha256 } });
    expect(await env.blobs.get(k, blob)).toBeNull();
    const [last] = await env.database.query<{ body: string }>(`select body from receipts where contract_id = $1 order by seq desc limit 1`, [k]);
    expect(JSON.parse(last!.body)).toMatchObject({ type: 'redaction', originalSha256: sha256(shots['09:20']!), blurredSha256: before.screenshot!.sha256 });

    const gone = (await kept()).find((r) => r.sha256 === sha256(shots['09:30']!))!.blob;
    const del = await env.app.inject({ method: 'DELETE', url: `/api/contracts/${k}/slots/${T('09:30')}`, headers: { cookie: who.dev.cookie } });
    expect(del.statusCode).toBe(204);
    expect(await env.blobs.get(k, gone)).toBeNull();
    expect((await kept()).map((r) => r.sha256).sort()).toEqual([sha256(shots['09:00']!), sha256(shots['09:10']!)].sort());
    expect((await verifyContractChain(env.database, k)).problem).toBeNull();
  });

  it('shows the original to an admin while a dispute on the slot is escalated, checked against its hash, and audits the look', async () => {
    // The week in its review window: the client disputes two slots, the contractor contests one.
    env.clock.set('2026-11-30T13:00:00.000Z');
    const opened = await post('/api/disputes', who.client, { slots: [T('09:00'), T('09:10')].map((start) => ({ contractId: k, start })), reason: 'low_activity', comment: 'What is this?' });
    expect(opened.statusCode, opened.body).toBe(201);
    const id = opened.json().id as string;
    expect((await original(T('09:00'), who.admin)).json().detail).toMatch(/its dispute is open/);
    expect((await post(`/api/disputes/${id}/slots/${T('09:00')}/answer`, who.dev, { answer: 'contest', reply: 'Client work, under NDA' })).statusCode).toBe(200);
    const last = await post(`/api/disputes/${id}/slots/${T('09:10')}/answer`, who.dev, { answer: 'accept' });
    expect(last.json().status).toBe('escalated');

    // The admin's page of the dispute offers the originals; the client's does not.
    expect((await get(`/api/disputes/${id}`, who.admin)).json().actions.originals).toBe(true);
    expect((await get(`/api/disputes/${id}`, who.client)).json().actions.originals).toBe(false);

    const res = await original(T('09:00'), who.admin);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(res.rawPayload.equals(shots['09:00']!)).toBe(true);
    // Still the admin's alone.
    expect((await original(T('09:00'), who.client)).statusCode).toBe(403);
    const [audit] = await env.database.query<{ actor: string; after: { originalSha256: string } }>(
      `select actor_id as actor, after from audit_log where action = 'slot.original_revealed' and contract_id = $1`,
      [k],
    );
    expect(audit).toEqual({ actor: world.users.admin.id, after: { originalSha256: sha256(shots['09:00']!) } });

    // A kept original that was tampered with is refused, never shown.
    const blob = (await kept()).find((r) => r.sha256 === sha256(shots['09:00']!))!.blob;
    const sealed = (await env.blobs.get(k, blob))!;
    sealed[sealed.length - 1]! ^= 1;
    await env.blobs.delete(k, blob);
    await env.blobs.put(k, sealed, blob);
    const bad = await original(T('09:00'), who.admin);
    expect(bad.statusCode).toBe(409);
    expect(bad.json().detail).toMatch(/does not decrypt/);
  });

  it('retention erases the encrypted originals with their blurred copies', async () => {
    env.clock.set('2026-12-10T03:00:00.000Z');
    await env.database.query(`update disputes set status = 'settled' where contract_id = $1`, [k]);
    await purgeExpiredScreenshots(env.database, env.blobs, env.clock.now(), 7);
    expect(await kept()).toEqual([]);
    const res = await get(`/api/contracts/${k}/weeks/2026-11-23/evidence.zip`, who.client);
    expect(res.statusCode, res.body).toBe(200);
    const manifest = JSON.parse((await unzip(res.rawPayload)).get('manifest.json')!.toString()) as { screenshots: { sha256: string; state: string; note?: string }[] };
    expect(manifest.screenshots.find((s) => s.sha256 === sha256(shots['09:00']!))).toMatchObject({ state: 'retention', note: 'screenshot deleted by retention on 2026-12-10' });
  });
});
