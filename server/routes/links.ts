// The single-use links from mails (/api/links/:token): what the page shows before it is used,
// accepting an invitation (which signs the invitee in), and setting a new password. A used,
// expired or unknown token answers 410 "This link is no longer valid", never anything else.
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Me } from '#contract/auth.ts';
import { Problem } from '#contract/common.ts';
import { AcceptBody, LinkInfo, LinkParams, ResetBody } from '#contract/invitations.ts';
import { SESSION_COOKIE } from '../auth.ts';
import { findAdminUser } from '../data/admin.ts';
import { findSessionUser, findUserForLogin, toMe } from '../data/users.ts';
import { notFound } from '../lib/problem.ts';
import { acceptInvitation, invitationLinkInfo } from '../services/invitation-service.ts';
import { peekLinkToken } from '../services/link-service.ts';
import { resetPassword } from '../services/password-reset.ts';
import { startSessionFor } from './auth.ts';

const problems = { 400: Problem, 403: Problem, 404: Problem, 409: Problem, 410: Problem };

export const linkRoutes: FastifyPluginAsyncZod = async (app) => {
  const { database, clock } = app.deps;

  app.get(
    '/links/:token',
    { schema: { tags: ['links'], summary: 'What a link from a mail is for, while it may be used (410 once used, expired or unknown)', security: [], params: LinkParams, response: { 200: LinkInfo, ...problems } } },
    async (req) => {
      const now = clock.now();
      const link = await peekLinkToken(database, req.params.token, now);
      if (link.purpose === 'invite') return invitationLinkInfo(database, req.params.token, now);
      const user = await findAdminUser(database, link.userId);
      if (!user) throw notFound('The user');
      return { purpose: 'reset' as const, email: user.email, expiresAt: new Date(link.expiresAt).toISOString() };
    },
  );

  app.post(
    '/links/:token/accept',
    {
      schema: {
        tags: ['links'],
        summary: 'Accept an invitation: a new account sends its name and password, an existing one is signed in as the invitee; signs them in',
        security: [],
        params: LinkParams,
        body: AcceptBody,
        response: { 200: Me, ...problems },
      },
    },
    async (req, reply) => {
      const token = req.cookies[SESSION_COOKIE];
      const now = clock.now();
      const sessionUser = token && token.length <= 100 ? await findSessionUser(database, token, now) : null;
      const userId = await acceptInvitation(database, req.params.token, req.body, sessionUser, now);
      const user = await findAdminUser(database, userId);
      const me = await findUserForLogin(database, user!.email);
      if (me && sessionUser?.id !== userId) await startSessionFor(app, req, reply, userId);
      return toMe(me!);
    },
  );

  app.post(
    '/links/:token/reset',
    {
      schema: {
        tags: ['links'],
        summary: 'Set a new password with a reset link: every session ends and every tracker token is revoked; sign in afterwards',
        security: [],
        params: LinkParams,
        body: ResetBody,
        response: { 204: z.null(), ...problems },
      },
    },
    async (req, reply) => {
      await resetPassword(database, req.params.token, req.body.password, clock.now());
      return reply.code(204).send(null);
    },
  );
};
