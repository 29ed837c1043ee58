// Invitations (/api/invitations): an admin invites a client into a company; a client (or an
// admin) invites a contractor to a new contract. A client sees and manages their own company's
// invitations only; another company's answer 404, as if they did not exist. Contractors: 403.
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Problem, WriteProblems } from '#contract/common.ts';
import { ClientInviteBody, ContractorInviteBody, Invitation, InvitationList, InvitationParams, InvitationQuery } from '#contract/invitations.ts';
import { AdminUserParams } from '#contract/admin.ts';
import { HttpProblem } from '../lib/problem.ts';
import { invitationsFor, inviteClient, inviteContractor, resendInvitation, revokeInvitation } from '../services/invitation-service.ts';
import { sendPasswordReset } from '../services/password-reset.ts';

const tags = ['invitations'];

export const invitationRoutes: FastifyPluginAsyncZod = async (app) => {
  const now = () => app.deps.clock.now();

  app.get(
    '/invitations',
    { schema: { tags, summary: 'Invitations, newest first: a client’s company’s, or (admin) all or one company’s; by status', querystring: InvitationQuery, response: { 200: InvitationList, 400: Problem, 401: Problem, 403: Problem, 404: Problem } } },
    async (req) => ({ invitations: await invitationsFor(app.deps.database, req.user, req.query, now()) }),
  );

  app.post(
    '/invitations/clients',
    { schema: { tags, summary: 'Invite a client into a company (admin): a mail with a link good for 7 days', body: ClientInviteBody, response: { 201: Invitation, ...WriteProblems } } },
    async (req, reply) => reply.code(201).send(await inviteClient(app.deps.database, req.user, req.body, now())),
  );

  app.post(
    '/invitations/contractors',
    {
      schema: {
        tags,
        summary: 'Invite a contractor to a new contract with its terms; the contract is pending until they accept (link good for 7 days)',
        body: ContractorInviteBody,
        response: { 201: Invitation, ...WriteProblems },
      },
    },
    async (req, reply) => reply.code(201).send(await inviteContractor(app.deps.database, req.user, req.body, now())),
  );

  app.post(
    '/invitations/:invitationId/resend',
    { schema: { tags, summary: 'Send the invitation again with a new link (the old one stops working), good for 7 more days', params: InvitationParams, response: { 200: Invitation, ...WriteProblems } } },
    async (req) => resendInvitation(app.deps.database, req.user, req.params.invitationId, now()),
  );

  app.post(
    '/invitations/:invitationId/revoke',
    { schema: { tags, summary: 'Revoke the invitation: its link stops working and its pending contract ends', params: InvitationParams, response: { 200: Invitation, ...WriteProblems } } },
    async (req) => revokeInvitation(app.deps.database, req.user, req.params.invitationId, now()),
  );

  app.post(
    '/admin/users/:userId/password-reset',
    { schema: { tags: ['admin'], summary: 'Send the user a password reset mail (admin): a link good for one hour', params: AdminUserParams, response: { 202: z.object({ sent: z.literal(true) }), ...WriteProblems } } },
    async (req, reply) => {
      if (req.user.role !== 'admin') throw new HttpProblem(403, 'Only an admin may use the admin console.');
      await sendPasswordReset(app.deps.database, req.user, req.params.userId, now());
      return reply.code(202).send({ sent: true as const });
    },
  );
};
