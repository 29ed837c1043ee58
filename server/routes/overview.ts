// The home page's one read: every contract the user may see, this week and last, and what waits on them.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Problem } from '#contract/common.ts';
import { Overview } from '#contract/overview.ts';
import { buildOverview } from '../services/overview-service.ts';

export const overviewRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/overview',
    {
      schema: {
        tags: ['overview'],
        summary: 'This week and last week across my contracts, the weeks in review and the disputes waiting on me, and totals per currency',
        response: { 200: Overview, 401: Problem },
      },
    },
    async (req) => buildOverview(app.deps.database, req.user, app.deps.clock.now()),
  );
};
