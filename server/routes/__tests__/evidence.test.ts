// The evidence pack (docs/evidence.md): a zip with the week's receipts and their links, the
// audit events, the seal, each screenshot still stored under its hash, and week.pdf; each
// screenshot that is gone says why. Read back with yauzl; the PDF's text with pdftotext.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, type TestEnv, type Who } from '#server/test/harness.ts';
import { createTrackerEnv, desktopScreenshot, testImage, uploadForm, type World } from '#server/test/fixtures.ts';
import { insertWeekSeal } from '#server/data/seals.ts';
import { sealFingerprint } from '#server/services/seal-service.ts';
import { metaFor } from './ingest-suite.ts';
import { unzip } from '#server/test/zip.ts';

const WEEK = '2026-11-23'; // in progress at the test clock, Wednesday 2026-11-25 15:00 UTC
const at = (day: number, hh: number, mm: number) => new Date(Date.UTC(2026, 10, 23 + day, hh, mm)).toISOString();
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

interface Manifest {
  format: string;
  contract: { id: string; title: string; company: string; contractor: string; currency: string; hourlyRate: number };
  week: string;
  receipts: { seq: number; prev: string; body: string; hash: string }[];
  auditEvents: string[];
  seal: { statement: string; signature: string; publicKey: string } | null;
  screenshots: { sha256: string; file: string | null; state: string; note?: string }[];
}

const pdfText = (pdf: Buffer) => execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString();

