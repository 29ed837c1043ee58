// The trackers of the ingestion bench, in their own process (forked by ingest.ts), so that
// writing the uploads' bodies does not take the server's event loop: each tracker PUTs its
// own slots, walking back from the last slot before the clock, for a fixed time.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
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

/** One PUT of a slot as the tracker sends it: the meta, then the PNG, written without copying the image. */
function putSlot(agent: http.Agent, base: string, token: string, contractId: string, start: Date, image: Buffer) {
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
          'content-length': head.length + image.length + tail.length,
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
    req.write(image);
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
    // Each tracker goes through every image before it shows one again, as a screen rarely
    // repeats: a repeated image is a duplicate, whose upload also flags the contract's earlier
    // slots that show it.
    const r = await putSlot(agent, spec.base, token, contractId, start, images[(u + n) % images.length]!);
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
