// A mail's unsubscribe link, no sign-in needed: the mail's random Message-ID is the credential.
// The page (/unsubscribe/<id>, the dashboard) reads what it stops and posts the one button; a
// mail program's one-click unsubscribe (RFC 8058, List-Unsubscribe-Post) posts to the same
// URL the mail shows, with or without a body.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Problem } from '#contract/common.ts';
import { UnsubscribeInfo, UnsubscribeParams } from '#contract/notifications.ts';
import { unsubscribe, unsubscribeInfo } from '../services/notification-service.ts';

const schema = { tags: ['notifications'], security: [], params: UnsubscribeParams };

/** Under /api: what the link stops, and stopping it. */
export const unsubscribeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/unsubscribe/:messageId',
    { schema: { ...schema, summary: 'What a mail’s unsubscribe link stops', response: { 200: UnsubscribeInfo, 400: Problem, 404: Problem } } },
    async (req) => unsubscribeInfo(app.deps.database, req.params.messageId),
  );
  app.post(
    '/unsubscribe/:messageId',
    { schema: { ...schema, summary: 'Stop this kind of mail (the choice becomes app only)', response: { 200: UnsubscribeInfo, 400: Problem, 403: Problem, 404: Problem } } },
    async (req) => unsubscribe(app.deps.database, req.params.messageId),
  );
};

/** At the mail's own URL: a mail program's one-click POST (`List-Unsubscribe=One-Click` as its form body, or none). */
export const oneClickUnsubscribeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => done(null, body));
  app.post(
    '/unsubscribe/:messageId',
    { schema: { ...schema, hide: true, response: { 200: UnsubscribeInfo, 400: Problem, 403: Problem, 404: Problem } } },
    async (req) => unsubscribe(app.deps.database, req.params.messageId),
  );
};
