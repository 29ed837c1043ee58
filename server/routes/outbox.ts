// Admin → Outbox under /admin/outbox: every mail queued, newest first, what became of it, the
// mail itself as its recipient sees it, and a retry for a failed or waiting one. Admins only
// (403 for everyone else, whichever company they are of).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Problem, WriteProblems } from '#contract/common.ts';
import { OutboxMailDetail, OutboxPage, OutboxParams, OutboxQuery } from '#contract/outbox.ts';
import { findOutboxMail, listOutbox } from '../data/mails.ts';
import { notFound } from '../lib/problem.ts';
import { retryMailAs } from '../notify/mail-delivery.ts';
import { unsubscribeLinkIn } from '../notify/smtp.ts';
import { adminOnly } from './admin.ts';

const PAGE = 50;
const reads = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };

export const outboxRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('preValidation', adminOnly);

  app.get(
    '/',
    { schema: { tags: ['admin'], summary: 'The outbox: mails newest first, 50 at a time (before=older for the next page), filtered by status and by a part of the address', querystring: OutboxQuery, response: { 200: OutboxPage, ...reads } } },
    async (req) => {
      const rows = await listOutbox(app.deps.database, req.query, PAGE);
      const mails = rows.slice(0, PAGE);
      return { mails, older: rows.length > PAGE ? mails[mails.length - 1]!.id : null };
    },
  );

  app.get(
    '/:mailId',
    { schema: { tags: ['admin'], summary: 'One mail as its recipient gets it: headers, plain text and HTML', params: OutboxParams, response: { 200: OutboxMailDetail, ...reads } } },
    async (req) => {
      const mail = await findOutboxMail(app.deps.database, req.params.mailId);
      if (!mail) throw notFound('The mail');
      return { ...mail, listUnsubscribe: unsubscribeLinkIn(mail.text, mail.messageId) };
    },
  );

  app.post(
    '/:mailId/retry',
    { schema: { tags: ['admin'], summary: 'Send a failed or waiting mail again now (audited)', params: OutboxParams, response: { 204: z.null(), ...WriteProblems } } },
    async (req, reply) => {
      await retryMailAs(app.deps.database, req.user, req.params.mailId, app.deps.clock.now());
      return reply.code(204).send(null);
    },
  );
};
