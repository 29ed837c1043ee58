// Posts due webhook deliveries, signed per the Standard Webhooks spec (`webhook-id`,
// `webhook-timestamp`, `webhook-signature`). A 2xx answer delivers; anything else (another
// status, a redirect, which is never followed, a timeout, a refused address) is retried with
// backoff until 24 h after the delivery was made, then it is failed. The target's addresses are
// checked again before each attempt, and the connection goes only to those it checked.
import http from 'node:http';
import https from 'node:https';
import { Webhook } from 'standardwebhooks';
import type { Database } from '../db/client.ts';
import { claimDueDeliveries, recordAttempt, type DueDelivery } from '../data/webhooks.ts';
import { pinnedLookup, RefusedTarget, resolveTarget } from '../lib/private-address.ts';

export const WEBHOOK_TIMEOUT_MS = 10_000;
/** Deliveries claimed at once: each batch is posted in parallel. */
const BATCH = 10;
/** A claimed delivery is skipped by other servers this long; a crash mid-post retries it after. */
const LEASE_MS = 60_000;
/** Waits after the 1st, 2nd … failed attempt; the last one repeats. */
export const RETRY_DELAYS_MS = [5_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 5 * 3_600_000, 10 * 3_600_000];
export const RETRY_WINDOW_MS = 24 * 3_600_000;

interface Outcome {
  statusCode: number | null;
  error: string | null;
}

const errorText = (err: unknown): string => {
  if (err instanceof RefusedTarget) return `Not sent: the ${err.message}.`;
  const e = err as NodeJS.ErrnoException;
  if (e.code === 'ECONNREFUSED') return 'The connection was refused (ECONNREFUSED).';
  if (e.code === 'ENOTFOUND') return 'The host does not resolve (ENOTFOUND).';
  return e.code ? `${e.message} (${e.code})` : e.message || 'The request failed.';
};

/** One signed POST; resolves with the status code, or the reason there was none. */
async function post(d: DueDelivery): Promise<Outcome> {
  const url = new URL(d.url);
  let target;
  try {
    target = await resolveTarget(url);
  } catch (err) {
    return { statusCode: null, error: errorText(err) };
  }
  const body = JSON.stringify(d.payload);
  // The receiver compares the timestamp with its own clock, so it is the wall clock's, not
  // the server's (which a demo or a test may have set days away).
  const signedAt = new Date();
  const headers = {
    'content-type': 'application/json',
    'user-agent': 'workdiary-webhooks',
    'webhook-id': d.messageId,
    'webhook-timestamp': String(Math.floor(signedAt.getTime() / 1000)),
    'webhook-signature': new Webhook(d.secret).sign(d.messageId, signedAt, body),
  };
  const client = url.protocol === 'https:' ? https : http;
  return new Promise<Outcome>((resolve) => {
    // No agent: a fresh connection each time, so no pooled socket outlives its address check.
    const req = client.request(url, { method: 'POST', headers, agent: false, lookup: pinnedLookup(target) as never, timeout: WEBHOOK_TIMEOUT_MS }, (res) => {
      // The status is the answer; the body is read and dropped, and never awaited.
      res.resume();
      const code = res.statusCode ?? 0;
      const error =
        code >= 200 && code < 300
          ? null
          : code >= 300 && code < 400
            ? `The receiver answered ${code}, a redirect; redirects are not followed: save the final URL instead.`
            : `The receiver answered ${code}${res.statusMessage ? ` ${res.statusMessage}` : ''}.`;
      resolve({ statusCode: code, error });
    });
    const giveUp = () => req.destroy(Object.assign(new Error(`No answer within ${WEBHOOK_TIMEOUT_MS / 1000} s`), { code: 'ETIMEDOUT' }));
    // The socket's idle timeout, and a deadline for the whole exchange (a trickling receiver).
    const timer = setTimeout(giveUp, WEBHOOK_TIMEOUT_MS);
    req.on('timeout', giveUp);
    req.on('error', (err) => resolve({ statusCode: null, error: errorText(err) }));
    req.on('close', () => clearTimeout(timer));
    req.end(body);
  });
}

/** When a failed delivery is tried next, or null when its 24 h are over. */
export function nextAttempt(createdAt: Date, attemptsSoFar: number, now: Date): Date | null {
  const deadline = createdAt.getTime() + RETRY_WINDOW_MS;
  if (now.getTime() >= deadline) return null;
  const wait = RETRY_DELAYS_MS[Math.min(attemptsSoFar, RETRY_DELAYS_MS.length) - 1] ?? RETRY_DELAYS_MS[0]!;
  return new Date(Math.min(now.getTime() + wait, deadline));
}

async function attempt(database: Database, d: DueDelivery, now: Date): Promise<void> {
  const { statusCode, error } = await post(d);
  if (error === null) {
    await recordAttempt(database, d.id, { status: 'delivered', statusCode, error: null, at: now, nextAttemptAt: now });
    return;
  }
  const next = nextAttempt(d.createdAt, d.attempts + 1, now);
  await recordAttempt(database, d.id, { status: next ? 'pending' : 'failed', statusCode, error, at: now, nextAttemptAt: next ?? now });
}

/**
 * The delivery loop's webhook step: claims the due deliveries of enabled webhooks in small
 * batches and posts each; answers how many attempts it made.
 */
export async function deliverDueWebhooks(database: Database, now: Date): Promise<number> {
  let made = 0;
  for (;;) {
    const due = await claimDueDeliveries(database, now, new Date(now.getTime() + LEASE_MS), BATCH);
    if (due.length === 0) return made;
    await Promise.all(due.map((d) => attempt(database, d, now)));
    made += due.length;
  }
}
