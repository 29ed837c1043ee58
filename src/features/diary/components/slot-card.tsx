// One 10-minute slot: thumbnail (or the manual-time panel), activity meter, time and memo.
// The card is a group; inside it the time-range button opens the lightbox (its hit area is
// stretched over the card). Where the client may dispute a billable slot, a checkbox in the
// thumbnail's top-left corner ("Select 09:10–09:20") selects it.
import { memo, useEffect, useState, useSyncExternalStore } from 'react';
import type { SlotKind, SlotState } from '#contract/week.ts';
import { slotThumbnailUrl } from '../api/get-slot.ts';
import { slotButtonName } from '../utils/slot-labels.ts';
import { ActivityMeter } from './activity-meter.tsx';
import { DuplicateMarker, StateBadge } from './state-badge.tsx';
import './slot-card.css';

/**
 * On a cold visit the thumbnails on screen ("eager") share the browser's six connections and
 * the server with the off-screen ones the grid renders ahead (its overscan), which lazy
 * loading would fetch at once too (they are within its distance). So the off-screen ones get
 * their `src` only once every eager one has loaded or failed (or after a bound), once per page.
 */
const gate = { open: false, waiting: 0, timer: 0, listeners: new Set<() => void>() };
const GATE_MAX_MS = 2_000;
function openGate() {
  if (gate.open) return;
  gate.open = true;
  window.clearTimeout(gate.timer);
  gate.listeners.forEach((listener) => listener());
}
const subscribeGate = (listener: () => void) => {
  gate.listeners.add(listener);
  return () => gate.listeners.delete(listener);
};
const gateOpen = () => gate.open;
/** Holds the gate while an eager thumbnail loads. */
function holdGate() {
  gate.waiting++;
  if (!gate.timer) gate.timer = window.setTimeout(openGate, GATE_MAX_MS);
  return () => {
    gate.waiting--;
    if (gate.waiting === 0) openGate();
  };
}
/** An off-screen thumbnail: with no eager one on screen after this commit, nothing to wait for. */
function checkGate() {
  const frame = requestAnimationFrame(() => {
    if (gate.waiting === 0) openGate();
  });
  return () => cancelAnimationFrame(frame);
}

export interface SlotCardProps {
  index: number;
  contractId: string;
  /** The slot's start as sent in URLs: `2026-11-24T09:10:00.000Z`. */
  startIso: string;
  range: string;
  dayLabel: string;
  state: SlotState;
  kind: SlotKind;
  active: number;
  memo: string;
  /** False where the card continues a run of the same memo: the text is shown once, on the run's first card. */
  memoShown?: boolean;
  shot: boolean;
  dup: boolean;
  /** For a deleted slot, when the contractor deleted it ("14:03", see deletedWhen). */
  deleted?: string | null;
  tabbable: boolean;
  /** On screen when rendered: its thumbnail loads at once, ahead of the lazy ones. */
  eager?: boolean;
  onOpen: (index: number) => void;
  /** Given when the slot may be selected (to dispute): toggles it, or selects up to it (range). */
  onSelect?: (index: number, range: boolean) => void;
  selected?: boolean;
}

export const SlotCard = memo(function SlotCard(props: SlotCardProps) {
  return props.state === 'deleted' ? <DeletedCard {...props} when={props.deleted ?? null} /> : <LiveCard {...props} />;
});

/**
 * A slot the contractor deleted: said in words, with when, and never like untracked time (the
 * hatched gap). No thumbnail (it was erased), no activity, no checkbox; it opens the lightbox.
 */
function DeletedCard({ index, range, dayLabel, kind, active, when, tabbable, onOpen }: Pick<SlotCardProps, 'index' | 'range' | 'dayLabel' | 'kind' | 'active' | 'tabbable' | 'onOpen'> & { when: string | null }) {
  const name = slotButtonName({ range, state: 'deleted', kind, active, deleted: when });
  return (
    <div role="group" aria-label={`${dayLabel}, ${name}`} className="slot slot--deleted" data-slot={index}>
      <div className="slot__thumb">
        <div className="slot__panel slot__panel--deleted">
          <svg viewBox="0 0 20 20" width="16" height="16" aria-hidden="true">
            <path d="M7.5 4V3h5v1M4 5h12M6 5l.7 11h6.6L14 5" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
          <span>
            Deleted by the contractor
            {when && (
              <span className="slot__deleted-at">
                <span className="slot__deleted-sep"> · </span>
                {when}
              </span>
            )}
          </span>
        </div>
      </div>
      <div className="slot__body">
        <div className="slot__meter-none" aria-hidden="true" />
        <button type="button" className="slot__open" aria-label={name} tabIndex={tabbable ? 0 : -1} onClick={() => onOpen(index)}>
          {range}
        </button>
        <p className="slot__memo slot__memo--none">Not billed</p>
      </div>
    </div>
  );
}

