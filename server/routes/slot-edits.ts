// The contractor's edits to their slots, until the week's edit deadline.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { WriteProblems } from '#contract/common.ts';
import { AddManualTime, EditSlot, ManualTimeAdded } from '#contract/disputes.ts';
import { ContractParams } from '#contract/contracts.ts';
import { SlotDetail, SlotParams } from '#contract/week.ts';
import { addManualTime, deleteSlot, editSlotMemo } from '../services/slot-service.ts';
import { creating } from './creating.ts';
import { redactSlot } from '../services/redaction-service.ts';

/** Under /contracts/:contractId (contract-scope.ts). */
export const slotEditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.delete(
    '/slots/:start',
    {
      schema: {
        tags: ['slots'],
        summary: 'Delete a slot (contractor, until Monday 12:00 after the week; not a held slot). Its time goes and its screenshot is erased.',
        params: SlotParams,
        response: { 204: z.null(), ...WriteProblems },
      },
    },
    async (req, reply) => {
      await deleteSlot(app.deps.database, app.deps.blobs, req.user, req.contract, new Date(req.params.start), app.deps.clock.now());
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/slots/:start/redaction',
    {
      schema: {
        tags: ['slots'],
        summary: 'Redact a slot’s screenshot (contractor, until the edit deadline; not a held slot): a blurred copy is kept and shown, the original deleted for good',
        description:
          'The original’s sha256 stays on the contract’s chain, so the week’s seal and evidence pack still prove the screenshot existed. ' +
          'Within the contract’s weekly allowance (3 by default) the slot stays billable; past it, its time goes, as with a deletion.',
        params: SlotParams,
        response: { 200: SlotDetail, ...WriteProblems },
      },
    },
    async (req) => redactSlot(app.deps.database, app.deps.blobs, req.user, req.contract, new Date(req.params.start), app.deps.clock.now()),
  );

  app.patch(
    '/slots/:start',
    {
      schema: {
        tags: ['slots'],
        summary: 'Edit a slot’s memo (contractor, until Monday 12:00 after the week; not a held slot)',
        params: SlotParams,
        body: EditSlot,
        response: { 200: SlotDetail, ...WriteProblems },
      },
    },
    async (req) => {
      return editSlotMemo(app.deps.database, req.user, req.contract, new Date(req.params.start), req.body.memo, app.deps.clock.now());
    },
  );

  app.post(
    '/manual-time',
    creating(
      'slots',
      'Add manual time in whole slots with a memo (contractor, where the week’s terms allow it, until the edit deadline)',
      ContractParams,
      AddManualTime,
      ManualTimeAdded,
    ),
    async (req, reply) => {
      const starts = await addManualTime(
        app.deps.database,
        req.user,
        req.contract,
        { start: new Date(req.body.start), end: new Date(req.body.end), memo: req.body.memo },
        app.deps.clock.now(),
      );
      return reply.code(201).send({ starts: starts.map((s) => s.toISOString()) });
    },
  );
};
