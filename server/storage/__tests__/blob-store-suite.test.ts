// The same behaviour from both blob engines: the disk folder and S3-compatible storage (a real
// s3rver). What the screenshots, the orphan sweep and health rely on is checked once, for each.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BlobStoreUnavailableError, diskBlobStore, sha256Hex, type BlobStore } from '../blob-store.ts';
import { s3BlobStore } from '../s3-blob-store.ts';
import { startS3, type TestS3 } from '#server/test/s3.ts';

interface Engine {
  name: string;
  open(): Promise<{ store: BlobStore; broken: () => BlobStore; close(): Promise<void> }>;
}

const engines: Engine[] = [
  {
    name: 'disk',
    async open() {
      const root = fs.mkdtempSync(path.join(os.tmpdir(), 'wd-blob-suite-'));
      const file = path.join(root, 'not-a-folder');
      fs.writeFileSync(file, 'x');
      return {
        store: diskBlobStore(path.join(root, 'blobs')),
        broken: () => diskBlobStore(file),
        close: async () => fs.rmSync(root, { recursive: true, force: true }),
      };
    },
  },
  {
    name: 's3',
    async open() {
      const s3: TestS3 = await startS3();
      return {
        // Listing pages of 2 keys: the sweep's paging is exercised as a full bucket would.
        store: s3BlobStore(s3.options, undefined, 2),
        // A bucket that does not exist: every write is refused by the server.
        broken: () => s3BlobStore({ ...s3.options, bucket: 'no-such-bucket' }),
        close: () => s3.stop(),
      };
    },
  },
];

describe.each(engines)('$name blob store', (engine) => {
  let store: BlobStore;
  let broken: () => BlobStore;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ store, broken, close } = await engine.open());
  });
  afterAll(async () => {
    await close();
  });

  it('stores bytes under their sha256 and reads them back whole', async () => {
    const bytes = Buffer.from(`a screenshot ${engine.name}`);
    const sha = await store.put('contract_a', bytes);
    expect(sha).toBe(sha256Hex(bytes));
    expect(await store.get('contract_a', sha)).toEqual(bytes);
  });

  it('keeps namespaces apart and answers null for a blob that is not there', async () => {
    const sha = await store.put('contract_b', Buffer.from('only in b'));
    expect(await store.get('contract_c', sha)).toBeNull();
    expect(await store.get('contract_b', 'f'.repeat(64))).toBeNull();
  });

  it('deletes a blob, and deleting it again is no error', async () => {
    const sha = await store.put('contract_d', Buffer.from('to delete'));
    await store.delete('contract_d', sha);
    expect(await store.get('contract_d', sha)).toBeNull();
    await expect(store.delete('contract_d', sha)).resolves.toBeUndefined();
  });

  it('lists the blobs written before an instant, and a blob written again counts as new', async () => {
    const first = await store.put('contract_e', Buffer.from('one'));
    const second = await store.put('contract_e', Buffer.from('two'));
    await new Promise((r) => setTimeout(r, 1100)); // object times have second resolution
    const between = new Date();
    await new Promise((r) => setTimeout(r, 1100));
    await store.put('contract_e', Buffer.from('two')); // the same bytes uploaded again
    expect((await store.listOlderThan('contract_e', between)).sort()).toEqual([first]);
    expect((await store.listOlderThan('contract_e', new Date(Date.now() + 60_000))).sort()).toEqual([first, second].sort());
    const many = await Promise.all([3, 4, 5, 6, 7].map((n) => store.put('contract_e', Buffer.from(`more ${n}`))));
    expect((await store.listOlderThan('contract_e', new Date(Date.now() + 60_000))).sort()).toEqual([first, second, ...many].sort());
    expect(await store.listOlderThan('contract_none', new Date())).toEqual([]);
  });

  it('check passes on a writable store', async () => {
    await expect(store.check()).resolves.toBeUndefined();
  });

  it('check and put throw BlobStoreUnavailableError when the store cannot be written', async () => {
    const bad = broken();
    await expect(bad.check()).rejects.toBeInstanceOf(BlobStoreUnavailableError);
    await expect(bad.put('contract_f', Buffer.from('x'))).rejects.toBeInstanceOf(BlobStoreUnavailableError);
  });

  it('refuses keys that are not a sha256 and namespaces with path characters', async () => {
    await expect(store.get('contract_g', '../etc/passwd')).rejects.toThrow(/bad blob key/);
    await expect(store.get('../x', 'a'.repeat(64))).rejects.toThrow(/bad blob namespace/);
  });
});
