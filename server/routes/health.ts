import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/health',
    {
      schema: {
        tags: ['health'],
        summary: 'Liveness and database reachability',
        security: [],
        response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']), now: z.string() }) },
      },
    },
    async () => {
      const { database, clock } = app.deps;
      await database.query('select 1');
      return { status: 'ok' as const, database: database.kind, now: clock.now().toISOString() };
    },
  );
};
