import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Contract, ContractList, ContractParams } from '#contract/contracts.ts';
import { Problem } from '#contract/common.ts';
import { ChangeTerms } from '#contract/disputes.ts';
import { contractPayload, listContracts } from '../services/contract-service.ts';
import { changeTerms } from '../services/contract-admin-service.ts';

export const contractListRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/contracts',
    {
      schema: {
        tags: ['contracts'],
        summary: 'The contracts I may see, with this week’s hours and activity',
        response: { 200: ContractList, 401: Problem },
      },
    },
    async (req) => ({ contracts: await listContracts(app.deps.database, req.user, app.deps.clock.now()) }),
  );
};

/** Under /contracts/:contractId (contract-scope.ts). */
export const contractRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '',
    {
      schema: {
        tags: ['contracts'],
        summary: 'One contract',
        params: ContractParams,
        response: { 200: Contract, 400: Problem, 401: Problem, 404: Problem },
      },
    },
    async (req) => contractPayload(app.deps.database, req.contract, app.deps.clock.now()),
  );

  app.patch(
    '/terms',
    {
      schema: {
        tags: ['contracts'],
        summary: 'Change the rate, weekly cap or manual-time permission (its company’s client, or an admin). It applies from the next Monday 00:00 UTC.',
        params: ContractParams,
        body: ChangeTerms,
        response: { 200: Contract, 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem },
      },
    },
    async (req) => changeTerms(app.deps.database, req.user, req.contract, req.body, app.deps.clock.now()),
  );
};
