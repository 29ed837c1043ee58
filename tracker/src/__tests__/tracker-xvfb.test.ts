// The tracker for real: a virtual X screen, the real input hook and screen capture, a real
// server. Only the clock is fake, so the test walks through a whole slot in seconds.
import { spawn } from 'node:child_process';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlotReceipt } from '../../../contract/receipts.ts';
import { openDatabase } from '../../../server/db/client.ts';
import { checkDeviceSignatures } from '../../../verify/src/check-receipts.ts';
import { createApi } from '../api.ts';
import { openDeviceKey } from '../device-key.ts';
import { createSite, createTrackerToken, getJson, login, repoRoot, waitFor, type ServerSite } from './support/server.ts';
import { tempDir } from './support/temp.ts';
import { startTrackerProcess } from './support/tracker-process.ts';
import { startXvfb, xvfbMissing, type VirtualScreen } from './support/xvfb.ts';

// The server's clock starts where the tracker's fake clock does.
const START = '2026-11-25T14:00:30.000Z';
const SLOT = '2026-11-25T14:00:00.000Z';

/** The slot's receipt on its contract's chain, read with the server stopped (PGlite has one user at a time). */
async function receiptOf(site: ServerSite, contractId: string, start: string): Promise<SlotReceipt> {
  await site.stop();
  const database = await openDatabase({ dataDir: site.dataDir });
  try {
    const rows = await database.query<{ body: string }>(`select body from receipts where contract_id = $1 and type = 'slot' and slot_start = $2`, [contractId, start]);
    expect(rows).toHaveLength(1);
    return JSON.parse(rows[0]!.body) as SlotReceipt;
  } finally {
    await database.close();
    await site.start(START);
  }
}

