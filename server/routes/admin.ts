// The admin console's API under /admin: only an admin gets past this folder's hook (403 for
// everyone else, whichever company they are of). The services do the work and the auditing.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { Problem, WriteProblems } from '#contract/common.ts';
import {
  AccountChangeResult,
  AdminCompany,
  AdminCompanyList,
  AdminContractList,
  AdminContractQuery,
  AdminUserList,
  AdminUserParams,
  AdminUserQuery,
  AuditPage,
  AuditQuery,
  CompanyBody,
  CompanyChangeResult,
  CompanyParams,
  NewContract,
} from '#contract/admin.ts';
import { Contract } from '#contract/contracts.ts';
import { HttpProblem } from '../lib/problem.ts';
import { adminCompanies, adminUsers, auditPage, createCompany, renameCompanyAs, setCompanyActive, setUserDisabled } from '../services/admin-service.ts';
import { adminContracts, createContract } from '../services/contract-admin-service.ts';

const reads = { 400: Problem, 401: Problem, 403: Problem };

/** For a plugin under /admin: after the API's session hook req.user is set, or the request already got 401; anyone but an admin gets 403. */
export async function adminOnly(req: FastifyRequest) {
  if (req.user?.role !== 'admin') throw new HttpProblem(403, 'Only an admin may use the admin console.');
}

type AdminApp = Parameters<FastifyPluginAsyncZod>[0];

/** POST `${path}/${on[0]}` and `${path}/${off[0]}`: the same change, one way or the other (`run` gets true for `on`). */
function switchRoutes<P extends z.ZodType>(
  app: AdminApp,
  path: string,
  params: P,
  result: z.ZodType,
  { on, off, run }: { on: [string, string]; off: [string, string]; run: (req: FastifyRequest & { params: z.infer<P> }, on: boolean) => Promise<unknown> },
) {
  for (const [[action, summary], value] of [[on, true], [off, false]] as const) {
    // Fastify cannot resolve the request and reply types of generic schemas: the schemas given check both at run time.
    const handle = (req: FastifyRequest) => run(req as FastifyRequest & { params: z.infer<P> }, value);
    app.post(`${path}/${action}`, { schema: { tags: ['admin'], summary, params, response: { 200: result, ...WriteProblems } } }, handle);
  }
}

export const adminRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('preValidation', adminOnly);

  app.get(
    '/users',
    { schema: { tags: ['admin'], summary: 'Users matching a search by name or email, role and company (the first 50, and how many match)', querystring: AdminUserQuery, response: { 200: AdminUserList, ...reads } } },
    async (req) => adminUsers(app.deps.database, req.query),
  );

  switchRoutes(app, '/users/:userId', AdminUserParams, AccountChangeResult, {
    on: ['disable', 'Disable a user: they cannot sign in, their sessions end and their tracker tokens are revoked (not yourself)'],
    off: ['enable', 'Enable a disabled user: they may sign in again (revoked trackers stay revoked)'],
    run: (req, disabled) => setUserDisabled(app.deps.database, req.user, req.params.userId, disabled, app.deps.clock.now()),
  });

  app.get(
    '/companies',
    { schema: { tags: ['admin'], summary: 'Every company, with its number of clients and contracts', response: { 200: AdminCompanyList, ...reads } } },
    async () => ({ companies: await adminCompanies(app.deps.database) }),
  );

  app.post(
    '/companies',
    { schema: { tags: ['admin'], summary: 'Create a company (its name trimmed, 1–100 characters, unique in any case)', body: CompanyBody, response: { 201: AdminCompany, ...WriteProblems } } },
    async (req, reply) => reply.code(201).send(await createCompany(app.deps.database, req.user, req.body.name, app.deps.clock.now())),
  );

  app.patch(
    '/companies/:companyId',
    { schema: { tags: ['admin'], summary: 'Rename a company', params: CompanyParams, body: CompanyBody, response: { 200: AdminCompany, ...WriteProblems } } },
    async (req) => renameCompanyAs(app.deps.database, req.user, req.params.companyId, req.body.name, app.deps.clock.now()),
  );

  switchRoutes(app, '/companies/:companyId', CompanyParams, CompanyChangeResult, {
    on: ['reactivate', 'Reactivate a company: its clients may sign in again and its active contracts take uploads again'],
    off: [
      'deactivate',
      'Deactivate a company: its clients are signed out and cannot sign in, its contracts keep their status but take no uploads, and no one is invited into it',
    ],
    run: (req, active) => setCompanyActive(app.deps.database, req.user, req.params.companyId, active, app.deps.clock.now()),
  });

  app.get(
    '/contracts',
    {
      schema: {
        tags: ['admin'],
        summary: 'Contracts by company, status and part of the title or contractor (the first 50, and how many match)',
        querystring: AdminContractQuery,
        response: { 200: AdminContractList, ...reads },
      },
    },
    async (req) => adminContracts(app.deps.database, req.query, app.deps.clock.now()),
  );

  app.post(
    '/contracts',
    {
      schema: { tags: ['admin'], summary: 'Create an active contract for an existing contractor (as `npm run admin -- contract create`)', body: NewContract, response: { 201: Contract, ...WriteProblems } },
    },
    async (req, reply) => reply.code(201).send(await createContract(app.deps.database, req.user, req.body, app.deps.clock.now())),
  );

  app.get(
    '/audit',
    {
      schema: {
        tags: ['admin'],
        summary: 'The audit trail, newest first, 50 at a time (before=older for the next page), filtered by company, contract, user and kind',
        querystring: AuditQuery,
        response: { 200: AuditPage, ...reads },
      },
    },
    async (req) => auditPage(app.deps.database, req.query),
  );
};
