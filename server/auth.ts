// Who is asking: the session cookie, resolved once per request. Routes declare whether
// they need a user; without one the answer is 401. The tracker's routes take a bearer token
// instead (and only they do): `authenticateTracker` is their onRequest hook.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { User } from './data/users.ts';
import { findSessionUser, tokenHash } from './data/users.ts';
import { findTrackerByTokenHash, touchTracker, type TrackerIdentity } from './data/trackers.ts';
import { HttpProblem } from './lib/problem.ts';

export const SESSION_COOKIE = 'wd_session';

declare module 'fastify' {
  interface FastifyRequest {
    user: User | null;
    tracker: TrackerIdentity | null;
  }
}

export const authPlugin = fp(async (app: FastifyInstance) => {
  app.decorateRequest('user', null);
  app.decorateRequest('tracker', null);
  app.addHook('onRequest', async (req) => {
    // Only the API needs to know who asks; the dashboard's files (sent with the cookie too) do not.
    if (!req.url.startsWith('/api/')) return;
    // Nor do the routes documented as public (security: []): health must answer at once while
    // the database hangs, whatever cookie a browser sends along.
    if ((req.routeOptions.schema as { security?: unknown[] } | undefined)?.security?.length === 0) return;
    req.user = await sessionUser(app, req);
  });
});

/** The user of the request's session cookie, or null (no cookie, a malformed one, or an ended session). */
export async function sessionUser(app: FastifyInstance, req: FastifyRequest): Promise<User | null> {
  const token = req.cookies[SESSION_COOKIE];
  if (!token || token.length > 100) return null;
  return findSessionUser(app.deps.database, token, app.deps.clock.now());
}

export function requireUser(req: FastifyRequest): User {
  if (!req.user) throw new HttpProblem(401, 'Sign in first: this needs a session. POST /api/auth/login with your email and password.');
  return req.user;
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
  const now = this.deps.clock.now();
  if (!tracker.lastUsedAt || now.getTime() - tracker.lastUsedAt.getTime() >= 60_000) await touchTracker(this.deps.database, tracker.device.id, now);
  req.tracker = tracker;
}

export function requireTracker(req: FastifyRequest): TrackerIdentity {
  if (!req.tracker) throw trackerRefused();
  return req.tracker;
}