describe.skipIf(xvfbMissing)('the tracker under Xvfb, against a real server', () => {
  let screen: VirtualScreen;
  let site: ServerSite;

  beforeAll(async () => {
    screen = await startXvfb(1600, 900);
    site = await createSite();
    await site.start(START);
  });
  afterAll(async () => {
    await site?.dispose();
    await screen?.stop();
  });

  it('counts xdotool typing and mouse moves in the right minutes, and uploads a real screenshot of the screen', async () => {
    // What the screen shows: a white, focused window on the black screen.
    await screen.openWindow('Quarterly report.odt', { x: 100, y: 100, width: 600, height: 400 });
    const contractId = site.world.contracts.dev;
    const token = await createTrackerToken(site.url, site.world.users.dev.email, 'Xvfb workstation');
    const api = createApi({ server: site.url, token });
    const session = await api.session();
    expect(session.contracts.map((c) => c.id)).toContain(contractId);

    const dataDir = tempDir();
    const tracker = await startTrackerProcess({
      server: site.url,
      token,
      contractId,
      dataDir,
      start: START,
      seed: 11,
      memo: 'Tracker under Xvfb',
      env: screen.env,
    });
    try {
      const counts = async () => (await tracker.status()).slot!;

      await tracker.advanceTo('2026-11-25T14:02:15Z');
      await screen.run('xdotool', ['type', '--delay', '5', 'hello tracker']);
      await waitFor('13 key presses in minute 2', async () => (await counts()).keyboard[2]! >= 13);

      await tracker.advanceTo('2026-11-25T14:05:40Z');
      await screen.run('xdotool', ['mousemove', '100', '100', 'mousemove', '400', '300', 'mousemove', '800', '600', 'click', '1']);
      await waitFor('mouse events in minute 5', async () => (await counts()).mouse[5]! >= 3);

      // Through the end of the slot and the minute the screenshot may still be discarded.
      await tracker.advanceTo('2026-11-25T14:11:30Z');
      expect((await tracker.status()).lastShot?.path).toBe(path.join(dataDir, 'last-screenshot.webp'));
      await waitFor('the upload', async () => {
        await tracker.settled();
        const s = await tracker.status();
        return s.uploader.uploaded === 1 && s.queued === 0;
      });
    } finally {
      await tracker.stop();
    }

    const client = await login(site.url, site.world.users.client.email);
    const slot = await getJson<{ keyboard: number[]; mouse: number[]; activeMinutes: number; memo: string; windowTitle: string; screenshot: { width: number; height: number; mime: string; capturedAt: string } | null }>(
      `${site.url}/api/contracts/${contractId}/slots/${encodeURIComponent(SLOT)}`,
      client,
    );
    expect(slot.keyboard[2]).toBeGreaterThanOrEqual(13);
    expect(slot.mouse[5]).toBeGreaterThanOrEqual(3);
    // Minutes without input stay 0 (minute 0 began before the tracker did).
    for (const m of [0, 1, 3, 4, 6, 7, 8, 9]) expect(slot.keyboard[m] + slot.mouse[m]).toBe(0);
    expect(slot.activeMinutes).toBe(2);
    expect(slot.memo).toBe('Tracker under Xvfb');
    expect(slot.screenshot).toMatchObject({ width: 1600, height: 900, mime: 'image/webp' });
    expect(Date.parse(slot.screenshot!.capturedAt)).toBeGreaterThanOrEqual(Date.parse(START));

    const thumb = await fetch(`${site.url}/api/contracts/${contractId}/slots/${encodeURIComponent(SLOT)}/thumbnail`, { headers: { cookie: client } });
    expect(thumb.status).toBe(200);
    const { data, info } = await sharp(Buffer.from(await thumb.arrayBuffer())).raw().toBuffer({ resolveWithObject: true });
    expect(info.width).toBeGreaterThan(0);
    expect(info.height).toBeGreaterThan(0);
    // The virtual screen as it was: the window light, the screen around it black.
    const mean = (x0: number, y0: number, x1: number, y1: number) => {
      let sum = 0;
      let n = 0;
      for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++, n++) sum += data[(y * info.width + x) * info.channels]!;
      return sum / n;
    };
    const k = info.width / 1600;
    expect(mean(Math.round(150 * k), Math.round(250 * k), Math.round(650 * k), Math.round(450 * k))).toBeGreaterThan(150);
    expect(mean(Math.round(900 * k), Math.round(500 * k), Math.round(1500 * k), Math.round(850 * k))).toBeLessThan(30);
    expect(slot.windowTitle).toBe('Quarterly report.odt');

    // The device signed the slot: its receipt carries this tracker's key, and the offline
    // verifier (verify/) finds that the signature over the receipt's fields verifies.
    const receipt = await receiptOf(site, contractId, SLOT);
    expect(receipt).toMatchObject({ start: SLOT, memo: 'Tracker under Xvfb', screenshotSha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(receipt.device?.publicKey).toBe((await openDeviceKey(dataDir, token)).publicKey);
    const checked = (body: SlotReceipt) => () => checkDeviceSignatures([{ seq: 1, link: Buffer.alloc(32), body: { ...body } }]);
    expect(checked(receipt)).not.toThrow();
    // A receipt with one count changed no longer verifies: the signature covers the fields.
    expect(checked({ ...receipt, keyboard: receipt.keyboard.map((n, m) => (m === 2 ? n + 1 : n)) })).toThrow(/device signature does not verify/);
  }, 180_000);

  it('the command: lists the contracts, takes a pick on stdin, and obeys memo, pause, status and quit', async () => {
    const token = await createTrackerToken(site.url, site.world.users.designer.email, 'Designer laptop');
    const dataDir = tempDir();
    const child = spawn(process.execPath, [path.join(repoRoot, 'tracker/bin/workdiary-tracker.mjs'), '--server', site.url, '--data-dir', dataDir], {
      env: { ...screen.env, WORKDIARY_TOKEN: token },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const exit = new Promise<number | null>((resolve) => child.once('exit', resolve));
    const waitOut = (text: string | RegExp) =>
      waitFor(`"${text}" in the output:\n${out}\n${err}`, () => (typeof text === 'string' ? out.includes(text) : text.test(out)), 30_000);

    await waitOut('Pick one (1–2)');
    expect(out).toContain('Signed in as Desi Designer <designer@test.test> on "Designer laptop"');
    expect(out).toMatch(/1\. Design — Acme Robotics \(manual time allowed\)/);
    expect(out).toMatch(/2\. Globex brochure — Globex/);
    child.stdin.write('7\n');
    await waitOut('"7" is not on the list.');
    child.stdin.write('2\n');
    await waitOut('Tracking Globex brochure (Globex)');
    child.stdin.write('memo Brochure layout\n');
    await waitOut('Memo: "Brochure layout"');
    child.stdin.write('pause\nstatus\n');
    await waitOut(/Globex brochure \(Globex\) · .*PAUSED · queued 0/);
    child.stdin.write('resume\nswitch 1\n');
    await waitOut(/Switched\. The new contract starts with the next slot, at \d\d:\d\d UTC\. Now: Design \(Acme Robotics\)\./);
    child.stdin.write('quit\n');
    expect(await exit).toBe(0);
    expect(out).toMatch(/Everything is uploaded\.|wait in/);
  }, 180_000);
});
