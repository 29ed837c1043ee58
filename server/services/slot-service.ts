// One slot as the dashboard shows it, and the contractor's edits to slots: delete, memo,
// manual time. Every edit runs under the week's lock and is written to the audit trail.
import type { ContractRow as Contract } from '../data/contracts.ts';
import type { SlotDetail } from '#contract/week.ts';
import { SLOT_MS } from '#contract/common.ts';
import type { Database, Queryable } from '../db/client.ts';
import { deleteUnusedOriginal } from '../data/originals.ts';
import { deleteUnusedScreenshot, type ErasedScreenshot } from '../data/screenshots.ts';
import { chainReceipts, slotReceipt } from './chain-service.ts';
import { findContractorSlotAt, findSlot, findSlotDispute, insertManualSlots, lockSlot, markSlotDeleted, setSlotMemo } from '../data/slots.ts';
import { appendAudit } from '../data/audit.ts';
import { lockWeek } from '../data/weeks.ts';
import type { User } from '../data/users.ts';
import { disputeAt } from '../domain/disputes.ts';
import { weekActions } from '../domain/lifecycle.ts';
import { weekStartOf } from '../domain/week.ts';
import { HttpProblem, notFound } from '../lib/problem.ts';
import { BlobStoreUnavailableError, type BlobStore } from '../storage/blob-store.ts';
import { loadWeekState } from './week-state.ts';
import { overCapCheck } from '../notify/events.ts';

export const slotNotFound = (start: Date) => notFound(`The slot starting ${start.toISOString()}`);

export async function slotDetail(q: Queryable, contract: Contract, start: Date, now: Date): Promise<SlotDetail> {
  // The state depends on the whole week (the cap runs in time order). The three reads are
  // independent, so they go out together.
  const weekStart = weekStartOf(start);
  const [slot, ws, dispute] = await Promise.all([findSlot(q, contract.id, start), loadWeekState(q, contract, weekStart, now), findSlotDispute(q, contract.id, start)]);
  if (!slot) throw slotNotFound(start);
  const offset = (start.getTime() - weekStart.getTime()) / SLOT_MS;
  const state = slot.deletedAt ? 'deleted' : (ws.states[ws.rows.findIndex((r) => r.o === offset)] ?? 'billable');
  return {
    contractId: contract.id,
    start: start.toISOString(),
    end: new Date(start.getTime() + SLOT_MS).toISOString(),
    kind: slot.kind,
    state,
    ...(slot.deletedAt
      ? // As in the week: a deleted slot says only when it was deleted.
        { activeMinutes: 0, keyboard: [], mouse: [], memo: '', windowTitle: '', deletedAt: slot.deletedAt.toISOString() }
      : { activeMinutes: slot.activeMinutes, keyboard: slot.keyboard, mouse: slot.mouse, memo: slot.memo, windowTitle: slot.windowTitle, deletedAt: null }),
    redactedAt: slot.redactedAt?.toISOString() ?? null,
    blurred: slot.blurred && !slot.deletedAt,
    dispute: dispute && { id: dispute.id, status: disputeAt(dispute, now).status },
    // A deleted slot's screenshot was erased with it (or kept for another slot): never shown.
    screenshot:
      slot.screenshot && slot.capturedAt && !slot.deletedAt
        ? {
            capturedAt: slot.capturedAt.toISOString(),
            width: slot.screenshot.width,
            height: slot.screenshot.height,
            mime: slot.screenshot.mime,
            bytes: slot.screenshot.bytes,
            sha256: slot.screenshot.sha256,
            duplicate: slot.duplicate,
            purgedAt: slot.screenshot.purgedAt ? new Date(slot.screenshot.purgedAt).toISOString() : null,
          }
        : null,
  };
}

/** Only the contract's contractor edits its slots; others who may see it are refused with a reason. */
export function requireContractor(user: User, contract: Contract, what: string) {
  if (user.role !== 'contractor' || user.id !== contract.contractor.id) {
    throw new HttpProblem(403, `Only the contractor of this contract may ${what}. You may view it; a client disputes slots instead.`);
  }
}

/** Locks the week and checks the contractor may still edit it. */
export async function openWeekForEdit(tx: Queryable, contract: Contract, start: Date, now: Date) {
  const weekStart = weekStartOf(start);
  await lockWeek(tx, contract.id, weekStart);
  const ws = await loadWeekState(tx, contract, weekStart, now);
  const edit = weekActions(weekStart, now, ws.approval).edit;
  if (!edit.ok) throw new HttpProblem(409, edit.reason);
  return ws;
}

export const heldProblem = (start: Date) =>
  new HttpProblem(409, `The slot starting ${start.toISOString()} is held in a dispute; answer the dispute instead. A held slot cannot be edited or deleted.`);

/**
 * Deletes a slot: its time goes (the cap moves), its screenshot is erased when no other slot
 * of the contract shows the same image, and the audit trail keeps the fact.
 */
