// The verifier as a person runs it: the bin on a pack file, its output and its exit code.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { buildPack, FIRST_SLOT, rewriteReceipt, zipPack, type PackParts } from './support/build-pack.ts';
import { flipByte, writeZip } from './support/zip-files.ts';

const bin = fileURLToPath(new URL('../../bin/workdiary-verify.mjs', import.meta.url));
const dir = mkdtempSync(path.join(os.tmpdir(), 'workdiary-verify-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;
async function run(pack: Buffer | string): Promise<{ code: number; output: string }> {
  const file = path.join(dir, `pack-${files++}.zip`);
  writeFileSync(file, pack);
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, file], (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code) : 0, output: `${stdout}${stderr}` });
    });
  });
}

const screenshotOf = (pack: PackParts, start: string): string => {
  const body = pack.manifest.receipts.map((r) => JSON.parse(r.body) as { type: string; start: string; screenshotSha256: string }).find((b) => b.type === 'slot' && b.start === start);
  return `screenshots/${body?.screenshotSha256}.png`;
};

describe('workdiary-verify', () => {
  it('accepts a sealed week: its slots, the seal instant and its fingerprint', async () => {
    const { code, output } = await run(await zipPack(buildPack()));
    expect(output).toMatch(/^valid: 6 slots, sealed 2026-12-02T09:00:00\.000Z\n/);
    expect(output).toContain('3 slots unsigned');
    expect(output).toMatch(/seal fingerprint [0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4}/);
    expect(code).toBe(0);
  });

  it('accepts a week not sealed yet, and says so', async () => {
    const { code, output } = await run(await zipPack(buildPack({ sealed: false })));
    expect(output).toMatch(/^valid: 6 slots, not sealed\n/);
    expect(code).toBe(0);
  });

  it('names the slot whose screenshot had one byte flipped', async () => {
    const pack = buildPack();
    const { code, output } = await run(await flipByte(await zipPack(pack), screenshotOf(pack, FIRST_SLOT)));
    expect(output).toContain(`slot ${FIRST_SLOT}: screenshot does not match its hash`);
    expect(code).toBe(1);
  });

  it('names the receipt whose body was edited', async () => {
    const pack = buildPack();
    const receipt = pack.manifest.receipts[2];
    receipt.body = receipt.body.replace('work at', 'play at');
    const { code, output } = await run(await zipPack(pack));
    expect(output).toContain(`receipt #${receipt.seq}: its hash does not follow from its receipt`);
    expect(code).toBe(1);
  });

  it('names a receipt linked to another than the one before it', async () => {
    const pack = buildPack();
    const receipt = pack.manifest.receipts[3];
    receipt.prev = createHash('sha256').update('elsewhere').digest('hex');
    receipt.hash = createHash('sha256').update(Buffer.from(receipt.prev, 'hex')).update(receipt.body).digest('hex');
    const { code, output } = await run(await zipPack(pack));
    expect(output).toContain(`receipt #${receipt.seq}: it does not follow on from receipt #${receipt.seq - 1}`);
    expect(code).toBe(1);
  });

  it('names a signed slot rewritten with its chain computed again', async () => {
    const pack = buildPack();
    rewriteReceipt(pack, 0, (body) => {
      expect(body.start).toBe(FIRST_SLOT);
      body.keyboard = [50, 50, 50, 50, 50, 50, 50, 50, 50, 50];
    });
    const { code, output } = await run(await zipPack(pack));
    expect(output).toContain(`slot ${FIRST_SLOT}: the device signature does not verify`);
    expect(code).toBe(1);
  });

  it('rejects a seal whose signature is not over its statement', async () => {
    const pack = buildPack();
    const other = buildPack();
    pack.manifest.seal = { ...pack.manifest.seal!, signature: other.manifest.seal!.signature };
    const { code, output } = await run(await zipPack(pack));
    expect(output).toContain('seal: the signature does not verify');
    expect(code).toBe(1);
  });

  it('rejects a sealed pack with a receipt left out', async () => {
    const pack = buildPack();
    const memo = pack.manifest.receipts.findIndex((r) => r.body.includes('"type":"memo"'));
    pack.manifest.receipts.splice(memo, 1);
    const { code, output } = await run(await zipPack(pack));
    expect(output).toContain("seal: its statement names another root than the pack's receipts and audit events");
    expect(code).toBe(1);
  });

  it('says "not an evidence pack" for a truncated zip, a text file, or a zip without a manifest', async () => {
    const zip = await zipPack(buildPack());
    for (const file of [zip.subarray(0, Math.floor(zip.length / 2)), 'hello, these are my hours\n']) {
      const { code, output } = await run(file);
      expect(output).toContain('not an evidence pack');
      expect(output).not.toMatch(/\n\s+at /); // no stack trace
      expect(code).toBe(2);
    }
    const { code, output } = await run(await writeZip(buildPack().files));
    expect(output).toContain('not an evidence pack: it has no manifest.json');
    expect(code).toBe(2);
  });
});
