// Pure slot cutting: aligned 10-minute UTC slots, per-minute input buckets, the random
// screenshot second, and whether a finished slot is worth uploading. No I/O, no clock.
import type { Rng } from './rng.ts';

export const SLOT_MS = 600_000;
const MINUTE_MS = 60_000;
const MINUTES = 10;
/** The server refuses more per minute; a stuck key must not make a slot unstorable. */
export const MAX_PER_MINUTE = 10_000;

export type InputKind = 'keyboard' | 'mouse';

export interface Shot {
  capturedAt: number;
  /** The encoded image. */
  bytes: Buffer;
  mime: 'image/webp' | 'image/jpeg';
  windowTitle: string;
}

export interface SlotRecording {
  contractId: string;
  start: number;
  end: number;
  /** When the tracker began recording this slot: earlier minutes are idle. */
  runningFrom: number;
  /** Set when the slot ended early (contract switch, quit): later minutes count 0. */
  closedAt: number | null;
  keyboard: number[];
  mouse: number[];
  /** The planned screenshot instant, or null when no whole second of the slot is left. */
  captureAt: number | null;
  shot: Shot | null;
  discarded: boolean;
}

export const slotStartOf = (t: number) => Math.floor(t / SLOT_MS) * SLOT_MS;

/** The minute (0–9) of the slot that contains `t`, or -1 when `t` is outside it. */
export function minuteIndex(start: number, t: number): number {
  const i = Math.floor((t - start) / MINUTE_MS);
  return i >= 0 && i < MINUTES ? i : -1;
}

/**
 * A whole second drawn uniformly from the part of the slot that is left from `from`
 * (inclusive) to `end` (exclusive); null when no whole second is left.
 */
export function pickCaptureInstant(rng: Rng, start: number, from: number, end: number = start + SLOT_MS): number | null {
  const first = Math.max(0, Math.ceil((from - start) / 1000));
  const last = Math.ceil((end - start) / 1000) - 1;
  if (first > last) return null;
  const s = first + Math.min(last - first, Math.floor(rng() * (last - first + 1)));
  return start + s * 1000;
}

/** Starts recording the slot that contains `t` for a contract. */
export function openSlot(contractId: string, t: number, rng: Rng): SlotRecording {
  const start = slotStartOf(t);
  return {
    contractId,
    start,
    end: start + SLOT_MS,
    runningFrom: t,
    closedAt: null,
    keyboard: new Array(MINUTES).fill(0),
    mouse: new Array(MINUTES).fill(0),
    captureAt: pickCaptureInstant(rng, start, t),
    shot: null,
    discarded: false,
  };
}

/** Counts one input event at `t` in its minute; false when the slot does not take it. */
export function countInput(slot: SlotRecording, kind: InputKind, t: number): boolean {
  if (slot.discarded || t < slot.runningFrom || (slot.closedAt !== null && t >= slot.closedAt)) return false;
  const i = minuteIndex(slot.start, t);
  if (i < 0) return false;
  const counts = kind === 'keyboard' ? slot.keyboard : slot.mouse;
  counts[i] = Math.min(MAX_PER_MINUTE, counts[i]! + 1);
  return true;
}

/** Ends the slot at `t` (or at its end, whichever is first); a planned screenshot after that is dropped. */
export function closeSlot(slot: SlotRecording, t: number): void {
  if (slot.closedAt !== null) return;
  slot.closedAt = Math.min(Math.max(t, slot.start), slot.end);
  if (slot.captureAt !== null && slot.captureAt >= slot.closedAt && !slot.shot) slot.captureAt = null;
}

/** A minute is active when it had any input. */
export const activeMinutes = (keyboard: readonly number[], mouse: readonly number[]) =>
  keyboard.reduce((n, k, i) => n + (k > 0 || (mouse[i] ?? 0) > 0 ? 1 : 0), 0);

export type SlotOutcome = 'upload' | 'discarded' | 'empty';

/**
 * What happens to a finished slot: the contractor discarded it, or it has nothing to show
 * (no screenshot and no input: paused, or the screenshot failed on an idle slot), or it uploads.
 */
export function slotOutcome(slot: SlotRecording): SlotOutcome {
  if (slot.discarded) return 'discarded';
  if (!slot.shot && activeMinutes(slot.keyboard, slot.mouse) === 0) return 'empty';
  return 'upload';
}

export const isoOf = (t: number) => new Date(t).toISOString();
