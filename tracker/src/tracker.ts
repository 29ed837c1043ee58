// The tracker: cuts the clock into slots for the chosen contract, counts input into the
// slot's minutes, takes the slot's screenshot at its random second, and hands each finished
// slot to the queue. Every source of time, randomness, input and pixels is a parameter.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { CaptureScreen } from './capture.ts';
import type { Clock, Timer } from './clock.ts';
import type { InputSource } from './activity.ts';
import { writeFileAtomic } from './fs-atomic.ts';
import { entryId, type Queue } from './queue.ts';
import type { Rng } from './rng.ts';
import { hhmm, slotLabel, type TrackerStatus } from './status.ts';
import {
  activeMinutes,
  closeSlot,
  countInput,
  isoOf,
  openSlot,
  pickCaptureInstant,
  slotOutcome,
  slotStartOf,
  SLOT_MS,
  type InputKind,
  type SlotRecording,
} from './slots.ts';
import type { Uploader } from './uploader.ts';
import { clip, type WindowTitle } from './window-title.ts';

/** How long after its capture a screenshot may be discarded; its slot waits that long to upload. */
const DISCARD_MS = 60_000;
const MAX_MEMO = 500;

export interface TrackerOptions {
  clock: Clock;
  rng: Rng;
  queue: Queue;
  uploader: Uploader;
  input: InputSource;
  capture: CaptureScreen;
  windowTitle: WindowTitle;
  dataDir: string;
  contractId: string;
  memo?: string;
  log?: (line: string) => void;
}

export interface Tracker {
  start(): Promise<void>;
  setMemo(memo: string): string;
  pause(): string;
  resume(): string;
  switchTo(contractId: string): Promise<string>;
  discard(): Promise<string>;
  status(): TrackerStatus;
  /** Ends the current slot now (its minutes so far are queued) and stops recording. */
  stop(): Promise<void>;
}

interface SavedState {
  /** The latest slot start handed to the queue: a restart never records it twice. */
  lastSlotStart: string | null;
}

