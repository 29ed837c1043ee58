// The trackers of the ingestion bench, in their own process (forked by ingest.ts), so that
// writing the uploads' bodies does not take the server's event loop: each tracker PUTs its
// own slots, walking back from the last slot before the clock, for a fixed time.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { concurrent, type LoopResult } from './load.ts';

export interface UploadSpec {
  base: string;
  uploaders: { contractId: string; token: string }[];
  imageDir: string;
  /** The start of the newest slot to upload (ms); each tracker goes back from there. */
  latest: number;
  durationMs: number;
}

export interface UploadRun {
  result: LoopResult;
  /** Uploads answered 201, the warm-up's included. */
  created: number;
}

const BOUNDARY = 'workdiary-bench-boundary';

/**
 * The PNG with a text chunk naming the upload before its end chunk: the same pixels, and bytes
 * (a sha) of its own, as every capture of a live screen has. Returned in pieces, to be written
 * without copying the image.
 */
function ownBytes(image: Buffer, name: string): Buffer[] {
  const end = image.length - 12; // IEND: length, type, CRC
  const data = Buffer.from(`Comment\0${name}`, 'latin1');
  const chunk = Buffer.alloc(12 + data.length);
  chunk.writeUInt32BE(data.length, 0);
  chunk.write('tEXt', 4, 'latin1');
  data.copy(chunk, 8);
  chunk.writeUInt32BE(zlib.crc32(chunk.subarray(4, 8 + data.length)), 8 + data.length);
  return [image.subarray(0, end), chunk, image.subarray(end)];
}

/** One PUT of a slot as the tracker sends it: the meta, then the PNG's pieces. */
function putSlot(agent: http.Agent, base: string, token: string, contractId: string, start: Date, pieces: Buffer[]) {
  const meta = JSON.stringify({
    capturedAt: new Date(start.getTime() + 271_000).toISOString(),
    keyboard: [12, 40, 0, 3, 0, 0, 9, 31, 22, 5],
    mouse: [3, 8, 0, 1, 0, 0, 4, 10, 7, 2],
    memo: 'Bench upload',
    windowTitle: 'slot.ts — editor',
  });
  const head = Buffer.from(
    `--${BOUNDARY}\r\ncontent-disposition: form-data; name="meta"\r\n\r\n${meta}\r\n` +
      `--${BOUNDARY}\r\ncontent-disposition: form-data; name="screenshot"; filename="shot.png"\r\ncontent-type: image/png\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${BOUNDARY}--\r\n`);
  const url = new URL(`${base}/api/contracts/${contractId}/slots/${start.toISOString()}`);
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: 'PUT',
        agent,
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
          'content-length': head.length + pieces.reduce((a, b) => a + b.length, 0) + tail.length,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
        res.on('error', reject);
      },
    );
    req.setTimeout(30_000, () => req.destroy(new Error('timeout after 30 s')));
    req.on('error', reject);
    req.write(head);
    for (const piece of pieces) req.write(piece);
    req.end(tail);
  });
}

async function run(spec: UploadSpec): Promise<UploadRun> {
  const images = fs
    .readdirSync(spec.imageDir)
    .sort()
    .map((f) => fs.readFileSync(path.join(spec.imageDir, f)));
  const agent = new http.Agent({ keepAlive: true, maxSockets: spec.uploaders.length });
  const next = spec.uploaders.map(() => 0);
  let created = 0;
  const upload = async (u: number) => {
    const { token, contractId } = spec.uploaders[u]!;
    const n = next[u]!++;
    const start = new Date(spec.latest - n * 600_000);
    // Every upload is an image of its own, as a screen's captures are (a repeated one would be
    // a duplicate, whose upload also flags the contract's earlier slots showing it).
    const r = await putSlot(agent, spec.base, token, contractId, start, ownBytes(images[(u + n) % images.length]!, `${contractId} ${start.toISOString()}`));
    if (r.status === 201) created++;
    return r.status === 201 ? { ok: true, bytes: 0 } : { ok: false, bytes: 0, error: `HTTP ${r.status}: ${r.body.slice(0, 200)}` };
  };
  try {
    await Promise.all(spec.uploaders.map((_, u) => upload(u))); // warm-up: one each
    // The trackers take turns, so each has about one upload in flight.
    let turn = 0;
    const result = await concurrent(() => upload(turn++ % spec.uploaders.length), spec.uploaders.length, spec.durationMs);
    return { result, created };
  } finally {
    agent.destroy();
  }
}

process.once('message', (spec: UploadSpec) => {
  run(spec)
    .then((r) => process.send!(r))
    .catch((err: Error) => process.send!({ error: err.message }))
    .finally(() => process.disconnect());
});
