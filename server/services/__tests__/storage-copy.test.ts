// `npm run admin -- storage copy --to s3`, run as an operator runs it, against a real s3rver:
// the data folder's screenshots of several contracts reach the bucket byte for byte; a run
// killed midway is finished by the next; a damaged file is reported and never copied; a
// wrong copy already in the bucket is replaced; bad input exits 2.
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ListObjectsCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diskBlobStore } from '#server/storage/blob-store.ts';
import { s3BlobStore, type S3BlobStore } from '#server/storage/s3-blob-store.ts';
import { storeScreenshot } from '#server/storage/screenshots.ts';
import { desktopScreenshot } from '#server/test/fixtures.ts';
import { startS3, type TestS3 } from '#server/test/s3.ts';
import { runAdmin as admin, type AdminRun as Run } from '#server/test/admin-cli.ts';

/** The final summary's counts. */
function summary(run: Run) {
  const m = /copied (\d+), already there (\d+), failed (\d+), in /.exec(run.stdout);
  if (!m) throw new Error(`no summary in:\n${run.stdout}\n${run.stderr}`);
  return { copied: Number(m[1]), alreadyThere: Number(m[2]), failed: Number(m[3]) };
}

describe('npm run admin -- storage copy --to s3', () => {
  let s3: TestS3;
  let bucket: S3BlobStore;
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  /** Every good blob in the folder: `<namespace>/<sha256>` → its bytes. */
  const good = new Map<string, Buffer>();
  let damagedKey: string;
  let damagedFile: string;

  const bucketKeys = async () => {
    const page = await bucket.client.send(new ListObjectsCommand({ Bucket: s3.options.bucket }));
    return (page.Contents ?? []).map((o) => o.Key!).filter((k) => !k.startsWith('.probe/'));
  };
  const asKey = (k: string) => {
    const [ns, , sha] = k.split('/');
    return `${ns}/${sha}`;
  };

  beforeAll(async () => {
    s3 = await startS3();
    bucket = s3BlobStore(s3.options);
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wd-copy-'));
    const blobsDir = path.join(dataDir, 'blobs');
    const disk = diskBlobStore(blobsDir);
    // Three contracts' screenshots, thumbnails and contact-sheet JPEGs, as uploads leave them.
    const images = await Promise.all(Array.from({ length: 20 }, (_, i) => desktopScreenshot(100 + i, 1280, 720)));
    const contracts = [randomUUID(), randomUUID(), randomUUID()];
    for (const [c, ns] of contracts.entries()) {
      for (const image of images.slice(c * 3, c * 3 + 15)) {
        const stored = await storeScreenshot(disk, ns, image);
        good.set(`${ns}/${stored.sha256}`, image);
        good.set(`${ns}/${stored.thumbSha256}`, (await disk.get(ns, stored.thumbSha256))!);
        good.set(`${ns}/${stored.sheetSha256}`, (await disk.get(ns, stored.sheetSha256!))!);
      }
    }
    // One file whose bytes no longer match its name (a bad sector, a careless edit).
    const [victim] = [...good.keys()].filter((k) => k.startsWith(contracts[2]!));
    damagedKey = victim!;
    const [ns, sha] = damagedKey.split('/');
    damagedFile = path.join(blobsDir, ns!, sha!.slice(0, 2), sha!);
    const bytes = Buffer.from(good.get(damagedKey)!);
    bytes[bytes.length >> 1] ^= 0xff;
    fs.writeFileSync(damagedFile, bytes);
    good.delete(damagedKey);
    // The leftover of a write a crash cut short.
    fs.writeFileSync(`${damagedFile.slice(0, -64)}${'0'.repeat(64)}.1a2b3c.tmp`, 'half a file');

    const { DATABASE_URL: _unused, ...rest } = process.env;
    env = {
      ...rest,
      WORKDIARY_DATA_DIR: dataDir,
      WORKDIARY_S3_BUCKET: s3.options.bucket,
      WORKDIARY_S3_ENDPOINT: s3.options.endpoint,
      WORKDIARY_S3_REGION: s3.options.region,
      WORKDIARY_S3_ACCESS_KEY_ID: s3.options.accessKeyId,
      WORKDIARY_S3_SECRET_ACCESS_KEY: s3.options.secretAccessKey,
      WORKDIARY_S3_FORCE_PATH_STYLE: '1',
    };
  });
  afterAll(async () => {
    await s3?.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('copies every blob verified, finishes a run killed midway, and reports the damaged file', async () => {
    const total = good.size + 1;
    // A first run, one blob at a time, killed (no chance to clean up) once the sixth is in the
    // bucket. One at a time, blobs go in the folder's order: namespace, then sha256.
    const order = [...good.keys()].sort((a, b) => a.localeCompare(b));
    const [sentinelNs, sentinelSha] = order[5]!.split('/');
    const killOnceStored = (child: ChildProcess) => {
      let polling = false;
      const poll = setInterval(() => {
        if (polling) return;
        polling = true;
        void bucket.head(sentinelNs!, sentinelSha!).then((there) => {
          polling = false;
          if (!there) return;
          clearInterval(poll);
          child.kill('SIGKILL');
        });
      }, 5);
      child.on('close', () => clearInterval(poll));
    };
    const first = await admin(['storage', 'copy', '--to', 's3', '--concurrency', '1'], env, { started: killOnceStored });
    expect(first.code).toBeNull(); // killed
    const afterKill = (await bucketKeys()).length;
    expect(afterKill).toBeGreaterThanOrEqual(6);
    expect(afterKill).toBeLessThan(good.size / 2);

    // A copy in the bucket with the right size and the wrong bytes is found and replaced.
    const [tampered] = await bucketKeys();
    const tamperedBytes = good.get(asKey(tampered!))!;
    await bucket.client.send(new PutObjectCommand({ Bucket: s3.options.bucket, Key: tampered, Body: Buffer.alloc(tamperedBytes.length, 7) }));

    const second = await admin(['storage', 'copy', '--to', 's3'], env);
    expect(second.code, second.stderr).toBe(1);
    const counts = summary(second);
    expect(counts.failed).toBe(1);
    expect(counts.alreadyThere).toBe(afterKill - 1);
    expect(counts.copied).toBe(total - 1 - (afterKill - 1));
    expect(second.stdout).toMatch(new RegExp(`${total} of ${total} blobs, [\\d.]+ of [\\d.]+ MB, [\\d.]+ MB/s sent`));
    expect(second.stderr).toContain(`not copied: ${damagedKey}: its bytes do not match its name`);
    expect(second.stderr).toMatch(/1 of them were not copied.*run the same command again/);

    // Byte for byte, every good blob and nothing else: not the damaged file, not the leftover.
    const keys = await bucketKeys();
    expect(keys.map(asKey).sort()).toEqual([...good.keys()].sort());
    for (const [key, bytes] of good) {
      const [ns, sha] = key.split('/');
      expect((await bucket.get(ns!, sha!))?.equals(bytes), key).toBe(true);
    }

    // Everything is there now: a run that reads every copy back finds nothing to send.
    const verified = await admin(['storage', 'copy', '--to', 's3', '--verify'], env);
    expect(verified.code).toBe(1);
    expect(summary(verified)).toEqual({ copied: 0, alreadyThere: total - 1, failed: 1 });

    // The operator removes the damaged file: the run passes and says what to do next.
    fs.rmSync(damagedFile);
    const last = await admin(['storage', 'copy', '--to', 's3'], env);
    expect(last.code, last.stderr).toBe(0);
    expect(summary(last)).toEqual({ copied: 0, alreadyThere: total - 1, failed: 0 });
    expect(last.stdout).toMatch(/All \d+ screenshots are in the bucket workdiary-test/);
    expect(last.stdout).toMatch(/Stop the server and run this command once more/);
    expect(last.stdout).toContain('Set WORKDIARY_S3_BUCKET=workdiary-test');
    expect(last.stdout).toMatch(/files in .* are kept: delete them once the server runs on the bucket/);
  });

  it('exits 2 with a clear message for a target other than s3, or without a bucket', async () => {
    const toDisk = await admin(['storage', 'copy', '--to', 'disk'], env);
    expect(toDisk.code).toBe(2);
    expect(toDisk.stderr).toMatch(/--to must be s3, not "disk"/);

    const { WORKDIARY_S3_BUCKET: _bucket, ...noBucket } = env;
    const unset = await admin(['storage', 'copy', '--to', 's3'], noBucket);
    expect(unset.code).toBe(2);
    expect(unset.stderr).toMatch(/WORKDIARY_S3_BUCKET is not set/);
  });
});
