// What only the disk blob store does: its files' layout, no temporary file left behind, and the
// sweep of a cut-short write's leftovers. What both engines do is in blob-store-suite.test.ts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { diskBlobStore, sha256Hex } from '../blob-store.ts';

const NS = 'contract_1';
let root: string;

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'wd-blob-store-'));
});
afterEach(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

/** Every file under the folder, relative to it. */
const filesUnder = (dir: string): string[] =>
  fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => fs.statSync(path.join(dir, f)).isFile()) : [];

describe('disk blob store', () => {
  it('stores a blob whole under its sha256 and leaves no temporary file', async () => {
    const store = diskBlobStore(path.join(root, 'blobs'));
    const bytes = Buffer.from('a screenshot');
    const sha = await store.put(NS, bytes);
    expect(sha).toBe(sha256Hex(bytes));
    expect(await store.get(NS, sha)).toEqual(bytes);
    expect(filesUnder(path.join(root, 'blobs'))).toEqual([path.join(NS, sha.slice(0, 2), sha)]);
  });

  it('check passes on a writable store and leaves nothing behind', async () => {
    const store = diskBlobStore(path.join(root, 'blobs'));
    await expect(store.check()).resolves.toBeUndefined();
    expect(filesUnder(path.join(root, 'blobs'))).toEqual([]);
  });

  it('deletes the temporary files a crash left once they are an hour old, and nothing else', async () => {
    const store = diskBlobStore(path.join(root, 'blobs'));
    const sha = await store.put(NS, Buffer.from('kept'));
    const prefix = path.join(root, 'blobs', NS, sha.slice(0, 2));
    const old = path.join(prefix, `${sha}.0123456789ab.tmp`);
    const fresh = path.join(prefix, `${sha}.ba9876543210.tmp`);
    fs.writeFileSync(old, 'half');
    fs.writeFileSync(fresh, 'half');
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
    fs.utimesSync(old, twoHoursAgo, twoHoursAgo);
    fs.utimesSync(path.join(prefix, sha), twoHoursAgo, twoHoursAgo);

    expect(await store.deleteUnfinished(NS, new Date(Date.now() - 3600_000))).toBe(1);
    expect(fs.existsSync(old)).toBe(false);
    expect(fs.existsSync(fresh)).toBe(true);
    expect(await store.get(NS, sha)).toEqual(Buffer.from('kept'));
  });
});
