// The contractor's trackers (cookie session): connect a device, list them, revoke one. And
// the tracker's own calls (bearer token): its start-up call and its device key.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Problem } from '#contract/common.ts';
import { CreatedTracker, CreateTracker, DeviceKey, DeviceKeyBody, TrackerList, TrackerParams, TrackerSession } from '#contract/trackers.ts';
import { authenticateTracker, requireTracker } from '../auth.ts';
import { registerDeviceKey } from '../services/device-key-service.ts';
import { createTracker, listTrackers, revokeUserTracker, trackerSession } from '../services/tracker-service.ts';

const errors = { 401: Problem, 403: Problem };

export const trackerRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/trackers',
    {
      schema: {
        tags: ['trackers'],
        summary: 'Connect a tracker (contractor): a token for one device, shown only in this answer',
        body: CreateTracker,
        response: { 201: CreatedTracker, 400: Problem, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await createTracker(app.deps.database, req.user, req.body.deviceName, app.deps.clock.now())),
  );

  app.get(
    '/trackers',
    {
      schema: {
        tags: ['trackers'],
        summary: 'My trackers (contractor), newest first, revoked ones included; never the token',
        response: { 200: TrackerList, ...errors },
      },
    },
    async (req) => ({ trackers: await listTrackers(app.deps.database, req.user) }),
  );

  app.delete(
    '/trackers/:trackerId',
    {
      schema: {
        tags: ['trackers'],
        summary: 'Revoke a tracker (contractor): its token stops working at once; the row stays',
        params: TrackerParams,
        response: { 204: z.null(), 400: Problem, 404: Problem, ...errors },
      },
    },
    async (req, reply) => {
      await revokeUserTracker(app.deps.database, req.user, req.params.trackerId, app.deps.clock.now());
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/tracker/session',
    {
      onRequest: authenticateTracker,
      schema: {
        tags: ['tracker'],
        summary: 'The tracker’s start-up call (bearer token): its contractor, device, active contracts and the server’s clock',
        security: [{ tracker: [] }],
        response: { 200: TrackerSession, 401: Problem },
      },
    },
    async (req) => trackerSession(app.deps.database, requireTracker(req), app.deps.clock.now()),
  );

  app.put(
    '/tracker/key',
    {
      onRequest: authenticateTracker,
      schema: {
        tags: ['tracker'],
        summary: 'Register the device key (bearer token), once per token: the same key again is 200, another one 409',
        security: [{ tracker: [] }],
        body: DeviceKeyBody,
        response: { 200: DeviceKey, 201: DeviceKey, 400: Problem, 401: Problem, 409: Problem },
      },
    },
    async (req, reply) => {
      const { httpStatus, ...body } = await registerDeviceKey(app.deps.database, requireTracker(req), req.body.publicKey, app.deps.clock.now());
      return reply.code(httpStatus).send(body);
    },
  );
};
