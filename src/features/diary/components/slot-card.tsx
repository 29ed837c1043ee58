// One 10-minute slot: thumbnail (or the manual-time panel), activity meter, time and memo.
// The card is a group; inside it the time-range button opens the lightbox (its hit area is
// stretched over the card). The top-left corner of the thumbnail is kept free for the
// selection checkbox ("Select 09:10–09:20") that disputes add.
import { memo, useState } from 'react';
import type { SlotKind, SlotState } from '../../../../contract/week.ts';
import { slotThumbnailUrl } from '../api/get-slot.ts';
import { slotButtonName } from '../utils/slot-labels.ts';
import { ActivityMeter } from './activity-meter.tsx';
import { DuplicateMarker, StateBadge } from './state-badge.tsx';

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
  shot: boolean;
  dup: boolean;
  tabbable: boolean;
  /** On screen when rendered: its thumbnail loads at once, ahead of the lazy ones. */
  eager?: boolean;
  onOpen: (index: number) => void;
}

export const SlotCard = memo(function SlotCard({
  index,
  contractId,
  startIso,
  range,
  dayLabel,
  state,
  kind,
  active,
  memo,
  shot,
  dup,
  tabbable,
  eager = false,
  onOpen,
}: SlotCardProps) {
  const [broken, setBroken] = useState(false);
  const manual = kind === 'manual';
  return (
    <div role="group" aria-label={`${dayLabel}, ${range}`} className={`slot slot--${state}`} data-slot={index}>
      <div className="slot__thumb">
        {manual ? (
          <div className="slot__panel slot__panel--manual">
            <svg viewBox="0 0 20 20" width="16" height="16" aria-hidden="true">
              <path d="M4 14.5V16h1.5l8.8-8.8-1.5-1.5L4 14.5Zm11.7-8.2a1 1 0 0 0 0-1.4l-.6-.6a1 1 0 0 0-1.4 0l-.9.9 1.5 1.5.9-.9Z" fill="currentColor" />
            </svg>
            Manual time
          </div>
        ) : shot && !broken ? (
          <img
            src={slotThumbnailUrl(contractId, startIso)}
            alt=""
            loading={eager ? 'eager' : 'lazy'}
            fetchPriority={eager ? 'high' : 'low'}
            decoding="async"
            draggable={false}
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
        <p className={memo ? 'slot__memo' : 'slot__memo slot__memo--none'} title={memo || undefined}>
          {memo || 'No memo'}
        </p>
      </div>
    </div>
  );
});
