// Screenshot blobs, addressed by their sha256 within a namespace (one per contract, so
// nothing is shared across companies). The interface is small on purpose: an
// S3-compatible store can stand beside the disk one.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

export interface BlobStore {
  /** Stores the bytes (once) and returns their sha256 in hex; `sha256` when the caller has hashed them already. */
  put(namespace: string, bytes: Buffer, sha256?: string): Promise<string>;
  /** The bytes, or null when there is no such blob. */
  get(namespace: string, sha256: string): Promise<Buffer | null>;
  delete(namespace: string, sha256: string): Promise<void>;
  /**
   * The keys last written before `before`, for the orphan sweep. A `put` of bytes already
   * stored counts as a write, so an upload in flight never looks old.
   */
  listOlderThan(namespace: string, before: Date): Promise<string[]>;
}

export const sha256Hex = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

const SAFE = /^[A-Za-z0-9_-]{1,80}$/;
const HEX = /^[0-9a-f]{64}$/;

export function diskBlobStore(root: string): BlobStore {
  const dir = (ns: string) => {
    if (!SAFE.test(ns)) throw new Error(`bad blob namespace ${ns}`);
    return path.join(root, ns);
  };
  const file = (ns: string, sha: string) => {
    if (!HEX.test(sha)) throw new Error(`bad blob key ${sha}`);
    return path.join(dir(ns), sha.slice(0, 2), sha);
  };
  return {
    async put(ns, bytes, known) {
      const sha = known ?? sha256Hex(bytes);
      const target = file(ns, sha);
      try {
        // Content-addressed: already there. Touched, so the orphan sweep sees it as new while
        // the upload that sent it again has not committed its row yet.
        const now = new Date();
        await fs.utimes(target, now, now);
        return sha;
      } catch {
        /* write it */
      }
      await fs.mkdir(path.dirname(target), { recursive: true });
      // Write then rename, so a reader never sees half a file and a crash leaves no torn blob.
      const tmp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
      await fs.writeFile(tmp, bytes);
      await fs.rename(tmp, target);
      return sha;
    },
    async get(ns, sha) {
      try {
        return await fs.readFile(file(ns, sha));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw err;
      }
    },
    async delete(ns, sha) {
      await fs.rm(file(ns, sha), { force: true });
    },
    async listOlderThan(ns, before) {
      const out: string[] = [];
      let prefixes: string[];
      try {
        prefixes = await fs.readdir(dir(ns));
      } catch {
        return out;
      }
      for (const p of prefixes) {
        for (const f of await fs.readdir(path.join(dir(ns), p))) {
          if (!HEX.test(f)) continue;
          const stat = await fs.stat(path.join(dir(ns), p, f)).catch(() => null);
          if (stat && stat.mtimeMs < before.getTime()) out.push(f);
        }
      }
      return out;
    },
  };
}
