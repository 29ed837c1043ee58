// The review queue as a listbox: one option per slot (time, thumbnail, activity ticks, state
// and the reasons in words). The list itself takes focus and points at the current slot
// (aria-activedescendant), so ↑/↓, Home/End, J/K and a click all move the same "current".
// A week can queue a thousand slots, so only the options near the list's scroll position
// are in the DOM (and the current one always, for aria-activedescendant); each says its
// place in the whole (aria-posinset/aria-setsize). Flagging one then re-renders a screenful.
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useImperativeHandle, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import { formatInZone } from '#src/utils/date-format.ts';
import { slotThumbnailUrl } from '../api/get-slot.ts';
import { slotRange } from '../utils/slot-labels.ts';
import { STATE_WORDS } from '../utils/slot-states.ts';
import { itemChips, reasonSpoken, type ReviewItem } from '../utils/suspicious.ts';
import { ActivityMeter } from './activity-meter.tsx';
import { StateBadge } from './state-badge.tsx';
import './review-list.css';

export const reviewOptionId = (listId: string, startIso: string) => `${listId}-${Date.parse(startIso)}`;

/** "Tue 17 Nov, 09:10–09:20". */
export const itemWhen = (item: ReviewItem, zone: string) => `${formatInZone(item.start, zone, 'EEE d MMM')}, ${slotRange(item.start, zone)}`;

/** What a screen reader says for an item: when, state, flag, reasons. */
export function itemSpoken(item: ReviewItem, zone: string, flagged: boolean): string {
  const parts = [itemWhen(item, zone), STATE_WORDS[item.state]];
  if (item.kind === 'manual') parts.push('manual time');
  if (flagged) parts.push('flagged');
  if (item.reasons.length + item.hints.length > 0) parts.push([...item.reasons, ...item.hints].map(reasonSpoken).join(', '));
  return parts.join(', ');
}

interface ReviewListProps {
  ref?: Ref<HTMLDivElement>;
  listId: string;
  label: string;
  items: ReviewItem[];
  current: number;
  flags: ReadonlySet<string>;
  contractId: string;
  zone: string;
  onSelect: (index: number, how?: 'key' | 'pointer') => void;
}

/** A first guess of an option's height (thumbnail row); the real one is measured. */
const ESTIMATED_OPTION_HEIGHT = 76;

export function ReviewList({ ref, listId, label, items, current, flags, contractId, zone, onSelect }: ReviewListProps) {
  const boxRef = useRef<HTMLDivElement>(null);
  useImperativeHandle(ref, () => boxRef.current!, []);
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      return current >= 0 && current < range.count && !indexes.includes(current) ? [...indexes, current].sort((a, b) => a - b) : indexes;
    },
    [current],
  );
  // The React Compiler is not used here, and the virtualizer is read afresh on every render.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => boxRef.current,
    estimateSize: () => ESTIMATED_OPTION_HEIGHT,
    getItemKey: (i) => items[i]?.startIso ?? i,
    overscan: 6,
    gap: 2,
    paddingStart: 6,
    paddingEnd: 6,
    rangeExtractor,
  });
  // Keep the current slot in view, scrolling the list only (never the page: on a phone the
  // detail below is what is being read).
  useEffect(() => {
    if (current >= 0 && current < items.length) virtualizer.scrollToIndex(current, { align: 'auto' });
  }, [current, items.length, virtualizer]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const last = items.length - 1;
    const to = { ArrowDown: current + 1, ArrowUp: current - 1, Home: 0, End: last, PageDown: current + 8, PageUp: current - 8 }[event.key];
    if (to === undefined || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    onSelect(Math.max(0, Math.min(last, to)));
  };
  const currentItem = items[current];
  return (
    <div
      ref={boxRef}
      id={listId}
      className="rv-list"
      role="listbox"
      aria-label={label}
      tabIndex={0}
      aria-activedescendant={currentItem ? reviewOptionId(listId, currentItem.startIso) : undefined}
      onKeyDown={onKeyDown}
    >
      <div className="rv-list__inner" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((row) => {
          const item = items[row.index]!;
          return (
            <ReviewOption
              key={row.key}
              measureRef={virtualizer.measureElement}
              top={row.start}
              setSize={items.length}
              id={reviewOptionId(listId, item.startIso)}
              item={item}
              index={row.index}
              current={row.index === current}
              flagged={flags.has(item.startIso)}
              contractId={contractId}
              zone={zone}
              onSelect={onSelect}
            />
          );
        })}
      </div>
    </div>
  );
}

const ReviewOption = memo(function ReviewOption({
  measureRef,
  top,
  setSize,
  id,
  item,
  index,
  current,
  flagged,
  contractId,
  zone,
  onSelect,
}: {
  measureRef: (el: HTMLElement | null) => void;
  /** Offset from the list's top, in px. */
  top: number;
  setSize: number;
  id: string;
  item: ReviewItem;
  index: number;
  current: boolean;
  flagged: boolean;
  contractId: string;
  zone: string;
  onSelect: (index: number, how?: 'key' | 'pointer') => void;
}) {
  const [broken, setBroken] = useState(false);
  return (
    <div
      ref={measureRef}
      data-index={index}
      id={id}
      role="option"
      aria-selected={current}
      aria-posinset={index + 1}
      aria-setsize={setSize}
      style={{ transform: `translateY(${top}px)` }}
      aria-label={itemSpoken(item, zone, flagged)}
      className={`rv-item rv-item--${item.state}${flagged ? ' rv-item--flagged' : ''}`}
      data-start={item.startIso}
      onClick={() => onSelect(index, 'pointer')}
    >
      <div className="rv-item__thumb" aria-hidden="true">
        {item.kind === 'manual' ? (
          <span className="rv-item__panel">Manual</span>
        ) : item.shot && !broken ? (
          <img src={slotThumbnailUrl(contractId, item.startIso)} alt="" loading="lazy" decoding="async" draggable={false} onError={() => setBroken(true)} />
        ) : (
          <span className="rv-item__panel">No shot</span>
        )}
      </div>
      <div className="rv-item__main" aria-hidden="true">
        <div className="rv-item__top">
          <span className="rv-item__when">
            <span className="rv-item__day">{formatInZone(item.start, zone, 'EEE d MMM')}</span> {slotRange(item.start, zone)}
          </span>
          {flagged ? (
            <span className="rv-flag-mark">
              <FlagIcon /> Flagged
            </span>
          ) : (
            item.state !== 'billable' && <StateBadge state={item.state} />
          )}
        </div>
        {item.kind === 'manual' ? <span className="rv-item__manual">Manual time</span> : <ActivityMeter active={item.active} state={item.state} />}
        {item.reasons.length + item.hints.length > 0 && (
          <ul className="rv-chips">
            {itemChips(item).map((c) => (
              <li key={c.kind} className={`rv-chip rv-chip--${c.kind}${c.hint ? ' rv-chip--hint' : ''}`}>
                {c.label}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
});

export function FlagIcon({ size = 12 }: { size?: number }) {
  return (
    <svg viewBox="0 0 16 16" width={size} height={size} aria-hidden="true">
      <path d="M3.5 14.5V2.2m0 .3h8.2l-1.9 3.1 1.9 3.1H3.5" fill="none" stroke="currentColor" strokeWidth="1.7" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
