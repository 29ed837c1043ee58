// Sealed weeks: the installation's public key (public, like a certificate), and a week's seal
// (under /contracts/:contractId, with the contract's access check).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Problem } from '#contract/common.ts';
import { SealKey, WeekSeal } from '#contract/seal.ts';
import { WeekParams } from '#contract/week.ts';
import { parseWeekKey } from '../domain/week.ts';
import { sealKey } from '../lib/seal-key.ts';
import { weekSealView } from '../services/seal-service.ts';

export const sealKeyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/seal-key',
    {
      schema: {
        tags: ['proof'],
        summary: 'The public half of the key that signs sealed weeks (no session needed)',
        security: [],
        response: { 200: SealKey },
      },
    },
    async () => ({ publicKey: sealKey().publicKey, algorithm: 'Ed25519' as const }),
  );
};

/** Under /contracts/:contractId (contract-scope.ts). */
export const weekSealRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/weeks/:weekStart/seal',
    {
      schema: {
        tags: ['proof'],
        summary: 'The week’s seal: its Merkle root, totals and Ed25519 signature (404 until the approval is final)',
        params: WeekParams,
        response: { 200: WeekSeal, 400: Problem, 401: Problem, 404: Problem },
      },
    },
    async (req) => weekSealView(app.deps.database, req.contract.id, parseWeekKey(req.params.weekStart)),
  );
};
