// Questions on slots, under /contracts/:contractId (contract-scope.ts): a client asks without
// disputing, the contractor answers; no money is held and no slot's state changes.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Problem, WriteProblems } from '#contract/common.ts';
import { ContractParams } from '#contract/contracts.ts';
import { QuestionList, QuestionListQuery, QuestionMessageBody, QuestionParams, SlotQuestionParams, SlotQuestions } from '#contract/questions.ts';
import { askQuestion, closeQuestion, contractQuestions, replyToQuestion, slotQuestions } from '../services/question-service.ts';
import { creating } from './creating.ts';


export const questionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/questions',
    {
      schema: {
        tags: ['questions'],
        summary: 'The contract’s questions on its slots, oldest first (status=open: waiting on the contractor)',
        params: ContractParams,
        querystring: QuestionListQuery,
        response: { 200: QuestionList, 400: Problem, 401: Problem, 404: Problem },
      },
    },
    async (req) => contractQuestions(app.deps.database, req.contract, req.query.status),
  );

  app.get(
    '/slots/:start/questions',
    {
      schema: {
        tags: ['questions'],
        summary: 'A slot’s questions with their threads, and what I may do now',
        params: SlotQuestionParams,
        response: { 200: SlotQuestions, 400: Problem, 401: Problem, 404: Problem },
      },
    },
    async (req) => slotQuestions(app.deps.database, req.user, req.contract, new Date(req.params.start)),
  );

  app.post(
    '/slots/:start/questions',
    creating(
      'questions',
      'Ask about a slot without disputing it (a client of the contract’s company; one unclosed question per slot)',
      SlotQuestionParams,
      QuestionMessageBody,
      SlotQuestions,
    ),
    async (req, reply) => {
      const now = app.deps.clock.now();
      const result = await askQuestion(app.deps.database, req.user, req.contract, new Date(req.params.start), req.body.body, now);
      return reply.code(201).send(result);
    },
  );

  app.post(
    '/slots/:start/questions/:questionId/replies',
    creating('questions', 'Answer a question (the contractor) or follow up on it (the client), until it is closed', QuestionParams, QuestionMessageBody, SlotQuestions),
    async (req, reply) => {
      const { start, questionId } = req.params;
      const now = app.deps.clock.now();
      const result = await replyToQuestion(app.deps.database, req.user, req.contract, new Date(start), questionId, req.body.body, now);
      return reply.code(201).send(result);
    },
  );

  app.post(
    '/slots/:start/questions/:questionId/close',
    {
      schema: {
        tags: ['questions'],
        summary: 'Close a question that needs nothing more (a client of the contract’s company)',
        params: QuestionParams,
        response: { 200: SlotQuestions, ...WriteProblems },
      },
    },
    async (req) => closeQuestion(app.deps.database, req.user, req.contract, new Date(req.params.start), req.params.questionId, app.deps.clock.now()),
  );
};
