import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Problem } from '#contract/common.ts';
import { Week, WeekParams, WeekQuery } from '#contract/week.ts';
import { parseWeekKey } from '../domain/week.ts';
import { contractNotFound } from '../services/contract-service.ts';
import { visibleWeek } from '../services/week-service.ts';

/** Under /contracts/:contractId (contract-scope.ts). */
export const weekRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/weeks/:weekStart',
    {
      config: { ownAccessCheck: true },
      schema: {
        tags: ['weeks'],
        summary: 'A week of slots, compact, with per-day minutes by state in the requested time zone',
        description:
          'Slots are columns: `offset[i]` is the slot start in 10-minute steps from the Monday 00:00 UTC; ' +
          '`state[i]` and `kind[i]` index the state and kind lists; `memo[i]` and `title[i]` index `memos` and `titles` (-1 for none).',
        params: WeekParams,
        querystring: WeekQuery,
        response: { 200: Week, 400: Problem, 401: Problem, 404: Problem },
      },
    },
    async (req) => {
      const now = app.deps.clock.now();
      const week = await visibleWeek(app.deps.database, req.user, req.params.contractId, parseWeekKey(req.params.weekStart), req.query.tz, now);
      if (!week) throw contractNotFound();
      return week;
    },
  );
};
