// The API's routes, under /api. One onRequest hook for all of them answers 401 without a
// session where the route takes one (auth.ts); the contract's routes share one access check.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authenticateSession } from '../auth.ts';
import { adminRoutes } from './admin.ts';
import { authRoutes } from './auth.ts';
import { contractScope } from './contract-scope.ts';
import { contractListRoutes } from './contracts.ts';
import { disputeRoutes } from './disputes.ts';
import { healthRoutes } from './health.ts';
import { sealKeyRoutes } from './seals.ts';
import { invitationRoutes } from './invitations.ts';
import { linkRoutes } from './links.ts';
import { notificationRoutes } from './notifications.ts';
import { outboxRoutes } from './outbox.ts';
import { overviewRoutes } from './overview.ts';
import { settingsRoutes } from './settings.ts';
import { trackerRoutes } from './trackers.ts';
import { unsubscribeRoutes } from './unsubscribe.ts';
import { webhookRoutes } from './webhooks.ts';

export const apiRoutes: FastifyPluginAsyncZod = async (api) => {
  api.addHook('onRequest', authenticateSession);
  await api.register(healthRoutes);
  await api.register(sealKeyRoutes);
  await api.register(authRoutes);
  await api.register(contractListRoutes);
  await api.register(contractScope, { prefix: '/contracts/:contractId' });
  await api.register(disputeRoutes);
  await api.register(trackerRoutes);
  await api.register(overviewRoutes);
  await api.register(settingsRoutes);
  await api.register(notificationRoutes);
  await api.register(unsubscribeRoutes);
  await api.register(webhookRoutes);
  await api.register(adminRoutes, { prefix: '/admin' });
  await api.register(outboxRoutes, { prefix: '/admin/outbox' });
  await api.register(invitationRoutes);
  await api.register(linkRoutes);
  api.get('/openapi.json', { schema: { hide: true, security: [] } }, async () => api.swagger());
};
