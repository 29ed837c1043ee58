import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Contract, ContractList, ContractParams } from '../../contract/contracts.ts';
import { Problem } from '../../contract/common.ts';
import { requireUser } from '../auth.ts';
import { notFound } from '../lib/problem.ts';
import { getContract, listContracts } from '../services/contract-service.ts';
import { changeTerms } from '../services/timesheet-service.ts';
import { findVisibleContract } from '../data/contracts.ts';
import { ChangeTerms } from '../../contract/disputes.ts';

export const contractRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/contracts',
    {
      schema: {
        tags: ['contracts'],
        summary: 'The contracts I may see, with this week’s hours and activity',
        response: { 200: ContractList, 401: Problem },
      },
    },
    async (req) => {
      const user = requireUser(req);
      return { contracts: await listContracts(app.deps.database, user, app.deps.clock.now()) };
    },
  );

  app.get(
    '/contracts/:contractId',
    {
      schema: {
        tags: ['contracts'],
        summary: 'One contract',
        params: ContractParams,
        response: { 200: Contract, 400: Problem, 401: Problem, 404: Problem },
      },
    },
    async (req) => {
      const user = requireUser(req);
      const contract = await getContract(app.deps.database, user, req.params.contractId, app.deps.clock.now());
      if (!contract) throw notFound('The contract');
      return contract;
    },
  );

  app.patch(
    '/contracts/:contractId/terms',
    {
      schema: {
        tags: ['contracts'],
        summary: 'Change the weekly cap or manual-time permission (client). It applies from the next Monday 00:00 UTC.',
        params: ContractParams,
        body: ChangeTerms,
        response: { 200: Contract, 400: Problem, 401: Problem, 403: Problem, 404: Problem },
      },
    },
    async (req) => {
      const user = requireUser(req);
      const contract = await findVisibleContract(app.deps.database, user, req.params.contractId);
      if (!contract) throw notFound('The contract');
      return changeTerms(app.deps.database, user, contract, req.body, app.deps.clock.now());
    },
  );
};
