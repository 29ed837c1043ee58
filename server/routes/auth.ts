import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CodeStep, LoginBody, LoginCodeBody, Me } from '#contract/auth.ts';
import { Problem } from '#contract/common.ts';
import { SESSION_COOKIE } from '../auth.ts';
import { createPendingLogin, findPendingLogin, takePendingLogin } from '../data/sessions.ts';
import { createSession, deleteSession, findUserForLogin, toMe } from '../data/users.ts';
import { HttpProblem } from '../lib/problem.ts';
import { DUMMY_HASH, verifyPassword } from '../lib/password.ts';
import { checkSecondFactor, isTotpOn } from '../services/totp-service.ts';
import { passwordResetsSettled, requestPasswordResetLater } from '../services/password-reset.ts';
import { FORGOT_ANSWER, ForgotAnswer, ForgotBody } from '#contract/invitations.ts';

const SESSION_DAYS = 30;
/** How long the code step of a two-factor sign-in waits for its code. */
const PENDING_MS = 5 * 60_000;

/** Signs the user in: a new session and its cookie (sign-in, and accepting an invitation). */
export async function startSessionFor(app: FastifyInstance, req: FastifyRequest, reply: FastifyReply, userId: string): Promise<void> {
  const { database, clock, config } = app.deps;
  const token = randomBytes(32).toString('base64url');
  const now = clock.now();
  const expires = new Date(now.getTime() + SESSION_DAYS * 86_400_000);
  await createSession(database, userId, token, now, expires, req.headers['user-agent']?.slice(0, 300) ?? null);
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: config.secureCookies,
    maxAge: SESSION_DAYS * 86_400,
  });
}

/** A client of a deactivated company is told why they cannot sign in (only once the password was right). */
function refuseDeactivatedCompany(user: { companyDeactivated: boolean; companyName: string | null }) {
  if (user.companyDeactivated) {
    throw new HttpProblem(403, `${user.companyName ?? 'Your company'} is deactivated on this workdiary, so its clients cannot sign in. Ask its administrator to reactivate it.`);
  }
}

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  /** Refuses with 429 while the account or address has failed too often; counts this attempt. */
  const reserveAttempt = async (email: string, ip: string, what = 'failed sign-ins to this account') => {
    // Wall-clock time: the limiter's windows are shared by every server, whatever WORKDIARY_NOW says.
    const wait = await app.deps.loginLimiter.reserve(email, ip, new Date());
    if (wait > 0) {
      const minutes = Math.ceil(wait / 60);
      throw new HttpProblem(
        429,
        `Too many ${what} or from your address. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
        undefined,
        { 'Retry-After': String(wait) },
      );
    }
  };

  const startSession = (req: FastifyRequest, reply: FastifyReply, userId: string) => startSessionFor(app, req, reply, userId);

  app.post(
    '/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign in with email and password; sets the session cookie',
        security: [],
        body: LoginBody,
        response: { 200: Me, 202: CodeStep, 400: Problem, 401: Problem, 403: Problem, 429: Problem },
      },
    },
    async (req, reply) => {
      const { database, clock, loginLimiter } = app.deps;
      const { email, password } = req.body;
      await reserveAttempt(email, req.ip);
      const user = await findUserForLogin(database, email);
      // Verify against a dummy hash when there is no such user (or a disabled one), so timing does not tell.
      const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
      if (!user || !ok) throw new HttpProblem(401, 'The email or password is not right. Check both and try again.');
      refuseDeactivatedCompany(user);
      if (await isTotpOn(database, user.id)) {
        // The attempt stays counted until the code step succeeds: a right password alone does not clear it.
        const pendingToken = randomBytes(32).toString('base64url');
        const now = clock.now();
        await createPendingLogin(database, user.id, pendingToken, now, new Date(now.getTime() + PENDING_MS));
        return reply.code(202).send({ codeStep: true as const, pendingToken });
      }
      await loginLimiter.succeed(email, req.ip);
      await startSession(req, reply, user.id);
      return toMe(user);
    },
  );

  app.post(
    '/auth/login/code',
    {
      schema: {
        tags: ['auth'],
        summary: 'Second step of a two-factor sign-in: the authenticator code or a recovery code; sets the session cookie',
        security: [],
        body: LoginCodeBody,
        response: { 200: Me, 400: Problem, 401: Problem, 403: Problem, 429: Problem },
      },
    },
    async (req, reply) => {
      const { database, clock, loginLimiter } = app.deps;
      const now = clock.now();
      const pending = await findPendingLogin(database, req.body.pendingToken, now);
      if (!pending) throw new HttpProblem(401, 'This sign-in took too long or was already used. Sign in again with your email and password.');
      // Every code counts against the same limits as a password, so codes cannot be guessed through.
      await reserveAttempt(pending.email, req.ip);
      if (!(await checkSecondFactor(database, pending.userId, req.body.code, now))) {
        throw new HttpProblem(401, 'This code is not right, or was used already. Enter the code your authenticator app shows now, or a recovery code.', [
          { field: 'body.code', message: 'is not a current code' },
        ]);
      }
      if (!(await takePendingLogin(database, req.body.pendingToken))) throw new HttpProblem(401, 'This sign-in was already used. Sign in again with your email and password.');
      const user = await findUserForLogin(database, pending.email);
      if (!user) throw new HttpProblem(401, 'The email or password is not right. Check both and try again.');
      refuseDeactivatedCompany(user);
      await loginLimiter.succeed(pending.email, req.ip);
      await startSession(req, reply, user.id);
      return toMe(user);
    },
  );

  // A "forgot password" answered but still at work finishes before the server (or a test's database) closes.
  app.addHook('onClose', passwordResetsSettled);

  app.post(
    '/auth/forgot',
    {
      schema: {
        tags: ['auth'],
        summary: 'Forgot password: mails a link (1 hour, single use) if an account uses the address; the same 202 either way',
        security: [],
        body: ForgotBody,
        response: { 202: ForgotAnswer, 400: Problem, 429: Problem },
      },
    },
    async (req, reply) => {
      // Counted like a sign-in, per account and per address, so it cannot flood a mailbox.
      await reserveAttempt(req.body.email, req.ip, 'password reset requests and sign-ins for this account');
      // The lookup starts once the answer is out: the answer and its timing are the same whether the address exists or not.
      const { email } = req.body;
      const now = app.deps.clock.now();
      // (On the next turn after it is sent: the embedded database runs on this thread, and would hold up the answer's last step.)
      const sent = new Promise<void>((resolve) => {
        for (const event of ['finish', 'close']) reply.raw.once(event, () => setImmediate(resolve));
      });
      requestPasswordResetLater(app.deps.database, email, now, (err) => req.log.error({ err }, 'password reset mail failed'), sent);
      return reply.code(202).send(FORGOT_ANSWER);
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
