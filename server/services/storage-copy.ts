// Moving an installation's screenshots from the data folder's disk to an S3 bucket
// (`npm run admin -- storage copy --to s3`). Every file is read and hashed before it goes: one
// whose bytes do not match its name is reported and left behind. Every upload is read back
// and hashed. A blob already in the bucket with the right size (and, where the server gives
// it, the right MD5) is passed over, so a run that was cut short is finished by running it
// again; `verify` reads those back in full too.
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import { diskBlobFiles, sha256Hex, type DiskBlobFile } from '../storage/blob-store.ts';
import type { S3BlobStore } from '../storage/s3-blob-store.ts';

export interface CopyProgress {
  /** Blobs dealt with so far, and how many the folder held when the copy began. */
  done: number;
  total: number;
  /** Bytes of those blobs, and of all. */
  doneBytes: number;
  totalBytes: number;
  /** Bytes sent to the bucket so far (not those already there). */
  sentBytes: number;
  copied: number;
  alreadyThere: number;
  failed: number;
  elapsedMs: number;
}

export interface CopyFailure {
  /** `<namespace>/<sha256>`, or the stray file's path under the folder. */
  key: string;
  reason: string;
}

export interface CopyOptions {
  /** Read back every blob already in the bucket and compare its sha256, not only its size. */
  verify?: boolean;
  /** Blobs in flight at once. */
  concurrency?: number;
  onProgress?: (p: CopyProgress) => void;
  onFailure?: (f: CopyFailure) => void;
}

export interface CopyReport extends CopyProgress {
  failures: CopyFailure[];
}

type Outcome = 'copied' | 'alreadyThere';

class CopyError extends Error {}

/** How many blobs the folder holds, and their bytes: the "of N" of the progress. */
async function census(root: string): Promise<{ total: number; totalBytes: number }> {
  let total = 0;
  let totalBytes = 0;
  for await (const f of diskBlobFiles(root)) {
    if ('stray' in f) continue;
    total++;
    totalBytes += f.size;
  }
  return { total, totalBytes };
}

const md5Hex = (bytes: Buffer) => createHash('md5').update(bytes).digest('hex');

/** Copies one blob, or finds it there already; throws CopyError for what the operator must look at. */
async function copyOne(store: S3BlobStore, f: DiskBlobFile, verify: boolean): Promise<Outcome> {
  const bytes = await fs.readFile(f.file).catch((err: NodeJS.ErrnoException) => {
    throw new CopyError(`it cannot be read (${err.code ?? err.message}), so it was not copied`);
  });
  const actual = sha256Hex(bytes);
  if (actual !== f.sha256) throw new CopyError(`its bytes do not match its name (their sha256 is ${actual}): the file is damaged, so it was not copied`);
  const there = await store.head(f.namespace, f.sha256);
  if (there && there.size === bytes.length && (there.md5 === null || there.md5 === md5Hex(bytes))) {
    if (!verify) return 'alreadyThere';
    const copy = await store.get(f.namespace, f.sha256);
    if (copy && sha256Hex(copy) === f.sha256) return 'alreadyThere';
  }
  await store.put(f.namespace, bytes, f.sha256);
  const copy = await store.get(f.namespace, f.sha256);
  if (!copy || sha256Hex(copy) !== f.sha256) throw new CopyError('the copy read back from the bucket does not match the file; run the copy again');
  return 'copied';
}

/** Copies every blob under `root` (the data folder's `blobs/`) to the bucket of `store`. */
export async function copyBlobsToBucket(root: string, store: S3BlobStore, opts: CopyOptions = {}): Promise<CopyReport> {
  const started = performance.now();
  const { total, totalBytes } = await census(root);
  const report: CopyReport = { done: 0, total, doneBytes: 0, totalBytes, sentBytes: 0, copied: 0, alreadyThere: 0, failed: 0, elapsedMs: 0, failures: [] };
  const fail = (failure: CopyFailure) => {
    report.failed++;
    report.failures.push(failure);
    opts.onFailure?.(failure);
  };
  const files = diskBlobFiles(root);
  /** What stops the whole copy (the bucket does not answer): the workers take no more files. */
  let fatal: unknown = null;
  const worker = async () => {
    // The generator hands each file to one worker: its next() calls are queued.
    for (let next = await files.next(); !next.done && fatal === null; next = await files.next()) {
      const f = next.value;
      if ('stray' in f) {
        fail({ key: f.stray, reason: 'it is not a blob (a blob is <contract>/<first two of its sha256>/<sha256>), so it was not copied' });
        continue;
      }
      try {
        const outcome = await copyOne(store, f, opts.verify ?? false);
        report[outcome]++;
        if (outcome === 'copied') report.sentBytes += f.size;
      } catch (err) {
        if (!(err instanceof CopyError)) {
          fatal ??= err;
          return;
        }
        fail({ key: `${f.namespace}/${f.sha256}`, reason: err.message });
      }
      report.done++;
      report.doneBytes += f.size;
      report.elapsedMs = performance.now() - started;
      opts.onProgress?.(report);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, opts.concurrency ?? 8) }, worker));
  report.elapsedMs = performance.now() - started;
  if (fatal !== null) throw new CopyStopped(report, fatal);
  return report;
}

/** The copy stopped before the end (the bucket does not answer); what was copied stays, and a new run goes on from there. */
export class CopyStopped extends Error {
  constructor(
    public report: CopyReport,
    cause: unknown,
  ) {
    super(`The copy stopped: ${(cause as Error).message ?? String(cause)}`, { cause });
  }
}

const MB = 1024 * 1024;

/** One line for the operator: `412 of 1,530 blobs, 96.1 of 402.7 MB, 12.3 MB/s; copied 400, already there 10, failed 2`. */
export function progressLine(p: CopyProgress): string {
  const seconds = Math.max(p.elapsedMs / 1000, 0.001);
  const n = (x: number) => x.toLocaleString('en-US');
  return (
    `${n(p.done)} of ${n(Math.max(p.total, p.done))} blobs, ${(p.doneBytes / MB).toFixed(1)} of ${(Math.max(p.totalBytes, p.doneBytes) / MB).toFixed(1)} MB, ` +
    `${(p.sentBytes / MB / seconds).toFixed(1)} MB/s sent; copied ${n(p.copied)}, already there ${n(p.alreadyThere)}, failed ${n(p.failed)}`
  );
}