function LiveCard({
  index,
  contractId,
  startIso,
  range,
  dayLabel,
  state,
  kind,
  active,
  memo,
  memoShown = true,
  shot,
  dup,
  tabbable,
  eager = false,
  onOpen,
  onSelect,
  selected = false,
}: SlotCardProps) {
  const [broken, setBroken] = useState(false);
  const [loaded, setLoaded] = useState(false);
  const manual = kind === 'manual';
  const image = !manual && shot && !broken;
  const released = useSyncExternalStore(subscribeGate, gateOpen, gateOpen);
  const holds = image && eager && !loaded && !released;
  const held = image && !eager && !released;
  useEffect(() => (holds ? holdGate() : undefined), [holds]);
  useEffect(() => (held ? checkGate() : undefined), [held]);
  return (
    <div
      role="group"
      aria-label={`${dayLabel}, ${range}, ${memo ? `memo: ${memo}` : 'no memo'}`}
      className={`slot slot--${state}${onSelect ? ' slot--selectable' : ''}${onSelect && selected ? ' is-selected' : ''}`}
      data-slot={index}
    >
      <div className="slot__thumb">
        {onSelect && (
          <label className="slot__select">
            <input
              type="checkbox"
              aria-label={`Select ${range}`}
              aria-keyshortcuts="X"
              checked={selected}
              tabIndex={tabbable ? 0 : -1}
              // A checkbox changes on a click; a shift-click selects the range up to it.
              onChange={(event) => onSelect(index, (event.nativeEvent as MouseEvent).shiftKey === true)}
            />
          </label>
        )}
        {manual ? (
          <div className="slot__panel slot__panel--manual">
            <svg viewBox="0 0 20 20" width="16" height="16" aria-hidden="true">
              <path d="M4 14.5V16h1.5l8.8-8.8-1.5-1.5L4 14.5Zm11.7-8.2a1 1 0 0 0 0-1.4l-.6-.6a1 1 0 0 0-1.4 0l-.9.9 1.5 1.5.9-.9Z" fill="currentColor" />
            </svg>
            Manual time
          </div>
        ) : shot && !broken ? (
          <img
            src={held ? undefined : slotThumbnailUrl(contractId, startIso)}
            alt=""
            loading={eager ? 'eager' : 'lazy'}
            fetchPriority={eager ? 'high' : 'low'}
            decoding="async"
            draggable={false}
            onLoad={holds ? () => setLoaded(true) : undefined}
            onError={() => setBroken(true)}
          />
        ) : (
          <div className="slot__panel">{broken ? 'Screenshot unavailable' : 'No screenshot'}</div>
        )}
        <StateBadge state={state} className="slot__badge" />
        {dup && <DuplicateMarker className="slot__dup" />}
      </div>
      <div className="slot__body">
        {manual ? <div className="slot__meter-none" aria-hidden="true" /> : <ActivityMeter active={active} state={state} />}
        <button
          type="button"
          className="slot__open"
          aria-label={slotButtonName({ range, state, kind, active })}
          tabIndex={tabbable ? 0 : -1}
          onClick={() => onOpen(index)}
        >
          {range}
        </button>
        {memoShown ? (
          <p className={memo ? 'slot__memo' : 'slot__memo slot__memo--none'} title={memo || undefined}>
            {memo || 'No memo'}
          </p>
        ) : (
          // The run's memo goes on: a line instead of the same words again (the group's name says them).
          <p className="slot__memo slot__memo--same" title={memo || undefined} aria-hidden="true" />
        )}
      </div>
    </div>
  );
}
