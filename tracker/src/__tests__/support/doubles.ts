// Stand-ins for the machine's side of the tracker in unit tests: an input source the test
// fires, a screen that draws a known picture, and an Api that answers from a script.
import sharp from 'sharp';
import type { InputSource } from '../../activity.ts';
import type { Api, TrackerSession, UploadAnswer } from '../../api.ts';
import type { CaptureScreen } from '../../capture.ts';
import type { SlotMeta } from '../../queue.ts';
import type { InputKind } from '../../slots.ts';

export function scriptedInput(): InputSource & { fire(kind: InputKind, times?: number): void; running: boolean } {
  let on: ((k: InputKind) => void) | null = null;
  return {
    running: false,
    start(cb) {
      on = cb;
      this.running = true;
    },
    stop() {
      on = null;
      this.running = false;
    },
    fire(kind, times = 1) {
      for (let i = 0; i < times; i++) on?.(kind);
    },
  };
}

/**
 * A screen showing a colour that changes with every capture, so no two shots are equal;
 * with `noise`, a busy picture that makes a large file (real screens are not flat colours).
 */
export function paintedScreen(width = 320, height = 180, noise = false): CaptureScreen & { calls: number } {
  const capture = async () => {
    capture.calls++;
    if (noise) {
      const px = Buffer.alloc(width * height * 3);
      for (let i = 0; i < px.length; i++) px[i] = (Math.imul(i ^ capture.calls, 2654435761) >>> 24) & 0xff;
      const bytes = await sharp(px, { raw: { width, height, channels: 3 } }).webp({ quality: 80 }).toBuffer();
      return { bytes, mime: 'image/webp' as const, width, height };
    }
    const hue = (capture.calls * 67) % 360;
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="hsl(${hue},70%,45%)"/><text x="10" y="40" font-size="30" fill="white">shot ${capture.calls}</text></svg>`;
    const bytes = await sharp(Buffer.from(svg)).webp().toBuffer();
    return { bytes, mime: 'image/webp' as const, width, height };
  };
  capture.calls = 0;
  return capture;
}

export interface Put {
  contractId: string;
  start: string;
  meta: SlotMeta;
  image: Buffer | null;
}

/** An Api whose answers come from `answer` (201 by default); every PUT is recorded. */
export function recordingApi(answer: (put: Put, n: number) => UploadAnswer | Error = () => ({ status: 201, detail: 'created', retryAfter: null })) {
  const puts: Put[] = [];
  const api: Api & { puts: Put[] } = {
    server: 'http://tracker.test',
    puts,
    async session(): Promise<TrackerSession> {
      throw new Error('not used');
    },
    async putKey() {
      return { status: 201, detail: 'created', retryAfter: null };
    },
    async putSlot(contractId, start, meta, image) {
      const put = { contractId, start, meta, image: image?.bytes ?? null };
      const a = answer(put, puts.length);
      puts.push(put);
      if (a instanceof Error) throw a;
      return a;
    },
  };
  return api;
}
