import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { LoginBody, Me } from '#contract/auth.ts';
import { Problem } from '#contract/common.ts';
import { SESSION_COOKIE } from '../auth.ts';
import { createSession, deleteSession, findUserForLogin, toMe } from '../data/users.ts';
import { HttpProblem } from '../lib/problem.ts';
import { DUMMY_HASH, verifyPassword } from '../lib/password.ts';

const SESSION_DAYS = 30;

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign in with email and password; sets the session cookie',
        security: [],
        body: LoginBody,
        response: { 200: Me, 400: Problem, 401: Problem, 429: Problem },
      },
    },
    async (req, reply) => {
      const { database, clock, loginLimiter, config } = app.deps;
      const { email, password } = req.body;
      // Wall-clock time: the limiter's windows are shared by every server, whatever WORKDIARY_NOW says.
      const wait = await loginLimiter.reserve(email, req.ip, new Date());
      if (wait > 0) {
        const minutes = Math.ceil(wait / 60);
        throw new HttpProblem(
          429,
          `Too many failed sign-ins to this account or from your address. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
          undefined,
          { 'Retry-After': String(wait) },
        );
      }
      const user = await findUserForLogin(database, email);
      // Verify against a dummy hash when there is no such user (or a disabled one), so timing does not tell.
      const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
      if (!user || !ok) throw new HttpProblem(401, 'The email or password is not right. Check both and try again.');
      await loginLimiter.succeed(email, req.ip);
      const token = randomBytes(32).toString('base64url');
      const now = clock.now();
      const expires = new Date(now.getTime() + SESSION_DAYS * 86_400_000);
      await createSession(database, user.id, token, now, expires);
      reply.setCookie(SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: config.secureCookies,
        maxAge: SESSION_DAYS * 86_400,
      });
      return toMe(user);
    },
  );

  app.post(
    '/auth/logout',
    { schema: { tags: ['auth'], summary: 'Sign out: ends the session, if there is one', security: [], response: { 204: z.null() } } },
    async (req, reply) => {
      const token = req.cookies[SESSION_COOKIE];
      if (token) await deleteSession(app.deps.database, token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      // The browser also drops what the dashboard kept for this user (cached answers, local storage).
      reply.header('Clear-Site-Data', '"cookies", "storage"');
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/auth/me',
    { schema: { tags: ['auth'], summary: 'The signed-in user', response: { 200: Me, 401: Problem } } },
    async (req) => toMe(req.user),
  );
};
