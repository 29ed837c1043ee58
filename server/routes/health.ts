// Health for a load balancer or a monitor: the database and the blob store, each checked on
// its own with a short limit, so the answer comes within 2 s even when one of them hangs.
import { z } from 'zod';
import { DemoClock } from '#contract/demo-clock.ts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DATABASE_UNAVAILABLE } from '../db/outage.ts';
import { withDeadline } from '../lib/deadline.ts';
import { problemBody, RETRY_AFTER_SECONDS } from '../lib/problem.ts';

/** Each check's limit: both run at once, so the answer is never later than this and a little. */
const CHECK_TIMEOUT_MS = 1500;

/** What whoever runs the installation checks, by where the blobs live. */
const BLOBS_UNAVAILABLE = {
  disk: 'The screenshot store cannot be written; uploads are refused until it can. Check its folder (free space, permissions).',
  s3: 'The screenshot bucket does not answer or refuses writes; uploads and images are refused until it does. ' +
    'Check that the S3 server is up and reachable, and the WORKDIARY_S3_* settings (bucket, endpoint, keys).',
};

const Check = z.object({
  ok: z.boolean(),
  /** How long the check took, in milliseconds. */
  ms: z.number(),
  /** Why it failed, for whoever runs the installation. */
  error: z.string().optional(),
});
const Checks = {
  database: Check.extend({ kind: z.enum(['pglite', 'postgres']) }),
  blobs: Check,
  now: z.string(),
  /** Set when the demo runs on its own clock rather than today's. */
  demoClock: DemoClock,
};

async function check(what: string, work: () => Promise<void>): Promise<z.infer<typeof Check>> {
  const t0 = performance.now();
  const ms = () => Math.round(performance.now() - t0);
  try {
    await withDeadline(work(), CHECK_TIMEOUT_MS, what);
    return { ok: true, ms: ms() };
  } catch (err) {
    return { ok: false, ms: ms(), error: publicReason(err) };
  }
}

/** The health answer is public: a system error is named by its code (ENOSPC, ECONNREFUSED), never by its message, which holds paths and addresses. */
function publicReason(err: unknown): string {
  const { code, syscall, message } = err as { code?: unknown; syscall?: unknown; message?: unknown };
  if (typeof code === 'string' && typeof syscall === 'string') return `${code} (${syscall})`;
  return typeof message === 'string' ? message : String(err);
}

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/health',
    {
      schema: {
        tags: ['health'],
        summary: 'Whether the database and the blob store answer',
        description:
          'No session needed. 200 when both answer; 503 (a problem document with Retry-After, and the same checks) ' +
          'when either does not, within 2 s even when one of them hangs.',
        security: [],
        response: {
          200: z.object({ status: z.literal('ok'), ...Checks }),
          503: z.object({ type: z.string(), title: z.string(), status: z.literal(503), detail: z.string(), ...Checks }),
        },
      },
    },
    async (_req, reply) => {
      const { database, blobs, clock } = app.deps;
      const [db, store] = await Promise.all([check('The database', () => database.ping(CHECK_TIMEOUT_MS)), check('The blob store', () => blobs.check())]);
      const checks = { database: { kind: database.kind, ...db }, blobs: store, now: clock.now().toISOString(), demoClock: clock.demoStartedAt ? { startedAt: clock.demoStartedAt.toISOString() } : null };
      if (db.ok && store.ok) return { status: 'ok' as const, ...checks };
      const detail = [db.ok ? null : DATABASE_UNAVAILABLE, store.ok ? null : BLOBS_UNAVAILABLE[blobs.kind]].filter(Boolean).join(' ');
      return reply
        .code(503)
        .header('Retry-After', String(RETRY_AFTER_SECONDS))
        .type('application/problem+json')
        .send({ ...problemBody(503, detail), status: 503 as const, ...checks });
    },
  );
};
