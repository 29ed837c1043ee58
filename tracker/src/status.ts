// The status line the contractor reads: which slot of which contract, the activity so far,
// the upload queue and the last error.
import type { TrackerContract } from './api.ts';
import { SLOT_MS } from './slots.ts';
import type { UploaderState } from './uploader.ts';

export interface TrackerStatus {
  contractId: string;
  /** The slot being recorded, or null (between a switch and the next boundary, or after a discard). */
  slot: { contractId: string; start: number; end: number; keyboard: number[]; mouse: number[]; activeMinutes: number; discarded: boolean } | null;
  /** When no slot is recorded: the start of the next one. */
  nextSlotAt: number | null;
  paused: boolean;
  memo: string;
  queued: number;
  uploader: UploaderState;
  lastShot: { path: string; capturedAt: number; slotStart: number; discardableUntil: number } | null;
  lastError: { at: number; message: string } | null;
}

export const hhmm = (t: number) => new Date(t).toISOString().slice(11, 16);
export const slotLabel = (start: number) => `${hhmm(start)}–${hhmm(start + SLOT_MS)} UTC`;

export function contractLabel(contracts: readonly TrackerContract[], id: string): string {
  const c = contracts.find((x) => x.id === id);
  return c ? `${c.title} (${c.companyName})` : `contract ${id}`;
}

export function formatStatus(s: TrackerStatus, contracts: readonly TrackerContract[], now: number): string {
  const parts: string[] = [];
  if (s.slot) {
    const minute = Math.min(10, Math.floor((now - s.slot.start) / 60_000) + 1);
    parts.push(`${slotLabel(s.slot.start)} · ${contractLabel(contracts, s.slot.contractId)}`);
    parts.push(s.slot.discarded ? 'slot discarded' : `active ${s.slot.activeMinutes} of ${minute} min`);
  } else {
    parts.push(`next slot ${hhmm(s.nextSlotAt ?? now)} UTC · ${contractLabel(contracts, s.contractId)}`);
  }
  if (s.paused) parts.push('PAUSED');
  const up = s.uploader;
  let queue = `queued ${s.queued}`;
  if (up.phase === 'unauthorized') queue += ' (uploads stopped: token refused, reconnect)';
  else if (up.phase === 'waiting' && up.nextAttemptAt !== null) queue += ` (retry in ${Math.max(0, Math.round((up.nextAttemptAt - now) / 1000))} s)`;
  else if (up.phase === 'uploading') queue += ' (uploading)';
  parts.push(queue);
  parts.push(`uploaded ${up.uploaded}${up.rejected ? `, refused ${up.rejected}` : ''}`);
  if (s.memo) parts.push(`memo "${s.memo.length > 40 ? `${s.memo.slice(0, 39)}…` : s.memo}"`);
  if (s.lastShot && now < s.lastShot.discardableUntil) parts.push(`screenshot ${s.lastShot.path} (discard: ${Math.ceil((s.lastShot.discardableUntil - now) / 1000)} s left)`);
  if (s.lastError) parts.push(`last error ${new Date(s.lastError.at).toISOString().slice(11, 19)}: ${s.lastError.message}`);
  return parts.join(' · ');
}
