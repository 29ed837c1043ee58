import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Problem } from '#contract/common.ts';
import { Approval, Timesheet } from '#contract/timesheet.ts';
import { WeekParams, WeekQuery } from '#contract/week.ts';
import { parseWeekKey } from '../domain/week.ts';
import { timesheetCsv } from '../services/timesheet-csv.ts';
import { approveWeek, buildTimesheet } from '../services/timesheet-service.ts';
import { downloadName } from './evidence.ts';

/** Under /contracts/:contractId (contract-scope.ts). */
export const timesheetRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/weeks/:weekStart/timesheet',
    {
      schema: {
        tags: ['timesheets'],
        summary: 'The timesheet of a contract week: status, deadlines, minutes by state per day, amounts, and what the viewer may do',
        params: WeekParams,
        querystring: WeekQuery,
        response: { 200: Timesheet, 400: Problem, 401: Problem, 404: Problem },
      },
    },
    async (req) => {
      return buildTimesheet(app.deps.database, req.user, req.contract, parseWeekKey(req.params.weekStart), req.query.tz, app.deps.clock.now());
    },
  );

  app.post(
    '/weeks/:weekStart/approval',
    {
      schema: {
        tags: ['timesheets'],
        summary: 'Approve the week (client, in the review window): every slot not held is approved and the week is locked. Idempotent.',
        params: WeekParams,
        response: { 200: Approval, 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem },
      },
    },
    async (req) => {
      return approveWeek(app.deps.database, req.user, req.contract, parseWeekKey(req.params.weekStart), app.deps.clock.now());
    },
  );

  app.get(
    '/weeks/:weekStart/timesheet.csv',
    {
      schema: {
        tags: ['timesheets'],
        summary: 'The week as CSV: one row per slot (UTC), then the totals and amounts',
        params: WeekParams,
        produces: ['text/csv'],
        response: { 200: z.string().describe('CSV'), 400: Problem, 401: Problem, 404: Problem },
      },
    },
    async (req, reply) => {
      const { contract } = req;
      const csv = await timesheetCsv(app.deps.database, contract, parseWeekKey(req.params.weekStart), app.deps.clock.now());
      return reply
        .type('text/csv; charset=utf-8')
        .header('Content-Disposition', `attachment; filename="${downloadName(contract.title, req.params.weekStart, '.csv')}"`)
        .header('Cache-Control', 'private, no-store')
        .send(csv);
    },
  );
};
