// A real S3 server for tests: s3rver on a free port, with one bucket, in a folder of its own.
// It can be halted (connections refused, as when the server is down) and resumed on the same
// port with the same objects.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import type { S3Options } from '../storage/s3-blob-store.ts';

export interface TestS3 {
  options: S3Options;
  /** The server stops listening: every request is refused until `resume`. */
  halt(): Promise<void>;
  resume(): Promise<void>;
  stop(): Promise<void>;
}

export async function startS3(bucket = 'workdiary-test'): Promise<TestS3> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'wd-s3rver-'));
  const serve = (port: number) => new S3rver({ address: '127.0.0.1', port, silent: true, directory, configureBuckets: [{ name: bucket }] });
  let server: S3rver | null = serve(0);
  const { port } = await server.run();
  const halt = async () => {
    await server?.close();
    server = null;
  };
  return {
    options: {
      bucket,
      endpoint: `http://127.0.0.1:${port}`,
      region: 'us-east-1',
      // s3rver's fixed development credentials
      accessKeyId: 'S3RVER',
      secretAccessKey: 'S3RVER',
      forcePathStyle: true,
    },
    halt,
    async resume() {
      if (server) return;
      server = serve(port);
      await server.run();
    },
    async stop() {
      await halt();
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}
