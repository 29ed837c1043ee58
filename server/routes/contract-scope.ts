// The routes under /contracts/:contractId. Their preHandler resolves the contract with the one
// access check (a contract the caller may not see is not found), so each route finds it in
// `req.contract`. Params are validated first: a malformed id is a 400 before any lookup.
// The diary's hot reads (the week, the images) fold the same check into their own one
// statement instead (`config: { ownAccessCheck: true }`), saving a round trip per request.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ContractRow } from '../data/contracts.ts';
import { HttpProblem } from '../lib/problem.ts';
import { requireVisibleContract } from '../services/contract-service.ts';
import { contractRoutes } from './contracts.ts';
import { contractStatusRoutes } from './contract-status.ts';
import { evidenceRoutes } from './evidence.ts';
import { ingestRoutes } from './ingest.ts';
import { questionRoutes } from './questions.ts';
import { slotEditRoutes } from './slot-edits.ts';
import { slotRoutes } from './slots.ts';
import { timesheetRoutes } from './timesheets.ts';
import { weekSealRoutes } from './seals.ts';
import { weekRoutes } from './weeks.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The contract of the URL, visible to the caller (on the routes of contractScope without ownAccessCheck). */
    contract: ContractRow;
  }
  interface FastifyContextConfig {
    /**
     * The route's own read refuses a contract the caller may not see, with the same rule and
     * the same 404 (data/contracts.ts `visibleTo`): the scope skips its lookup, and
     * `req.contract` stays unset.
     */
    ownAccessCheck?: boolean;
  }
}

export const contractScope: FastifyPluginAsyncZod = async (app) => {
  app.decorateRequest('contract', null as unknown as ContractRow);
  app.addHook('preHandler', async (req) => {
    if (req.routeOptions.config.ownAccessCheck) return;
    const { contractId } = req.params as { contractId: string };
    // The tracker uploads as its contractor; every other route takes a session.
    req.contract = await requireVisibleContract(app.deps.database, req.tracker?.user ?? req.user, contractId);
    // A contract waiting for its contractor to accept takes no uploads, edits, reviews or approvals.
    if (req.contract.status === 'pending' && req.method !== 'GET' && req.method !== 'HEAD') {
      throw new HttpProblem(409, 'This contract waits for the contractor to accept the invitation: nothing can be recorded on it yet.');
    }
  });
  await app.register(contractRoutes);
  await app.register(weekRoutes);
  await app.register(timesheetRoutes);
  await app.register(evidenceRoutes);
  await app.register(weekSealRoutes);
  await app.register(slotRoutes);
  await app.register(slotEditRoutes);
  await app.register(ingestRoutes);
  await app.register(questionRoutes);
  await app.register(contractStatusRoutes);
};
