// Who is asking. Every API route takes a session cookie unless its schema's `security` says
// otherwise: `[]` for a public route, the tracker scheme for the tracker's routes, which take
// a bearer token instead (`authenticateTracker` is their onRequest hook). `authenticateSession`
// is the API folder's one hook: it answers 401 without a session, so a route finds `req.user`.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { User } from './data/users.ts';
import { findSessionUser, tokenHash } from './data/users.ts';
import { touchSession } from './data/sessions.ts';
import { findTrackerByTokenHash, type TrackerIdentity } from './data/trackers.ts';
import { HttpProblem } from './lib/problem.ts';

export const SESSION_COOKIE = 'wd_session';
const SEEN_EVERY_MS = 5 * 60_000;

declare module 'fastify' {
  interface FastifyRequest {
    /** The session's user, on every route that takes a session (authenticateSession saw to it). */
    user: User;
    /** The tracker, on the tracker's routes (authenticateTracker saw to it). */
    tracker: TrackerIdentity | null;
  }
}

export const authPlugin = fp(async (app: FastifyInstance) => {
  app.decorateRequest('user', null as unknown as User);
  app.decorateRequest('tracker', null);
});

/** Whether the route takes a session: not when documented as public (security: []) or as the tracker's. */
function takesSession(req: FastifyRequest): boolean {
  const security = (req.routeOptions.schema as { security?: Record<string, unknown>[] } | undefined)?.security;
  return !security || !(security.length === 0 || security.some((s) => 'tracker' in s));
}

/**
 * onRequest hook of the API's routes: the session's user, or 401 before anything else is read.
 * A public route never asks: health must answer at once while the database hangs, whatever
 * cookie a browser sends along.
 */
export async function authenticateSession(this: FastifyInstance, req: FastifyRequest): Promise<void> {
  if (!takesSession(req)) return;
  const user = await sessionUser(this, req);
  if (!user) throw new HttpProblem(401, 'Sign in first: this needs a session. POST /api/auth/login with your email and password.');
  req.user = user;
  // "Last seen" on the settings page: a write marks it, at most every few minutes. A read never writes.
  if (req.method !== 'GET' && req.method !== 'HEAD') await touchSession(this.deps.database, req.cookies[SESSION_COOKIE]!, this.deps.clock.now(), SEEN_EVERY_MS);
}

/** The user of the request's session cookie, or null (no cookie, a malformed one, or an ended session). */
async function sessionUser(app: FastifyInstance, req: FastifyRequest): Promise<User | null> {
  const token = req.cookies[SESSION_COOKIE];
  if (!token || token.length > 100) return null;
  return findSessionUser(app.deps.database, token, app.deps.clock.now());
}

/** `wdt_` + 32 random bytes in base64url. */
export const TRACKER_TOKEN = /^wdt_[A-Za-z0-9_-]{43}$/;

const trackerRefused = () =>
  new HttpProblem(
    401,
    "This tracker token is not valid or was revoked; connect the tracker again from the dashboard's Trackers page.",
    undefined,
    { 'WWW-Authenticate': 'Bearer realm="workdiary tracker"' },
  );

/** onRequest hook of the tracker's routes: `Authorization: Bearer wdt_…`, else 401 before the body is read. */
export async function authenticateTracker(this: FastifyInstance, req: FastifyRequest): Promise<void> {
  const header = req.headers.authorization;
  if (!header) {
    throw new HttpProblem(
      401,
      "This needs a tracker token: send Authorization: Bearer wdt_…, made on the dashboard's Trackers page.",
      undefined,
      { 'WWW-Authenticate': 'Bearer realm="workdiary tracker"' },
    );
  }
  const token = /^Bearer (\S+)$/i.exec(header)?.[1];
  if (!token || !TRACKER_TOKEN.test(token)) throw trackerRefused();
  const tracker = await findTrackerByTokenHash(this.deps.database, tokenHash(token));
  if (!tracker) throw trackerRefused();
  req.tracker = tracker;
}

export function requireTracker(req: FastifyRequest): TrackerIdentity {
  if (!req.tracker) throw trackerRefused();
  return req.tracker;
}
