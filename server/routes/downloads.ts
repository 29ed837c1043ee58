// The desktop tracker, served by the server it uploads to: the dashboard's build packs the
// tracker/ workspace (`npm pack`, vite.config.ts) into dist/downloads/, and the Trackers page
// tells the contractor to `npm install -g <this server>/downloads/workdiary-tracker.tgz`.
// No package of that name is fetched from a registry, so nobody who claims the name there
// receives the contractors' tokens.
//
// Public on purpose: `npm install` of a URL sends no session cookie, and the package is the
// open-source tracker as built, with no setting, secret or user data in it. A tracker token
// (made by a signed-in contractor) is what lets the tracker upload anything.
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { Problem } from '#contract/common.ts';
import { sendProblem } from '../lib/problem.ts';

export const TRACKER_DOWNLOAD = '/downloads/workdiary-tracker.tgz';

const NOT_BUILT =
  'The tracker package has not been built on this server. Whoever runs the server: run `npm run build` (or `npm start`, which builds when needed), ' +
  'then try again. Until then, from a clone of the repository: `npm exec -w tracker workdiary-tracker -- --server <this server> --token <token>`.';

interface Packed {
  mtimeMs: number;
  size: number;
  etag: string;
  bytes: Buffer;
}

/** `dir`: the built dashboard's folder (dist/); undefined when the server runs without one. */
export const downloadRoutes: FastifyPluginAsync<{ dir?: string }> = async (app, { dir }) => {
  const file = dir && path.join(dir, TRACKER_DOWNLOAD);
  // Read again only when a rebuild replaced the file, so a running server serves the new one.
  let packed: Packed | null = null;
  const load = async (): Promise<Packed | null> => {
    if (!file) return null;
    const st = await fs.stat(file).catch(() => null);
    if (!st?.isFile()) return null;
    if (packed?.mtimeMs === st.mtimeMs && packed.size === st.size) return packed;
    const bytes = await fs.readFile(file);
    packed = { mtimeMs: st.mtimeMs, size: st.size, etag: `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 27)}"`, bytes };
    return packed;
  };

  app.get(
    TRACKER_DOWNLOAD,
    {
      schema: {
        tags: ['downloads'],
        summary: 'The desktop tracker as an npm package (no session needed): `npm install -g` this address',
        security: [],
        produces: ['application/gzip'],
        // For the API document; a Buffer is sent as it is, never through a serializer.
        response: { 200: z.string().describe('The npm package: a gzip tarball'), 304: z.null().describe('Unchanged since its ETag'), 404: Problem },
      },
    },
    async (req, reply) => {
      const tgz = await load();
      if (!tgz) return sendProblem(reply, 404, NOT_BUILT);
      // The address stays the same across versions: a client keeps the file but asks each
      // time whether it changed (ETag), so an updated server hands out its own tracker.
      reply.header('ETag', tgz.etag).header('Cache-Control', 'no-cache');
      const known = req.headers['if-none-match']?.split(',').map((t) => t.trim().replace(/^W\//, ''));
      if (known?.includes(tgz.etag) || known?.includes('*')) return reply.code(304).send();
      return reply
        .type('application/gzip')
        .header('Content-Disposition', 'attachment; filename="workdiary-tracker.tgz"')
        .send(tgz.bytes);
    },
  );
};
