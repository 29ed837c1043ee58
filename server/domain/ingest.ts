// The rules of an upload from the tracker, without I/O: activity from the per-minute counts,
// where the slot may fall in time, and what an upload means next to what is already stored
// at that instant (new, a replay, or a conflict).
import { SLOT_MS } from '#contract/common.ts';

/** A slot may start at most this far after the server's clock (the tracker's clock may run ahead). */
export const CLOCK_SKEW_MS = 2 * 60_000;

/** Minutes with any input: keyboard + mouse > 0. */
export function activeMinutes(keyboard: readonly number[], mouse: readonly number[]): number {
  let n = 0;
  for (let m = 0; m < keyboard.length; m++) if ((keyboard[m] ?? 0) + (mouse[m] ?? 0) > 0) n++;
  return n;
}

export const startsTooLate = (start: Date, now: Date) => start.getTime() > now.getTime() + CLOCK_SKEW_MS;

export const capturedInside = (start: Date, capturedAt: Date) =>
  capturedAt.getTime() >= start.getTime() && capturedAt.getTime() < start.getTime() + SLOT_MS;

export interface SlotPayload {
  keyboard: readonly number[];
  mouse: readonly number[];
  memo: string;
  windowTitle: string;
  screenshotSha256: string | null;
  capturedAt: Date | null;
}

/** What the contractor already has at the upload's start instant, on any contract. */
export interface StoredSlot extends SlotPayload {
  contractId: string;
  kind: 'tracked' | 'manual';
  deleted: boolean;
}

export type UploadVerdict =
  | { kind: 'new' }
  | { kind: 'unchanged' }
  | { kind: 'conflict'; status: 409 | 410; reason: string };

const same = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((x, i) => x === b[i]);

function samePayload(a: SlotPayload, b: SlotPayload): boolean {
  return (
    same(a.keyboard, b.keyboard) &&
    same(a.mouse, b.mouse) &&
    a.memo === b.memo &&
    a.windowTitle === b.windowTitle &&
    a.screenshotSha256 === b.screenshotSha256 &&
    (a.capturedAt?.getTime() ?? null) === (b.capturedAt?.getTime() ?? null)
  );
}

/**
 * An upload against what is stored at its instant: nothing (new); the identical upload
 * (a replay, a no-op success); a deleted slot (410); anything else (409). One contractor has
 * one slot per instant across all their contracts.
 */
export function judgeUpload(contractId: string, start: Date, upload: SlotPayload, stored: StoredSlot | null): UploadVerdict {
  if (!stored) return { kind: 'new' };
  const at = start.toISOString();
  if (stored.contractId !== contractId) {
    return {
      kind: 'conflict',
      status: 409,
      reason: `You already have a slot at ${at} on another contract: the same 10 minutes cannot be billed twice. Upload it to one contract only.`,
    };
  }
  if (stored.deleted) {
    return { kind: 'conflict', status: 410, reason: `The slot at ${at} was deleted by you; deleted time cannot be uploaded again.` };
  }
  if (stored.kind === 'manual') {
    return { kind: 'conflict', status: 409, reason: `The slot at ${at} is manual time; a tracked slot cannot replace it. Delete the manual slot first.` };
  }
  if (samePayload(stored, upload)) return { kind: 'unchanged' };
  return {
    kind: 'conflict',
    status: 409,
    reason: `A different upload is already stored for the slot at ${at}; a stored slot is never replaced. Edit its memo on the dashboard instead.`,
  };
}
