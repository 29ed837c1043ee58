// Retry policy for uploads: what an answer means, and how long to wait before the next try.
import type { Rng } from './rng.ts';

export type UploadVerdict = 'done' | 'retry' | 'reject' | 'unauthorized';

/**
 * 2xx: stored (201) or already stored identically (200). 401: the token is gone, stop.
 * 408, 429 and 5xx are passing; any other 4xx is final for that upload.
 */
export function verdictFor(status: number): UploadVerdict {
  if (status >= 200 && status < 300) return 'done';
  if (status === 401) return 'unauthorized';
  if (status === 408 || status === 429 || status >= 500) return 'retry';
  if (status >= 400) return 'reject';
  return 'retry';
}

export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 2_000, maxMs: 5 * 60_000 };

/**
 * The wait after the `failures`-th failure in a row: doubling from the base up to the cap,
 * with "equal jitter" (between half and all of it), so trackers that lost the same server
 * do not come back in step, while the wait still grows.
 */
export function backoffDelay(failures: number, rng: Rng, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, Math.min(30, failures - 1)));
  return Math.round(ceiling / 2 + rng() * (ceiling / 2));
}

/** Retry-After in seconds or as an HTTP date, in ms from `now`; null when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number): number | null {
  if (!header) return null;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}