describe.each(backends)('the evidence pack on %s', (backend) => {
  let env: TestEnv;
  let world: World;
  let who: Record<keyof World['users'], Who>;
  let shots: Buffer[];
  const packUrl = (contractId: string, week = WEEK) => `/api/contracts/${contractId}/weeks/${week}/evidence.zip`;
  const get = (url: string, as?: Who) => env.app.inject({ method: 'GET', url, headers: as ? { cookie: as.cookie } : {} });

  beforeAll(async () => {
    let devToken: string;
    ({ env, world, who, devToken } = await createTrackerEnv(backend));
    // Four slots through the tracker's upload, so each has its receipt on the chain: one stays,
    // one the contractor deletes, one retention purges, one is redacted. And manual time.
    shots = [await desktopScreenshot(7, 640, 360), await testImage(2), await testImage(3), await testImage(4)];
    for (const [i, image] of shots.entries()) {
      const start = at(1, 9, i * 10);
      const body = await uploadForm(metaFor(start, { memo: `Slot ${i}` }), { bytes: image, type: i === 0 ? 'image/png' : 'image/jpeg' });
      const res = await env.app.inject({
        method: 'PUT',
        url: `/api/contracts/${world.contracts.dev}/slots/${start}`,
        headers: { authorization: `Bearer ${devToken}`, 'content-type': body.contentType },
        payload: body.payload,
      });
      expect(res.statusCode, res.body).toBeLessThan(300);
    }
    const del = await env.app.inject({ method: 'DELETE', url: `/api/contracts/${world.contracts.dev}/slots/${at(1, 9, 10)}`, headers: { cookie: who.dev.cookie } });
    expect(del.statusCode, del.body).toBe(204);
    // Retention and redaction as their jobs leave a slot: the original's bytes gone, the hash kept.
    await env.database.query(`update screenshots set purged_at = $3 where contract_id = $1 and sha256 = $2`, [world.contracts.dev, sha256(shots[2]!), new Date('2027-01-04T03:00:00Z')]);
    await env.blobs.delete(world.contracts.dev, sha256(shots[2]!));
    await env.database.query(`update slots set redacted_at = $3 where contract_id = $1 and start = $2`, [world.contracts.dev, new Date(at(1, 9, 30)), new Date(at(1, 12, 0))]);
    await env.blobs.delete(world.contracts.dev, sha256(shots[3]!));
  });
  afterAll(async () => {
    await env?.close();
  });

  it('holds the week’s receipts with their links, the audit events, and each screenshot by its state', async () => {
    const res = await get(packUrl(world.contracts.dev), who.client);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="workdiary-backend-work-${WEEK}-evidence.zip"`);
    const files = await unzip(res.rawPayload);
    const manifest = JSON.parse(files.get('manifest.json')!.toString()) as Manifest;
    expect(manifest).toMatchObject({
      format: 'workdiary-evidence/1',
      week: WEEK,
      contract: { id: world.contracts.dev, title: 'Backend work', company: 'Acme Robotics', contractor: 'Dana Dev', currency: 'USD', hourlyRate: 6000 },
      seal: null,
    });

    // Four slots and the deletion, in chain order; each link is sha256(prev ‖ body), and each follows on.
    expect(manifest.receipts.map((r) => JSON.parse(r.body).type)).toEqual(['slot', 'slot', 'slot', 'slot', 'delete']);
    expect(manifest.receipts[0]!.prev).toBe('0'.repeat(64));
    manifest.receipts.forEach((r, i) => {
      expect(r.hash).toBe(createHash('sha256').update(Buffer.from(r.prev, 'hex')).update(r.body, 'utf8').digest('hex'));
      if (i > 0) expect(r.prev).toBe(manifest.receipts[i - 1]!.hash);
    });
    const receiptShas = manifest.receipts.map((r) => JSON.parse(r.body).screenshotSha256).filter(Boolean);
    expect(receiptShas).toEqual(shots.map(sha256));

    const [kept, deleted, purged, redacted] = shots.map(sha256);
    expect(manifest.screenshots).toEqual([
      { sha256: kept, file: `screenshots/${kept}.png`, state: 'present' },
      { sha256: deleted, file: null, state: 'deleted' },
      { sha256: purged, file: null, state: 'retention', note: 'screenshot deleted by retention on 2027-01-04' },
      { sha256: redacted, file: null, state: 'redacted' },
    ]);
    const images = [...files.keys()].filter((f) => f.startsWith('screenshots/'));
    expect(images).toEqual([`screenshots/${kept}.png`]);
    for (const f of images) expect(sha256(files.get(f)!)).toBe(f.slice('screenshots/'.length).split('.')[0]);
    expect(files.get(images[0]!)!.equals(shots[0]!)).toBe(true);

    // The audit trail's entries of the week, as canonical JSON, by id.
    const audit = await env.database.query<{ id: number }>(`select id::int as id from audit_log where contract_id = $1 and week_start = $2 order by id`, [world.contracts.dev, new Date(`${WEEK}T00:00:00Z`)]);
    expect(audit.length).toBeGreaterThan(0);
    const events = manifest.auditEvents.map((e) => JSON.parse(e) as Record<string, unknown>);
    expect(events.map((e) => e.id)).toEqual(audit.map((a) => a.id));
    expect(Object.keys(events[0]!).sort()).toEqual(['action', 'actor', 'after', 'at', 'before', 'dispute', 'id', 'subject']);
  });

  it('writes week.pdf: the contract, the week, its totals per day, a contact sheet and “Not sealed yet”', async () => {
    const files = await unzip((await get(packUrl(world.contracts.dev), who.dev)).rawPayload);
    const pdf = files.get('week.pdf')!;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    expect(text).toContain('Backend work');
    expect(text).toContain('Week of Mon, 23 Nov 2026 to Sun, 29 Nov 2026');
    expect(text).toContain('Dana Dev');
    expect(text).toContain('Not sealed yet');
    expect(text).toContain('Per day (Europe/Berlin)');
    // The kept, the purged and the redacted slot: 3 × 10 min at 60.00/h (a deleted one is never billed).
    expect(text).toMatch(/Billable\s+0:30\s+USD 30\.00/);
    expect(text).toContain('Contact sheet');
    expect(text).toMatch(/10:00 · billable/); // 09:00 UTC in Berlin
    expect(text).toContain('Redacted');
    expect(text).toContain('Deleted by retention');
  });

  it('carries the seal, and the PDF its fingerprint, once the week is sealed', async () => {
    const seal = { root: 'ab'.repeat(32), statement: '{"week":"2026-11-16"}', signature: Buffer.alloc(64, 7).toString('base64'), publicKey: 'MCow', sealedAt: new Date('2026-11-21T10:00:00Z'), totals: {} };
    await insertWeekSeal(env.database, world.contracts.dev, new Date('2026-11-16T00:00:00Z'), seal);
    const files = await unzip((await get(packUrl(world.contracts.dev, '2026-11-16'), who.admin)).rawPayload);
    const manifest = JSON.parse(files.get('manifest.json')!.toString()) as Manifest;
    expect(manifest.seal).toEqual({ statement: seal.statement, signature: seal.signature, publicKey: seal.publicKey });
    expect(manifest.receipts).toEqual([]);
    const text = pdfText(files.get('week.pdf')!);
    expect(text).toContain(sealFingerprint(seal.signature));
    expect(text).toContain('No slots were recorded this week.');
  });

  it('is for the contract’s client, its contractor and an admin: another company gets 404, no session 401', async () => {
    expect((await get(packUrl(world.contracts.dev), who.client2)).statusCode).toBe(404);
    expect((await get(packUrl(world.contracts.dev), who.designer)).statusCode).toBe(404);
    expect((await get(packUrl(world.contracts.dev))).statusCode).toBe(401);
    expect((await get(`/api/contracts/${world.contracts.dev}/weeks/2026-11-24/evidence.zip`, who.client)).statusCode).toBe(400);
    expect((await get(packUrl(world.contracts.dev), who.admin)).statusCode).toBe(200);
  });
});
