// `npm run admin -- storage copy --to s3`: the command-line side of copying the data folder's
// screenshots to the bucket (server/services/storage-copy.ts). It needs no database, so it may
// run while the server does. Exit codes: 0 all there, 1 some blobs failed (or the bucket did
// not answer), 2 the command or the settings are wrong.
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '#server/config.ts';
import { s3BlobStore } from '#server/storage/s3-blob-store.ts';
import { copyBlobsToBucket, CopyStopped, progressLine, type CopyProgress } from '#server/services/storage-copy.ts';

export const STORAGE_USAGE = `  storage copy   --to s3 [--verify] [--concurrency 8]   copy the data folder's screenshots to the bucket
                 of WORKDIARY_S3_*: verified by sha256, and resumable (run it again to finish)`;

/** A bucket far away may take a while for one large screenshot; the server's own deadline is for people waiting. */
const COPY_TIMEOUT_MS = 60_000;

function usage(message: string): number {
  console.error(`${message}\n\nUsage: npm run admin -- storage copy --to s3 [--verify] [--concurrency N]\n${STORAGE_USAGE}`);
  return 2;
}

export async function storageCopyCommand(values: { to?: string; verify?: boolean; concurrency?: string }): Promise<number> {
  if (values.to !== 's3') return usage(`--to must be s3${values.to ? `, not "${values.to}"` : ''}: screenshots are copied from the data folder to an S3 bucket.`);
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    return usage((err as Error).message);
  }
  if (!config.s3) {
    return usage('WORKDIARY_S3_BUCKET is not set: set it, and WORKDIARY_S3_ENDPOINT, WORKDIARY_S3_REGION and the keys as the server will use them, to name the bucket to copy to.');
  }
  const concurrency = Number(values.concurrency ?? 8);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) return usage(`--concurrency must be a whole number from 1 to 64, not "${values.concurrency}".`);
  const root = path.join(config.dataDir, 'blobs');
  if (!fs.existsSync(root)) return usage(`There is no screenshots folder at ${root}: set WORKDIARY_DATA_DIR to the data folder the server uses.`);

  const bucket = config.s3.bucket;
  const store = s3BlobStore({ ...config.s3, timeoutMs: COPY_TIMEOUT_MS });
  try {
    await store.check();
  } catch (err) {
    const cause = (err as Error).cause as { name?: string; message?: string } | undefined;
    console.error(`The bucket ${bucket} cannot be written: ${cause?.name ?? ''} ${cause?.message ?? (err as Error).message}`);
    console.error('Check WORKDIARY_S3_BUCKET, WORKDIARY_S3_ENDPOINT, WORKDIARY_S3_REGION, WORKDIARY_S3_ACCESS_KEY_ID and WORKDIARY_S3_SECRET_ACCESS_KEY.');
    return 1;
  }

  console.log(`Copying the screenshots in ${root} to the bucket ${bucket}${config.s3.endpoint ? ` at ${config.s3.endpoint}` : ''}${values.verify ? ', reading back every blob already there' : ''}.`);
  let latest: CopyProgress | null = null;
  let shown = performance.now();
  const tty = process.stdout.isTTY;
  process.once('SIGINT', () => {
    console.log(`\nInterrupted${latest ? ` at ${progressLine(latest)}` : ''}. What was copied stays: run the same command again to copy the rest.`);
    process.exit(130);
  });
  const onProgress = (p: CopyProgress) => {
    latest = p;
    const now = performance.now();
    if (now - shown < (tty ? 250 : 10_000)) return;
    shown = now;
    if (tty) process.stdout.write(`\r${progressLine(p)}`);
    else console.log(progressLine(p));
  };
  const onFailure = (f: { key: string; reason: string }) => console.error(`${tty ? '\n' : ''}not copied: ${f.key}: ${f.reason}`);

  let report;
  try {
    report = await copyBlobsToBucket(root, store, { verify: values.verify, concurrency, onProgress, onFailure });
  } catch (err) {
    if (!(err instanceof CopyStopped)) throw err;
    console.error(`${tty ? '\n' : ''}${err.message}\nAt ${progressLine(err.report)}. What was copied stays: run the same command again once the bucket answers.`);
    return 1;
  }
  console.log(`${tty ? '\r' : ''}${progressLine(report)}, in ${(report.elapsedMs / 1000).toFixed(1)} s.`);
  if (report.failed > 0) {
    console.error(`${report.failed} of them were not copied (listed above). Look at them, then run the same command again: what is in the bucket is passed over.`);
    return 1;
  }
  console.log(
    [
      `All ${report.done.toLocaleString('en-US')} screenshots are in the bucket ${bucket}. Next:`,
      '  1. Stop the server and run this command once more: it copies only what arrived meanwhile.',
      `  2. Set WORKDIARY_S3_BUCKET=${bucket}, with the other WORKDIARY_S3_* settings used here, where the server is started, and start it.`,
      `  3. The files in ${root} are kept: delete them once the server runs on the bucket.`,
    ].join('\n'),
  );
  return 0;
}
