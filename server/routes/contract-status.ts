// Pausing, resuming and ending a contract, under /contracts/:contractId (contract-scope.ts
// resolves it with the access check: another company's client gets 404). Its company's client
// or an admin may; its contractor gets 403.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Contract, ContractParams } from '#contract/contracts.ts';
import { WriteProblems } from '#contract/common.ts';
import { changeContractStatus, type StatusAction } from '../services/contract-admin-service.ts';

const SUMMARY: Record<StatusAction, string> = {
  pause: 'Pause an active contract: its trackers’ uploads are refused until it resumes; its weeks are reviewed as usual',
  resume: 'Resume a paused contract: its trackers upload again',
  end: 'End the contract for good: no more uploads; its weeks are reviewed, disputed and approved as usual',
};

export const contractStatusRoutes: FastifyPluginAsyncZod = async (app) => {
  for (const action of ['pause', 'resume', 'end'] as const) {
    app.post(
      `/${action}`,
      { schema: { tags: ['contracts'], summary: SUMMARY[action], params: ContractParams, response: { 200: Contract, ...WriteProblems } } },
      async (req) => changeContractStatus(app.deps.database, req.user, req.contract, action, app.deps.clock.now()),
    );
  }
};
