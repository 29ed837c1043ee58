// Which database errors mean "the database is not answering right now" rather than "this
// request or this code is wrong": the first answer 503 with Retry-After (the client, or the
// tracker, tries again), the second stay 4xx or a logged 500.

/** What a person is told while the database is out: it is not their request's fault, and it passes. */
export const DATABASE_UNAVAILABLE = 'The database is not answering; try again in a few seconds.';

/** Node's socket errors on the way to the server: it is down, refusing, or unreachable. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * pg's own words when a connection is lost or never made: the pool's wait for a connection
 * ("timeout exceeded when trying to connect"), a connection's own connect timeout ("timeout
 * expired", "Connection terminated due to connection timeout"), a socket closed under a query
 * ("Connection terminated unexpectedly"), and the client-side query_timeout ("Query read timeout").
 */
const PG_MESSAGES = [/timeout exceeded when trying to connect/i, /^timeout expired$/i, /Connection terminated/i, /Query read timeout/i, /is not queryable/i];

/**
 * SQLSTATEs of a server that is going away or cannot take the connection: class 08
 * (connection exception) and 57P01-57P03 (admin shutdown, crash shutdown, cannot connect now).
 */
const isLostState = (state: string) => state.startsWith('08') || state === '57P01' || state === '57P02' || state === '57P03';

/**
 * SQLSTATEs of a server that answers but cannot do the work now: class 53 (insufficient
 * resources, e.g. 53300 too many connections) and 57014 (cancelled, which statement_timeout does).
 */
const isBusyState = (state: string) => state.startsWith('53') || state === '57014';

/** The error and what it wraps: Drizzle wraps pg's error in `cause`; Node's dual-stack connect gives an AggregateError. */
function* chain(err: unknown, depth = 0): Generator<{ code?: unknown; message?: unknown }> {
  if (!err || typeof err !== 'object' || depth > 5) return;
  yield err as { code?: unknown; message?: unknown };
  yield* chain((err as { cause?: unknown }).cause, depth + 1);
  const inner = (err as { errors?: unknown }).errors;
  if (Array.isArray(inner)) for (const e of inner) yield* chain(e, depth + 1);
}

/** The connection to the database is gone or was never made: its transaction cannot be rolled back on it. */
export function isConnectionLost(err: unknown): boolean {
  for (const e of chain(err)) {
    const code = typeof e.code === 'string' ? e.code : '';
    if (SOCKET_CODES.has(code) || (code.length === 5 && isLostState(code))) return true;
    if (typeof e.message === 'string' && PG_MESSAGES.some((m) => m.test(e.message as string))) return true;
  }
  return false;
}

/** The database is down, unreachable, overloaded or too slow: try again in a few seconds. */
export function isDatabaseUnavailable(err: unknown): boolean {
  if (isConnectionLost(err)) return true;
  for (const e of chain(err)) {
    if (typeof e.code === 'string' && e.code.length === 5 && isBusyState(e.code)) return true;
  }
  return false;
}
