import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Problem, WriteProblems } from '#contract/common.ts';
import {
  AddComment,
  AnswerSlot,
  CreateDispute,
  Dispute,
  DisputeList,
  DisputeListQuery,
  DisputeParams,
  DisputeSlotParams,
  ResolveSlot,
} from '#contract/disputes.ts';
import { answerSlot, commentOnDispute, createDispute, resolveSlot, withdrawDispute } from '../services/dispute-service.ts';
import { getDispute, listDisputes } from '../services/dispute-view.ts';
import { creating } from './creating.ts';

/** What deciding one slot of a dispute says of itself, whoever decides (the contractor answers, an admin resolves). */
const slotDecision = (summary: string) => ({ tags: ['disputes'], summary, params: DisputeSlotParams, response: { 200: Dispute, ...WriteProblems } });

export const disputeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/disputes',
    {
      schema: {
        tags: ['disputes'],
        summary: 'Dispute billable slots of one contract week (a client of the contract’s company)',
        description:
          'The slots must be of one contract and one billing week, billable now, and never disputed before. ' +
          'Their money is held until the dispute settles; the contractor has 3 days to answer.',
        body: CreateDispute,
        response: { 201: Dispute, ...WriteProblems },
      },
    },
    async (req, reply) => {
      const dispute = await createDispute(app.deps.database, req.user, req.body, app.deps.clock.now());
      return reply.code(201).send(dispute);
    },
  );

  app.get(
    '/disputes',
    {
      schema: {
        tags: ['disputes'],
        summary: 'The disputes I may see (an admin sees all, oldest first; others newest first)',
        querystring: DisputeListQuery,
        response: { 200: DisputeList, 400: Problem, 401: Problem },
      },
    },
    async (req) => listDisputes(app.deps.database, req.user, req.query, app.deps.clock.now()),
  );

  app.get(
    '/disputes/:disputeId',
    {
      schema: {
        tags: ['disputes'],
        summary: 'One dispute, with its slots, thread, audit trail and what I may do to it now',
        params: DisputeParams,
        response: { 200: Dispute, 400: Problem, 401: Problem, 404: Problem },
      },
    },
    async (req) => getDispute(app.deps.database, req.user, req.params.disputeId, app.deps.clock.now()),
  );

  app.post(
    '/disputes/:disputeId/slots/:start/answer',
    { schema: { ...slotDecision('Accept (refunded) or contest one open slot of an open dispute (the contractor)'), body: AnswerSlot } },
    async (req) => answerSlot(app.deps.database, req.user, req.params.disputeId, req.params.start, req.body, app.deps.clock.now()),
  );

  app.post(
    '/disputes/:disputeId/slots/:start/resolution',
    { schema: { ...slotDecision('Resolve one open or contested slot of an escalated dispute, for the client or the contractor (an admin)'), body: ResolveSlot } },
    async (req) => resolveSlot(app.deps.database, req.user, req.params.disputeId, req.params.start, req.body, app.deps.clock.now()),
  );

  app.post(
    '/disputes/:disputeId/withdrawal',
    {
      schema: {
        tags: ['disputes'],
        summary: 'Withdraw an open or escalated dispute: its undecided slots become billable again (a client of the company)',
        params: DisputeParams,
        response: { 200: Dispute, ...WriteProblems },
      },
    },
    async (req) => withdrawDispute(app.deps.database, req.user, req.params.disputeId, app.deps.clock.now()),
  );

  app.post(
    '/disputes/:disputeId/comments',
    creating('disputes', 'Add to a dispute’s thread (any party who may see it, whatever its status)', DisputeParams, AddComment, Dispute),
    async (req, reply) => {
      const dispute = await commentOnDispute(app.deps.database, req.user, req.params.disputeId, req.body.body, app.deps.clock.now());
      return reply.code(201).send(dispute);
    },
  );
};
