import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Problem } from '#contract/common.ts';
import { WeekParams } from '#contract/week.ts';
import { parseWeekKey } from '../domain/week.ts';
import { evidencePack } from '../services/evidence-pack.ts';

/** A download's file name: workdiary-<the contract's title, as a slug>-<week><suffix>. */
export function downloadName(title: string, week: string, suffix: string): string {
  const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'contract';
  return `workdiary-${slug}-${week}${suffix}`;
}

/** Under /contracts/:contractId (contract-scope.ts). */
export const evidenceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/weeks/:weekStart/evidence.zip',
    {
      // The pack streams at the client's pace (some 130 MB for a full week), past the usual
      // deadline; what comes before its first byte is held to the database's and the blob
      // store's own deadlines.
      handlerTimeout: 3_600_000,
      schema: {
        tags: ['timesheets'],
        summary: 'The week’s evidence pack: manifest.json (receipts, links, audit events, seal), the screenshots named by SHA-256, and week.pdf',
        description: 'Streamed as it is written; docs/evidence.md gives the format. A week not sealed yet has `seal: null`.',
        params: WeekParams,
        produces: ['application/zip'],
        // For the API document; the stream is sent as it is, never through a serializer.
        response: { 200: z.any().describe('The zip file'), 400: Problem, 401: Problem, 404: Problem, 503: Problem },
      },
    },
    async (req, reply) => {
      const { contract } = req;
      const stream = await evidencePack(app.deps.database, app.deps.blobs, req.user, contract, parseWeekKey(req.params.weekStart), app.deps.clock.now());
      return reply
        .type('application/zip')
        .header('Content-Disposition', `attachment; filename="${downloadName(contract.title, req.params.weekStart, '-evidence.zip')}"`)
        .header('Cache-Control', 'private, no-store')
        .send(stream);
    },
  );
};
