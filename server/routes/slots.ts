import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Problem } from '#contract/common.ts';
import { SlotDetail, SlotParams } from '#contract/week.ts';
import { findVisibleSlotImage } from '../data/screenshots.ts';
import { contractNotFound } from '../services/contract-service.ts';
import { revealOriginal } from '../services/original-service.ts';
import { slotDetail } from '../services/slot-service.ts';
import { HttpProblem, notFound } from '../lib/problem.ts';

const ImageResponse = z.any().describe('The image bytes');

/** Under /contracts/:contractId (contract-scope.ts). */
export const slotRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/slots/:start',
    {
      schema: {
        tags: ['slots'],
        summary: 'One slot, with per-minute activity and its screenshot’s facts',
        params: SlotParams,
        response: { 200: SlotDetail, 400: Problem, 401: Problem, 404: Problem },
      },
    },
    async (req) => slotDetail(app.deps.database, req.contract, new Date(req.params.start), app.deps.clock.now()),
  );

  // Its own access check, in the image's one read (contract-scope.ts).
  async function sendImage(
    req: FastifyRequest,
    params: z.infer<typeof SlotParams>,
    reply: FastifyReply,
    which: 'thumbnail' | 'screenshot',
  ) {
    const image = await findVisibleSlotImage(app.deps.database, req.user, params.contractId, new Date(params.start));
    if (!image) throw contractNotFound();
    if (!image.slot) throw notFound(`The slot starting ${new Date(params.start).toISOString()}`);
    if (!image.sha256 || !image.thumbSha256 || !image.mime) throw notFound('A screenshot for this slot (it is manual time)');
    if (image.purgedAt) {
      const on = new Date(image.purgedAt).toISOString().slice(0, 10);
      throw new HttpProblem(410, `This screenshot was deleted by retention on ${on}. Its sha256 (${image.sha256}) and the slot's receipt remain.`);
    }
    reply.header('Vary', 'Cookie');
    const { blobs } = app.deps;
    if (which === 'screenshot' && blobs.signedUrl) {
      // Full size from the bucket itself, by a short-lived URL. Signed by the wall clock, which
      // the bucket checks it against (the server's own clock may be the demo's). The redirect
      // is kept until the URL changes, so the browser's cache of the image works.
      const now = new Date();
      const signed = await blobs.signedUrl(params.contractId, image.sha256, now, image.mime);
      reply.header('Cache-Control', `private, max-age=${Math.max(0, Math.floor((signed.sameUntil.getTime() - now.getTime()) / 1000))}`);
      return reply.redirect(signed.url, 302);
    }
    const sha = which === 'thumbnail' ? image.thumbSha256 : image.sha256;
    const etag = `"${sha}"`;
    // Only the signed-in viewer's browser may keep it; shared caches never.
    reply.header('Cache-Control', 'private, max-age=31536000, immutable');
    reply.header('ETag', etag);
    if (req.headers['if-none-match'] === etag) return reply.code(304).send(null);
    const bytes = await blobs.get(params.contractId, sha);
    if (!bytes) throw notFound('The screenshot file');
    return reply.type(which === 'thumbnail' ? 'image/webp' : image.mime).send(bytes);
  }

  const imageSchema = (summary: string, redirect?: string) => ({
    tags: ['slots'],
    summary,
    ...(redirect ? { description: redirect } : {}),
    params: SlotParams,
    response: { 200: ImageResponse, ...(redirect ? { 302: z.null() } : {}), 304: z.null(), 400: Problem, 401: Problem, 404: Problem, 410: Problem, 503: Problem },
  });

  app.get('/slots/:start/thumbnail', { config: { ownAccessCheck: true }, schema: imageSchema('The slot’s WebP thumbnail (about 320 px wide)') }, (req, reply) =>
    sendImage(req, req.params, reply, 'thumbnail'),
  );
  app.get(
    '/slots/:start/screenshot',
    {
      config: { ownAccessCheck: true },
      schema: imageSchema(
        'The slot’s full screenshot, as uploaded',
        'With screenshots in S3, a 302 to a presigned GET of the image (valid up to 5 minutes, the same URL for 150 s), after the same access check.',
      ),
    },
    (req, reply) => sendImage(req, req.params, reply, 'screenshot'),
  );

  app.get(
    '/slots/:start/original',
    {
      schema: {
        tags: ['slots'],
        summary: 'On a blur-all contract, the original of a blurred screenshot, for an admin, while a dispute on the slot is escalated',
        description: 'Decrypted and checked against the sha256 on the slot’s receipt; each look is on the audit trail.',
        params: SlotParams,
        response: { 200: ImageResponse, 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 410: Problem, 503: Problem },
      },
    },
    async (req, reply) => {
      const { deps } = app;
      const original = await revealOriginal(deps.database, deps.blobs, req.user, req.params.contractId, new Date(req.params.start), deps.clock.now());
      // Shown, never kept: not by the browser, not by any cache between.
      return reply.header('Cache-Control', 'private, no-store').type(original.mime).send(original.bytes);
    },
  );
};
