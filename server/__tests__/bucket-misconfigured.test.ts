// A misconfigured bucket stops the server at start-up, naming the setting to fix, rather than
// failing at the first upload.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startServer } from '#server/test/cluster.ts';
import { startS3, type TestS3 } from '#server/test/s3.ts';

describe('a misconfigured bucket', () => {
  let s3: TestS3;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wd-bucket-'));
  beforeAll(async () => {
    s3 = await startS3();
  });
  afterAll(async () => {
    await s3?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const env = (over: Record<string, string>) => ({
    DATABASE_URL: '',
    WORKDIARY_DATA_DIR: dir,
    WORKDIARY_S3_BUCKET: s3.options.bucket,
    WORKDIARY_S3_ENDPOINT: s3.options.endpoint!,
    WORKDIARY_S3_ACCESS_KEY_ID: s3.options.accessKeyId!,
    WORKDIARY_S3_SECRET_ACCESS_KEY: s3.options.secretAccessKey!,
    WORKDIARY_S3_FORCE_PATH_STYLE: '1',
    ...over,
  });

  it('a bucket that does not exist: the server does not start, and names WORKDIARY_S3_BUCKET', async () => {
    const start = startServer(env({ WORKDIARY_S3_BUCKET: 'no-such-bucket' }), 60_000);
    await expect(start).rejects.toThrow(/exited before it answered[\s\S]*The screenshot bucket cannot be written: NoSuchBucket[\s\S]*WORKDIARY_S3_BUCKET names a bucket that does not exist/);
  }, 90_000);

  it('nothing at the endpoint: the server does not start, and names WORKDIARY_S3_ENDPOINT', async () => {
    const start = startServer(env({ WORKDIARY_S3_ENDPOINT: `http://127.0.0.1:${await freePort()}` }), 60_000);
    await expect(start).rejects.toThrow(/exited before it answered[\s\S]*Nothing answers at WORKDIARY_S3_ENDPOINT/);
  }, 90_000);
});
