// Uploads the queue, oldest slot first, one at a time. While the server is unreachable or
// busy (5xx, 408, 429) it waits with growing, jittered pauses; a refused slot (other 4xx)
// is moved aside and the next one goes; a refused token (401) stops it until the
// contractor reconnects. The server's PUT is idempotent, so a retry never doubles a slot.
// With a device key, the key is registered before the first upload and each slot is signed
// as it is sent: the signature covers the slot's fields, not the time, so slots queued before
// the key existed are signed too.
import { ApiError, NetworkError, type Api } from './api.ts';
import { backoffDelay, DEFAULT_BACKOFF, retryAfterMs, verdictFor, type BackoffPolicy } from './backoff.ts';
import type { Clock, Timer } from './clock.ts';
import { registerDeviceKey, slotFields, type DeviceKey } from './device-key.ts';
import type { Queue, QueueEntry } from './queue.ts';
import type { Rng } from './rng.ts';

export type UploadEvent =
  | { type: 'attempt'; entry: QueueEntry }
  | { type: 'uploaded'; entry: QueueEntry; status: number; detail: string }
  | { type: 'retry'; entry: QueueEntry; reason: string; waitMs: number }
  | { type: 'rejected'; entry: QueueEntry; status: number; reason: string }
  | { type: 'unauthorized'; reason: string };

export interface UploaderState {
  /** uploading: a request is out; waiting: backing off after a failure; stopped: 401 or stop(). */
  phase: 'idle' | 'uploading' | 'waiting' | 'unauthorized' | 'stopped';
  uploaded: number;
  rejected: number;
  failuresInARow: number;
  nextAttemptAt: number | null;
  lastError: { at: number; message: string } | null;
}

export interface Uploader {
  /** Looks at the queue again (a slot was added, or the contractor asked). */
  wake(): void;
  state(): UploaderState;
  /** Resolves when nothing is ready to upload or in flight (held or backing-off slots may remain). */
  settled(): Promise<void>;
  stop(): void;
}

export interface UploaderOptions {
  clock: Clock;
  rng: Rng;
  api: Api;
  queue: Queue;
  backoff?: BackoffPolicy;
  /** Signs each slot; without it slots go unsigned (the server marks them so). */
  device?: DeviceKey;
  onEvent?: (e: UploadEvent) => void;
}

export function createUploader(o: UploaderOptions): Uploader {
  const policy = o.backoff ?? DEFAULT_BACKOFF;
  const st: UploaderState = { phase: 'idle', uploaded: 0, rejected: 0, failuresInARow: 0, nextAttemptAt: null, lastError: null };
  let running: Promise<void> | null = null;
  let again = false;
  let timer: Timer | null = null;
  let timerAt: number | null = null;

  const emit = (e: UploadEvent) => o.onEvent?.(e);
  const halted = () => st.phase === 'unauthorized' || st.phase === 'stopped';

  const schedule = (at: number) => {
    if (timer && timerAt === at) return;
    timer?.cancel();
    timerAt = at;
    timer = o.clock.at(at, () => {
      timer = null;
      timerAt = null;
      wake();
    });
  };

  const failed = (entry: QueueEntry, reason: string, minWaitMs: number | null) => {
    st.failuresInARow++;
    const waitMs = Math.max(minWaitMs ?? 0, backoffDelay(st.failuresInARow, o.rng, policy));
    const now = o.clock.now();
    st.nextAttemptAt = now + waitMs;
    st.lastError = { at: now, message: reason };
    emit({ type: 'retry', entry, reason, waitMs });
  };

  /** Uploads stop until the contractor restarts with a new token; queued slots wait on disk. */
  const halt = (reason: string) => {
    st.phase = 'unauthorized';
    st.lastError = { at: o.clock.now(), message: reason };
    emit({ type: 'unauthorized', reason });
  };

  /** Whether the server has the device key (or there is none); otherwise the wait or halt is set. */
  async function keyReady(entry: QueueEntry): Promise<boolean> {
    if (!o.device) return true;
    const r = await registerDeviceKey(o.api, o.device);
    if (r.kind === 'retry') failed(entry, r.reason, retryAfterMs(r.retryAfter, o.clock.now()));
    if (r.kind === 'refused') halt(r.reason);
    return r.kind === 'registered';
  }

  async function attempt(entry: QueueEntry): Promise<void> {
    emit({ type: 'attempt', entry });
    if (!(await keyReady(entry))) return;
    let image: { bytes: Buffer; mime: string } | null = null;
    if (entry.image) {
      const bytes = await o.queue.readImage(entry).catch(() => null);
      if (bytes) image = { bytes, mime: entry.image.mime };
    }
    const meta = o.device ? { ...entry.meta, signature: o.device.sign(slotFields(entry, image?.bytes ?? null)) } : entry.meta;
    let answer;
    try {
      answer = await o.api.putSlot(entry.contractId, entry.start, meta, image);
    } catch (err) {
      if (err instanceof NetworkError || err instanceof ApiError) return failed(entry, err.message, null);
      throw err;
    }
    const verdict = verdictFor(answer.status);
    if (verdict === 'done') {
      await o.queue.remove(entry.id);
      st.uploaded++;
      st.failuresInARow = 0;
      st.nextAttemptAt = null;
      emit({ type: 'uploaded', entry, status: answer.status, detail: answer.detail });
    } else if (verdict === 'retry') {
      failed(entry, `The server answered ${answer.status}: ${answer.detail}`, retryAfterMs(answer.retryAfter, o.clock.now()));
    } else if (verdict === 'unauthorized') {
      halt(`The server refused the token (401: ${answer.detail}). Create a new one on the dashboard's Trackers page and restart the tracker with it; queued slots wait on disk.`);
    } else {
      const reason = `${answer.status}: ${answer.detail}`;
      await o.queue.reject(entry.id, reason, o.clock.now());
      st.rejected++;
      st.lastError = { at: o.clock.now(), message: `The slot ${entry.start} was refused (${reason}); it was moved to ${o.queue.rejectedDir}` };
      emit({ type: 'rejected', entry, status: answer.status, reason });
    }
  }

  async function run(): Promise<void> {
    do {
      again = false;
      while (!halted()) {
        const now = o.clock.now();
        if (st.nextAttemptAt !== null && st.nextAttemptAt > now) {
          st.phase = 'waiting';
          schedule(st.nextAttemptAt);
          break;
        }
        const entries = o.queue.list();
        const ready = entries.find((e) => e.holdUntil <= now);
        if (!ready) {
          st.phase = 'idle';
          const held = entries.reduce<number | null>((m, e) => (m === null || e.holdUntil < m ? e.holdUntil : m), null);
          if (held !== null) schedule(held);
          break;
        }
        st.phase = 'uploading';
        await attempt(ready);
      }
    } while (again && !halted());
  }

  function wake() {
    if (halted()) return;
    if (running) {
      again = true;
      return;
    }
    running = run()
      .catch((err: unknown) => {
        st.lastError = { at: o.clock.now(), message: `Upload failed: ${(err as Error).message}` };
      })
      .finally(() => {
        running = null;
      });
  }

  return {
    wake,
    state: () => ({ ...st, lastError: st.lastError && { ...st.lastError } }),
    async settled() {
      while (running) await running;
    },
    stop() {
      st.phase = 'stopped';
      timer?.cancel();
      timer = null;
    },
  };
}