export function createTracker(o: TrackerOptions): Tracker {
  const log = o.log ?? (() => {});
  const statePath = path.join(o.dataDir, 'state.json');
  let contractId = o.contractId;
  let memo = clip(o.memo ?? '', MAX_MEMO);
  let paused = false;
  let stopped = false;
  let current: SlotRecording | null = null;
  /** Slots starting before this were recorded already (or ended by a switch). */
  let firstFree = 0;
  let nextSlotAt: number | null = null;
  let captureTimer: Timer | null = null;
  let boundaryTimer: Timer | null = null;
  let lastShot: { slot: SlotRecording; path: string; capturedAt: number } | null = null;
  let lastError: { at: number; message: string } | null = null;
  const finished = new WeakSet<SlotRecording>();
  /** A screenshot being taken: the slot waits for it before it ends. */
  const capturing = new WeakMap<SlotRecording, Promise<void>>();

  const fail = (message: string) => {
    lastError = { at: o.clock.now(), message };
    log(`! ${message}`);
  };

  function scheduleCapture(slot: SlotRecording) {
    captureTimer?.cancel();
    captureTimer = null;
    if (slot.captureAt !== null) captureTimer = o.clock.at(slot.captureAt, () => onCapture(slot));
  }

  function beginAt(t: number) {
    boundaryTimer?.cancel();
    if (stopped) return;
    if (slotStartOf(t) < firstFree) {
      // This slot already went to the queue (before a restart or a switch): wait for the next.
      current = null;
      nextSlotAt = firstFree;
      boundaryTimer = o.clock.at(firstFree, () => beginAt(Math.max(o.clock.now(), firstFree)));
      return;
    }
    nextSlotAt = null;
    const slot = openSlot(contractId, t, o.rng);
    current = slot;
    scheduleCapture(slot);
    boundaryTimer = o.clock.at(slot.end, () => onBoundary(slot));
  }

  async function onBoundary(slot: SlotRecording) {
    const ending = current === slot;
    // The next slot starts first, so no input is lost while this one is written. Late (the
    // machine slept)? The slot that contains now starts, its earlier minutes idle.
    beginAt(Math.max(o.clock.now(), slot.end));
    if (ending) await finish(slot, slot.end);
  }

  function onCapture(slot: SlotRecording): Promise<void> | undefined {
    captureTimer = null;
    if (slot !== current || slot.closedAt !== null || slot.discarded || slot.shot) return;
    if (paused) {
      slot.captureAt = null; // a new second is drawn on resume
      return;
    }
    const taking = takeScreenshot(slot).finally(() => capturing.delete(slot));
    capturing.set(slot, taking);
    return taking;
  }

  async function takeScreenshot(slot: SlotRecording) {
    const at = o.clock.now();
    try {
      const [shot, windowTitle] = await Promise.all([o.capture(), o.windowTitle()]);
      if (finished.has(slot) || slot.discarded) return; // the slot ended while the screens were read
      const file = path.join(o.dataDir, shot.mime === 'image/jpeg' ? 'last-screenshot.jpg' : 'last-screenshot.webp');
      await writeFileAtomic(file, shot.bytes);
      slot.shot = { capturedAt: at, bytes: shot.bytes, mime: shot.mime, windowTitle };
      lastShot = { slot, path: file, capturedAt: at };
      log(`Screenshot at ${new Date(at).toISOString().slice(11, 19)} UTC (${shot.width}×${shot.height}): ${file} — type "discard" within 60 s to drop it and this slot.`);
    } catch (err) {
      fail(`The screenshot failed: ${(err as Error).message}`);
    }
  }

  async function saveState() {
    const state: SavedState = { lastSlotStart: firstFree ? isoOf(firstFree - SLOT_MS) : null };
    await writeFileAtomic(statePath, JSON.stringify(state));
  }

  function cancelCapture() {
    captureTimer?.cancel();
    captureTimer = null;
  }

  async function finish(slot: SlotRecording, t: number) {
    await capturing.get(slot);
    closeSlot(slot, t);
    finished.add(slot);
    const label = slotLabel(slot.start);
    const outcome = slotOutcome(slot);
    if (outcome === 'discarded') return log(`Slot ${label}: discarded, not uploaded.`);
    if (outcome === 'empty') return log(`Slot ${label}: no screenshot and no activity${paused ? ' (paused)' : ''}, not uploaded.`);
    const shot = slot.shot;
    try {
      await o.queue.add(
        {
          contractId: slot.contractId,
          start: isoOf(slot.start),
          meta: {
            ...(shot ? { capturedAt: isoOf(shot.capturedAt) } : {}),
            keyboard: slot.keyboard,
            mouse: slot.mouse,
            memo,
            windowTitle: shot?.windowTitle ?? '',
          },
          holdUntil: shot ? shot.capturedAt + DISCARD_MS : t,
          queuedAt: o.clock.now(),
        },
        shot ? { bytes: shot.bytes, mime: shot.mime } : null,
      );
      firstFree = Math.max(firstFree, slot.end);
      await saveState();
      if (slot.discarded) {
        // Discarded while it was being written.
        await o.queue.remove(entryId(slot.contractId, isoOf(slot.start)));
        return log(`Slot ${label}: discarded, not uploaded.`);
      }
      log(`Slot ${label}: ${activeMinutes(slot.keyboard, slot.mouse)} active min${shot ? '' : ', no screenshot'}; queued for upload.`);
      o.uploader.wake();
    } catch (err) {
      fail(`Could not queue the slot ${label}: ${(err as Error).message}`);
    }
  }

  function onInput(kind: InputKind) {
    if (paused || !current) return;
    countInput(current, kind, o.clock.now());
  }

  return {
    async start() {
      try {
        const saved = JSON.parse(await fs.readFile(statePath, 'utf8')) as SavedState;
        const next = saved.lastSlotStart ? Date.parse(saved.lastSlotStart) + SLOT_MS : 0;
        // A saved slot far ahead means the clock was wrong then (or is now): do not wait for it.
        if (next <= slotStartOf(o.clock.now()) + SLOT_MS) firstFree = next;
      } catch {
        /* first run */
      }
      o.input.start(onInput);
      beginAt(o.clock.now());
      o.uploader.wake();
    },
    setMemo(text) {
      memo = clip(text.trim(), MAX_MEMO);
      return memo.length < text.trim().length ? `Memo cut to ${MAX_MEMO} characters: "${memo}"` : memo ? `Memo: "${memo}"` : 'Memo cleared.';
    },
    pause() {
      if (paused) return 'Already paused.';
      paused = true;
      return 'Paused: no activity is counted and no screenshot is taken until "resume".';
    },
    resume() {
      if (!paused) return 'Not paused.';
      paused = false;
      const now = o.clock.now();
      const slot = current;
      if (slot && !slot.shot && !slot.discarded && slot.closedAt === null && (slot.captureAt === null || slot.captureAt < now)) {
        // The planned second passed while paused: draw another from what is left of the slot.
        slot.captureAt = pickCaptureInstant(o.rng, slot.start, now);
        scheduleCapture(slot);
      }
      return 'Resumed.';
    },
    async switchTo(id) {
      if (id === contractId) return 'Already tracking that contract.';
      const slot = current;
      contractId = id;
      if (slot) {
        current = null;
        cancelCapture();
        await finish(slot, o.clock.now());
        firstFree = Math.max(firstFree, slot.end);
      }
      const next = nextSlotAt ?? firstFree;
      return `Switched. The new contract starts with the next slot, at ${hhmm(Math.max(next, slotStartOf(o.clock.now()) + SLOT_MS))} UTC.`;
    },
    async discard() {
      if (!lastShot) return 'There is no screenshot to discard.';
      const age = o.clock.now() - lastShot.capturedAt;
      const { slot } = lastShot;
      const label = slotLabel(slot.start);
      if (age >= DISCARD_MS) {
        return `Too late: the screenshot of ${label} was taken ${Math.round(age / 1000)} s ago (a screenshot can be discarded within 60 s). Delete the slot on the dashboard instead, until Monday 12:00 UTC.`;
      }
      // Not yet queued (recording, or being written): it is dropped when it ends. Queued: it
      // goes now; it cannot have uploaded, as it is held for these 60 s.
      slot.discarded = true;
      if (finished.has(slot)) await o.queue.remove(entryId(slot.contractId, isoOf(slot.start)));
      await fs.rm(lastShot.path, { force: true });
      lastShot = null;
      return `Discarded the screenshot and the slot ${label}: its time is not recorded.`;
    },
    status() {
      const s = current;
      const up = o.uploader.state();
      const errors = [lastError, up.lastError].filter((e): e is { at: number; message: string } => e !== null);
      return {
        contractId,
        slot: s && { contractId: s.contractId, start: s.start, end: s.end, keyboard: [...s.keyboard], mouse: [...s.mouse], activeMinutes: activeMinutes(s.keyboard, s.mouse), discarded: s.discarded },
        nextSlotAt: s ? null : (nextSlotAt ?? slotStartOf(o.clock.now()) + SLOT_MS),
        paused,
        memo,
        queued: o.queue.size,
        uploader: up,
        lastShot: lastShot && { path: lastShot.path, capturedAt: lastShot.capturedAt, slotStart: lastShot.slot.start, discardableUntil: lastShot.capturedAt + DISCARD_MS },
        lastError: errors.sort((a, b) => b.at - a.at)[0] ?? null,
      };
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      o.input.stop();
      cancelCapture();
      boundaryTimer?.cancel();
      const slot = current;
      current = null;
      if (slot) await finish(slot, o.clock.now());
    },
  };
}
