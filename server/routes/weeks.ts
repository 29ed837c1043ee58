import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Problem } from '../../contract/common.ts';
import { Week, WeekParams, WeekQuery } from '../../contract/week.ts';
import { requireUser } from '../auth.ts';
import { parseWeekKey } from '../domain/week.ts';
import { notFound } from '../lib/problem.ts';
import { buildVisibleWeek } from '../services/week-service.ts';

export const weekRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/contracts/:contractId/weeks/:weekStart',
    {
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
      const user = requireUser(req);
      const { database, clock } = app.deps;
      const week = await buildVisibleWeek(database, user, req.params.contractId, parseWeekKey(req.params.weekStart), req.query.tz, clock.now());
      if (!week) throw notFound('The contract');
      return week;
    },
  );
};
