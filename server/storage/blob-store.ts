// Screenshot blobs, addressed by their sha256 within a namespace (one per contract, so
// nothing is shared across companies). The interface is small on purpose: an
// S3-compatible store can stand beside the disk one.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

export interface BlobStore {
  /** Where the blobs live, for messages to whoever runs the installation. */
  readonly kind: 'disk' | 's3';
  /**
   * Stores the bytes (once) and returns their sha256 in hex; `sha256` when the caller has hashed
   * them already. When it returns, the blob survives a power cut. Throws BlobStoreUnavailableError
   * when the store cannot be written.
   */
  put(namespace: string, bytes: Buffer, sha256?: string): Promise<string>;
  /** The bytes, or null when there is no such blob. Throws BlobStoreUnavailableError when the store cannot be read. */
  get(namespace: string, sha256: string): Promise<Buffer | null>;
  delete(namespace: string, sha256: string): Promise<void>;
  /**
   * The keys last written before `before`, for the orphan sweep. A `put` of bytes already
   * stored counts as a write, so an upload in flight never looks old.
   */
  listOlderThan(namespace: string, before: Date): Promise<string[]>;
  /** Removes the leftovers of writes a crash cut short that began before `before`; returns how many. */
  deleteUnfinished(namespace: string, before: Date): Promise<number>;
  /** Resolves when a blob can be written and made durable now; throws BlobStoreUnavailableError when not. */
  check(): Promise<void>;
  /**
   * Set when a browser may fetch a blob from the store itself (S3): a GET URL for it, answered
   * as `contentType`, the same for every call until `sameUntil` so the browser's cache works.
   */
  signedUrl?(namespace: string, sha256: string, now: Date, contentType?: string): Promise<SignedUrl>;
  /** With signedUrl: the origin its URLs point at, which the pages' Content-Security-Policy allows images from. */
  readonly signedUrlOrigin?: string;
}

export interface SignedUrl {
  url: string;
  sameUntil: Date;
}

/**
 * The store could not be written or read (read-only, full, gone, not answering): not the
 * request's fault, and it passes, so the upload may be sent again later and the image asked for
 * again. `reason` names the failure in a word when the cause's code does not (a timeout).
 */
export class BlobStoreUnavailableError extends Error {
  constructor(cause: unknown, action: 'written' | 'read' = 'written', reason?: string) {
    const code = reason ?? (cause as NodeJS.ErrnoException).code;
    super(`The screenshot store cannot be ${action}${code ? ` (${code})` : ''}.`, { cause });
  }
}

export const sha256Hex = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

const SAFE = /^[A-Za-z0-9_-]{1,80}$/;
const HEX = /^[0-9a-f]{64}$/;
const UNFINISHED = /\.tmp$/;

/** A renamed or created entry is durable only once its folder is flushed too. */
async function syncDir(dir: string) {
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Writes `bytes` to a new file and flushes it to the disk; on failure nothing of it is left. */
async function writeDurably(file: string, bytes: Buffer) {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(file, 'wx');
    await handle.writeFile(bytes);
    await handle.sync();
  } catch (err) {
    await handle?.close().catch(() => {});
    handle = undefined;
    await fs.rm(file, { force: true }).catch(() => {});
    throw err;
  } finally {
    await handle?.close();
  }
}

export function diskBlobStore(root: string): BlobStore {
  const dir = (ns: string) => {
    if (!SAFE.test(ns)) throw new Error(`bad blob namespace ${ns}`);
    return path.join(root, ns);
  };
  const file = (ns: string, sha: string) => {
    if (!HEX.test(sha)) throw new Error(`bad blob key ${sha}`);
    return path.join(dir(ns), sha.slice(0, 2), sha);
  };
  /** Creates the folder and flushes each parent that gained an entry, down from the first one made. */
  const makeDir = async (folder: string) => {
    const first = await fs.mkdir(folder, { recursive: true });
    if (!first) return;
    for (let d = folder; ; d = path.dirname(d)) {
      await syncDir(path.dirname(d));
      if (d === first) break;
    }
  };
  return {
    kind: 'disk',
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
      // Write, flush, rename, flush the folder: a reader never sees half a file, and the row
      // that names the blob commits only after the blob would survive a power cut.
      const tmp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
      try {
        await makeDir(path.dirname(target));
        await writeDurably(tmp, bytes);
        await fs.rename(tmp, target);
        await syncDir(path.dirname(target));
      } catch (err) {
        await fs.rm(tmp, { force: true }).catch(() => {});
        throw new BlobStoreUnavailableError(err);
      }
      return sha;
    },
    async get(ns, sha) {
      const at = file(ns, sha);
      try {
        return await fs.readFile(at);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw new BlobStoreUnavailableError(err, 'read');
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
    async deleteUnfinished(ns, before) {
      let prefixes: string[];
      try {
        prefixes = await fs.readdir(dir(ns));
      } catch {
        return 0;
      }
      let deleted = 0;
      for (const p of prefixes) {
        for (const f of await fs.readdir(path.join(dir(ns), p)).catch(() => [])) {
          if (!UNFINISHED.test(f)) continue;
          const at = path.join(dir(ns), p, f);
          const stat = await fs.stat(at).catch(() => null);
          if (!stat || stat.mtimeMs >= before.getTime()) continue;
          await fs.rm(at, { force: true });
          deleted++;
        }
      }
      return deleted;
    },
    async check() {
      const probe = path.join(root, `.probe-${randomBytes(6).toString('hex')}.tmp`);
      try {
        await makeDir(root);
        await writeDurably(probe, Buffer.from('workdiary'));
        await fs.rm(probe);
      } catch (err) {
        throw new BlobStoreUnavailableError(err);
      }
    },
  };
}

/** A file of a disk store's folder, by its place: `<namespace>/<sha[0..2]>/<sha>`. */
export interface DiskBlobFile {
  namespace: string;
  sha256: string;
  file: string;
  size: number;
}

/**
 * Every blob file under a disk store's folder, namespace by namespace, read lazily (a folder
 * may hold millions). Leftovers of cut-short writes (`.tmp`) are passed over; anything else
 * that is not a blob where a blob belongs is given as `stray`, for the caller to report.
 */
export async function* diskBlobFiles(root: string): AsyncGenerator<DiskBlobFile | { stray: string }> {
  const entries = async (dir: string) => (await fs.readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  for (const ns of await entries(root)) {
    if (!ns.isDirectory() || !SAFE.test(ns.name)) {
      if (!UNFINISHED.test(ns.name)) yield { stray: ns.name };
      continue;
    }
    for (const prefix of await entries(path.join(root, ns.name))) {
      const folder = path.join(root, ns.name, prefix.name);
      if (!prefix.isDirectory()) {
        yield { stray: path.join(ns.name, prefix.name) };
        continue;
      }
      for (const f of await entries(folder)) {
        if (UNFINISHED.test(f.name)) continue;
        if (!f.isFile() || !HEX.test(f.name) || f.name.slice(0, 2) !== prefix.name) {
          yield { stray: path.join(ns.name, prefix.name, f.name) };
          continue;
        }
        const file = path.join(folder, f.name);
        const stat = await fs.stat(file);
        yield { namespace: ns.name, sha256: f.name, file, size: stat.size };
      }
    }
  }
}
