// A company's webhooks under /companies/:companyId/webhooks: its clients manage their own
// company's, an admin any company's (the service checks; another company's client gets 404).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Problem, WriteProblems } from '#contract/common.ts';
import {
  CompanyWebhooksParams,
  CreateWebhook,
  DeliveryPage,
  DeliveryParams,
  DeliveryQuery,
  UpdateWebhook,
  Webhook,
  WebhookDelivery,
  WebhookList,
  WebhookParams,
} from '#contract/webhooks.ts';
import { changeWebhook, createWebhook, deliveryLog, listWebhooks, redeliver, removeWebhook, rotateSecret, sendTest, webhookPolicy } from '../services/webhook-service.ts';

const reads = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };
const tags = ['webhooks'];
const BASE = '/companies/:companyId/webhooks';

export const webhookRoutes: FastifyPluginAsyncZod = async (app) => {
  const { database, clock, config } = app.deps;
  const policy = webhookPolicy(config.publicUrl);

  app.get(BASE, { schema: { tags, summary: 'The company’s webhooks, each with its secret and newest delivery', params: CompanyWebhooksParams, response: { 200: WebhookList, ...reads } } }, async (req) => ({
    webhooks: await listWebhooks(database, req.user, req.params.companyId),
  }));

  app.post(
    BASE,
    {
      schema: {
        tags,
        summary: 'Add a webhook: its URL (https when the installation is; never an internal address) and the kinds of event it receives; the secret is made here',
        params: CompanyWebhooksParams,
        body: CreateWebhook,
        response: { 201: Webhook, ...WriteProblems },
      },
    },
    async (req, reply) => reply.code(201).send(await createWebhook(database, req.user, req.params.companyId, req.body, policy, clock.now())),
  );

  app.patch(
    `${BASE}/:webhookId`,
    { schema: { tags, summary: 'Change a webhook’s URL or kinds, or enable or disable it (a disabled webhook’s deliveries wait)', params: WebhookParams, body: UpdateWebhook, response: { 200: Webhook, ...WriteProblems } } },
    async (req) => changeWebhook(database, req.user, req.params.companyId, req.params.webhookId, req.body, policy, clock.now()),
  );

  app.delete(
    `${BASE}/:webhookId`,
    { schema: { tags, summary: 'Delete a webhook and its delivery log', params: WebhookParams, response: { 204: z.null(), ...WriteProblems } } },
    async (req, reply) => {
      await removeWebhook(database, req.user, req.params.companyId, req.params.webhookId, clock.now());
      return reply.code(204).send(null);
    },
  );

  app.post(
    `${BASE}/:webhookId/secret`,
    { schema: { tags, summary: 'Rotate the secret: the old one stops signing at once', params: WebhookParams, response: { 200: Webhook, ...WriteProblems } } },
    async (req) => rotateSecret(database, req.user, req.params.companyId, req.params.webhookId, clock.now()),
  );

  app.post(
    `${BASE}/:webhookId/test`,
    { schema: { tags, summary: 'Send a test event (kind `test`); its outcome shows in the delivery log', params: WebhookParams, response: { 201: WebhookDelivery, ...WriteProblems } } },
    async (req, reply) => reply.code(201).send(await sendTest(database, req.user, req.params.companyId, req.params.webhookId, clock.now())),
  );

  app.get(
    `${BASE}/:webhookId/deliveries`,
    {
      schema: {
        tags,
        summary: 'The delivery log, newest first, 25 at a time (before=next for older ones)',
        params: WebhookParams,
        querystring: DeliveryQuery,
        response: { 200: DeliveryPage, ...reads },
      },
    },
    async (req) => deliveryLog(database, req.user, req.params.companyId, req.params.webhookId, req.query.before),
  );

  app.post(
    `${BASE}/:webhookId/deliveries/:deliveryId/redeliver`,
    { schema: { tags, summary: 'Send an earlier delivery’s payload again, as a new delivery', params: DeliveryParams, response: { 201: WebhookDelivery, ...WriteProblems } } },
    async (req, reply) => reply.code(201).send(await redeliver(database, req.user, req.params.companyId, req.params.webhookId, req.params.deliveryId, clock.now())),
  );
};
