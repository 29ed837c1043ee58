// The tracker's upload of one slot (bearer token): multipart with a `meta` JSON field and an
// optional `screenshot` file. This file reads the parts and their limits; the rules are in
// services/ingest-service.ts. The slot's other routes (GET, PATCH, DELETE) take the cookie.
import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Problem } from '#contract/common.ts';
import { SLOT_UPLOAD_BODY_SCHEMA, SlotUploaded, SlotUploadMeta } from '#contract/trackers.ts';
import { SlotParams } from '#contract/week.ts';
import { authenticateTracker, requireTracker } from '../auth.ts';
import { startsTooLate } from '../domain/ingest.ts';
import { HttpProblem, notFound, type FieldError } from '../lib/problem.ts';
import { ingestSlot, type Upload } from '../services/ingest-service.ts';
import { noteTrackerUpload, takesUploads } from '../services/tracker-service.ts';

declare module 'fastify' {
  interface FastifySchema {
    /** A JSON schema of a multipart body, for the OpenAPI document only (app.ts puts it in place). */
    multipartBody?: object;
  }
}

export const MAX_SCREENSHOT_BYTES = 8 * 1024 * 1024;
const MAX_META_BYTES = 16 * 1024;
const UPLOAD_TIMEOUT_MS = 10 * 60_000;

const PARTS_HINT = 'Send multipart/form-data with a "meta" field (JSON) and at most one "screenshot" file.';

const badMeta = (detail: string, errors: FieldError[]) => new HttpProblem(400, `The upload's meta is not valid: ${detail}`, errors);

function parseMeta(text: string | undefined): Upload['meta'] {
  if (text === undefined) throw new HttpProblem(400, `The upload has no "meta" field. ${PARTS_HINT}`, [{ field: 'meta', message: 'is required' }]);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw badMeta(`it is not JSON (${(err as Error).message}).`, [{ field: 'meta', message: 'must be a JSON object' }]);
  }
  const parsed = SlotUploadMeta.safeParse(json);
  if (parsed.success) return parsed.data;
  const errors = parsed.error.issues.map((i) => ({ field: ['meta', ...i.path].join('.'), message: i.message }));
  throw badMeta(`${errors.map((e) => `${e.field} ${e.message}`).join('; ')}.`, errors);
}

/** Reads the parts; the multipart limits surface as 413 with what to do. */
async function readUpload(req: FastifyRequest): Promise<Upload> {
  if (!req.isMultipart()) {
    throw new HttpProblem(415, `The body is ${req.headers['content-type'] ?? 'missing'}. ${PARTS_HINT}`, [{ field: 'body', message: 'must be multipart/form-data' }]);
  }
  let metaText: string | undefined;
  let screenshot: Buffer | null = null;
  try {
    for await (const part of req.parts()) {
      if (part.type === 'file') {
        if (part.fieldname !== 'screenshot') {
          part.file.resume();
          throw new HttpProblem(400, `The upload has a file named "${part.fieldname}". ${PARTS_HINT}`, [{ field: part.fieldname, message: 'is not a part of an upload' }]);
        }
        screenshot = await part.toBuffer();
      } else if (part.fieldname === 'meta') {
        if (part.valueTruncated) throw badMeta(`it is longer than ${MAX_META_BYTES / 1024} KB.`, [{ field: 'meta', message: 'is too long' }]);
        metaText = String(part.value);
      } else {
        throw new HttpProblem(400, `The upload has a field named "${part.fieldname}". ${PARTS_HINT}`, [{ field: part.fieldname, message: 'is not a part of an upload' }]);
      }
    }
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new HttpProblem(413, `The screenshot is larger than ${MAX_SCREENSHOT_BYTES / 1024 / 1024} MB. Downscale it (at most 1920 px wide) or encode it as WebP or JPEG.`, [
        { field: 'screenshot', message: 'must be at most 8 MB' },
      ]);
    }
    if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') throw new HttpProblem(413, `The upload has too many parts. ${PARTS_HINT}`);
    if (err instanceof HttpProblem || (err as { statusCode?: number }).statusCode) throw err;
    // The parser's own complaints (a cut-off body, a missing boundary) are the request's fault.
    throw new HttpProblem(400, `The multipart body could not be read (${(err as Error).message}). ${PARTS_HINT}`, [{ field: 'body', message: 'must be complete multipart/form-data' }]);
  }
  return { meta: parseMeta(metaText), screenshot: screenshot && screenshot.length > 0 ? screenshot : null };
}

/** Under /contracts/:contractId (contract-scope.ts). */
export const ingestRoutes: FastifyPluginAsyncZod = async (app) => {
  // Only here: no other route takes multipart bodies.
  await app.register(multipart, {
    limits: { fileSize: MAX_SCREENSHOT_BYTES, files: 1, fields: 2, parts: 3, fieldSize: MAX_META_BYTES, headerPairs: 50 },
  });

  app.put(
    '/slots/:start',
    {
      onRequest: authenticateTracker,
      // The body streams in inside the handler: an 8 MB screenshot over a slow uplink
      // (~128 kbit/s) takes minutes, and the request deadline would refuse it on every retry.
      // The database work inside keeps its own statement and query timeouts.
      handlerTimeout: UPLOAD_TIMEOUT_MS,
      schema: {
        tags: ['ingestion'],
        summary:
          'Upload one slot from the tracker (bearer token): multipart with "meta" (JSON) and an optional "screenshot". Idempotent: a replay answers 200 unchanged.',
        security: [{ tracker: [] }],
        consumes: ['multipart/form-data'],
        params: SlotParams,
        multipartBody: SLOT_UPLOAD_BODY_SCHEMA,
        response: {
          200: SlotUploaded,
          201: SlotUploaded,
          400: Problem,
          401: Problem,
          404: Problem,
          409: Problem,
          410: Problem,
          413: Problem,
          415: Problem,
          422: Problem,
          503: Problem,
        },
      },
    },
    async (req, reply) => {
      const tracker = requireTracker(req);
      const start = new Date(req.params.start);
      const now = app.deps.clock.now();
      if (startsTooLate(start, now)) {
        throw new HttpProblem(400, `The slot starts ${start.toISOString()}, after the server's clock (${now.toISOString()}) plus 2 minutes: upload a slot once it has ended, and check the computer's clock.`, [
          { field: 'params.start', message: 'must not be in the future' },
        ]);
      }
      // Another contractor's contract (contract-scope.ts), one that is not active, or one of a
      // deactivated company answers exactly like a missing one.
      const { contract } = req;
      if (!(await takesUploads(app.deps.database, contract))) throw notFound('The contract');
      const upload = await readUpload(req);
      const { httpStatus, ...body } = await ingestSlot(app.deps.database, app.deps.blobs, tracker, contract, start, upload, now);
      await noteTrackerUpload(app.deps.database, tracker, now);
      return reply.code(httpStatus).send(body);
    },
  );
};