export async function deleteSlot(database: Database, blobs: BlobStore, user: User, contract: Contract, start: Date, now: Date) {
  requireContractor(user, contract, 'delete its slots');
  const erased = await database.transaction(async (tx) => {
    await openWeekForEdit(tx, contract, start, now);
    const slot = await lockSlot(tx, contract.id, start);
    if (!slot) throw slotNotFound(start);
    if (slot.held) throw heldProblem(start);
    await markSlotDeleted(tx, contract.id, start, now);
    await chainReceipts(tx, contract.id, [{ type: 'delete', contract: contract.id, start: start.toISOString(), at: now.toISOString() }]);
    const gone = slot.sha ? await deleteUnusedScreenshot(tx, contract.id, slot.sha) : null;
    const original = slot.original ? await deleteUnusedOriginal(tx, contract.id, slot.original) : null;
    await appendAudit(tx, {
      at: now,
      actorId: user.id,
      action: 'slot.deleted',
      contractId: contract.id,
      weekStart: weekStartOf(start),
      subject: start.toISOString(),
      before: { kind: slot.kind, memo: slot.memo, screenshotSha256: slot.sha },
      after: { deleted: true, screenshotErased: gone !== null },
    });
    return { gone, original };
  });
  await eraseScreenshot(blobs, contract.id, erased.gone, [erased.original]);
}

/**
 * After the commit that stopped a row pointing at them, the files of a screenshot no slot shows
 * any more. A crash here, or a store that is not answering, leaves orphan files for the orphan
 * sweep, never a row without its file; the change stands either way, so nobody is told to
 * try again.
 */
export async function eraseScreenshot(
  blobs: BlobStore,
  contractId: string,
  erased: ErasedScreenshot | null,
  /** The blob keys of encrypted originals let go of too (a blur-all contract's). */
  originalKeys: (string | null)[] = [],
) {
  try {
    for (const key of originalKeys) if (key) await blobs.delete(contractId, key);
    if (!erased) return;
    await blobs.delete(contractId, erased.sha256);
    if (erased.thumbShared) return;
    await blobs.delete(contractId, erased.thumbSha256);
    if (erased.sheetSha256) await blobs.delete(contractId, erased.sheetSha256);
  } catch (err) {
    if (!(err instanceof BlobStoreUnavailableError)) throw err;
  }
}

export async function editSlotMemo(database: Database, user: User, contract: Contract, start: Date, memo: string, now: Date) {
  requireContractor(user, contract, 'edit its memos');
  await database.transaction(async (tx) => {
    await openWeekForEdit(tx, contract, start, now);
    const slot = await lockSlot(tx, contract.id, start);
    if (!slot) throw slotNotFound(start);
    if (slot.held) throw heldProblem(start);
    if (slot.memo === memo) return;
    await setSlotMemo(tx, contract.id, start, memo);
    await chainReceipts(tx, contract.id, [{ type: 'memo', contract: contract.id, start: start.toISOString(), memo, at: now.toISOString() }]);
    await appendAudit(tx, {
      at: now,
      actorId: user.id,
      action: 'slot.memo_edited',
      contractId: contract.id,
      weekStart: weekStartOf(start),
      subject: start.toISOString(),
      before: { memo: slot.memo },
      after: { memo },
    });
  });
  return slotDetail(database, contract, start, now);
}

/** Adds manual time in whole slots [start, end), where the week's terms allow it. */
export async function addManualTime(
  database: Database,
  user: User,
  contract: Contract,
  range: { start: Date; end: Date; memo: string },
  now: Date,
): Promise<Date[]> {
  requireContractor(user, contract, 'add manual time');
  const weekStart = weekStartOf(range.start);
  if (weekStartOf(new Date(range.end.getTime() - 1)).getTime() !== weekStart.getTime()) {
    throw new HttpProblem(400, 'Manual time must fall within one billing week (Monday to Sunday, UTC).', [
      { field: 'body.end', message: 'must be in the same billing week as start' },
    ]);
  }
  if (range.end.getTime() > now.getTime()) {
    throw new HttpProblem(400, 'Manual time cannot be added in the future.', [
      { field: 'body.end', message: `must not be after now (${now.toISOString()})` },
    ]);
  }
  const starts: Date[] = [];
  for (let t = range.start.getTime(); t < range.end.getTime(); t += SLOT_MS) starts.push(new Date(t));
  await database.transaction(async (tx) => {
    const ws = await openWeekForEdit(tx, contract, range.start, now);
    if (!ws.terms.manualTimeAllowed) {
      throw new HttpProblem(409, 'This contract does not allow manual time for this week. The client can allow it from the next Monday.');
    }
    const clash = await findContractorSlotAt(tx, contract.contractor.id, starts);
    if (clash) {
      const at = clash.start.toISOString();
      throw new HttpProblem(
        409,
        clash.contractId !== contract.id
          ? `You already have a slot at ${at} on another contract: the same 10 minutes cannot be billed twice.`
          : clash.deleted
            ? `The slot at ${at} was deleted; deleted time cannot be added back.`
            : `There is already a slot at ${at}. Manual time only fills empty slots.`,
      );
    }
    await insertManualSlots(tx, contract.id, contract.contractor.id, starts, range.memo);
    const manual = { kind: 'manual', capturedAt: null, screenshotSha256: null, keyboard: [], mouse: [], memo: range.memo, windowTitle: '' } as const;
    await chainReceipts(tx, contract.id, starts.map((start) => slotReceipt(contract.id, { ...manual, start, keyboard: [], mouse: [] }, now)));
    await overCapCheck(tx, contract, weekStart, now);
    await appendAudit(tx, {
      at: now,
      actorId: user.id,
      action: 'slot.manual_added',
      contractId: contract.id,
      weekStart,
      subject: `${range.start.toISOString()}/${range.end.toISOString()}`,
      before: null,
      after: { slots: starts.length, memo: range.memo },
    });
  });
  return starts;
}
