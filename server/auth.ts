// Who is asking: the session cookie, resolved once per request. Routes declare whether
// they need a user; without one the answer is 401.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { User } from './data/users.ts';
import { findSessionUser } from './data/users.ts';
import { HttpProblem } from './lib/problem.ts';

export const SESSION_COOKIE = 'wd_session';

declare module 'fastify' {
  interface FastifyRequest {
    user: User | null;
  }
}

export const authPlugin = fp(async (app: FastifyInstance) => {
  app.decorateRequest('user', null);
  app.addHook('onRequest', async (req) => {
    // Only the API needs to know who asks; the dashboard's files (sent with the cookie too) do not.
    if (!req.url.startsWith('/api/')) return;
    const token = req.cookies[SESSION_COOKIE];
    if (token && token.length <= 100) req.user = await findSessionUser(app.deps.database, token, app.deps.clock.now());
  });
});

export function requireUser(req: FastifyRequest): User {
  if (!req.user) throw new HttpProblem(401, 'Sign in first: this needs a session. POST /api/auth/login with your email and password.');
  return req.user;
}
