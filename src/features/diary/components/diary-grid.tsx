// The week as a virtualized list of rows (day headers, hour rows of six slot cards, and
// "no activity" rows) scrolled by the window. Only the rows near the viewport are in the
// DOM, so a fully tracked week (1,008 slots) stays light. Row heights are computed, not
// measured (see grid-metrics.ts). The current day's header sticks under the toolbar.
// Arrow keys move focus between cards (one card is tabbable: a roving tabindex).
import { defaultRangeExtractor, useWindowVirtualizer, type Range } from '@tanstack/react-virtual';
import {
  useCallback,
  useEffect,
  useImperativeHandle,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type FocusEvent,
  type KeyboardEvent,
  type Ref,
} from 'react';
import type { Week } from '#contract/week.ts';
import { formatCalendarDate } from '#src/utils/date-format.ts';
import { neighbourSlot, type DiaryLayout, type Direction } from '../utils/diary-rows.ts';
import { memoRunStarts } from '../utils/memo-runs.ts';
import { selectable } from '../utils/slot-states.ts';
import { gridMetrics, rowHeight } from '../utils/grid-metrics.ts';
import { DayHeader, GapLine, HourLine, selectedCells } from './grid-rows.tsx';
import './diary-grid.css';

export interface DiaryGridHandle {
  /** Scrolls so the day's header sits under the toolbar. */
  scrollToDay(dayIndex: number): void;
  /** Scrolls the slot's row into view (if needed) and optionally focuses its card. */
  revealSlot(slot: number, options?: { focus?: boolean; center?: boolean }): void;
}

interface DiaryGridProps {
  ref?: Ref<DiaryGridHandle>;
  week: Week;
  layout: DiaryLayout;
  contractId: string;
  /** Height of whatever sticks at the top of the window above the list (the toolbar). */
  stickyTop: number;
  onOpenSlot: (slot: number) => void;
  onActiveDayChange?: (dayIndex: number) => void;
  /**
   * Selecting slots to dispute (billable ones only), or null where the viewer may not:
   * the selected slot starts (ISO) and a toggle (`range`: select from the last one toggled).
   */
  selection?: { starts: ReadonlySet<string>; onToggle: (slot: number, range: boolean) => void } | null;
}

const FIRST_GUESS_OF_LIST_TOP = 280;

const viewportSize = () => ({ width: document.documentElement.clientWidth, height: window.innerHeight });

const KEY_DIRECTION: Record<string, Direction> = {
  ArrowLeft: 'left',
  ArrowRight: 'right',
  ArrowUp: 'up',
  ArrowDown: 'down',
  Home: 'rowStart',
  End: 'rowEnd',
};

export function DiaryGrid({ ref, week, layout, contractId, stickyTop, onOpenSlot, onActiveDayChange, selection = null }: DiaryGridProps) {
  const listRef = useRef<HTMLDivElement>(null);
  // A close first guess (the page's content width) spares a second render once measured.
  const [viewport] = useState(viewportSize);
  const [width, setWidth] = useState(() => Math.min(viewport.width, 1360) - (viewport.width <= 640 ? 24 : 48));
  // The list's offset from the page's top, measured below. Until then a low guess (the page's
  // header is taller than this at any width): the first render then makes only the rows that
  // can be on screen, not a whole window's height of them.
  const [scrollMargin, setScrollMargin] = useState(FIRST_GUESS_OF_LIST_TOP);

  useLayoutEffect(() => {
    const el = listRef.current;
    if (!el) return;
    const measure = () => {
      setWidth(el.clientWidth);
      setScrollMargin(Math.round(el.getBoundingClientRect().top + window.scrollY));
    };
    measure();
    // Anything above the list changing height (header, toolbar wrapping) moves the list.
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, []);

  const metrics = useMemo(() => gridMetrics(width), [width]);
  const { rows, dayRows } = layout;
  const { sizes, starts } = useMemo(() => {
    const sizes = rows.map((row) => rowHeight(row, metrics));
    const starts = new Array<number>(sizes.length);
    let y = 0;
    sizes.forEach((size, i) => {
      starts[i] = y;
      y += size;
    });
    return { sizes, starts };
  }, [rows, metrics]);

  // Keep the header of the day being read in range, so it can stick.
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      let sticky = dayRows[0] ?? 0;
      for (const r of dayRows) {
        if (r <= range.startIndex) sticky = r;
        else break;
      }
      return indexes.includes(sticky) ? indexes : [sticky, ...indexes];
    },
    [dayRows],
  );

  const virtualizer = useWindowVirtualizer({
    count: rows.length,
    estimateSize: useCallback((i: number) => sizes[i] ?? 0, [sizes]),
    getItemKey: useCallback((i: number) => rows[i]?.key ?? i, [rows]),
    // Rows beyond the screen, ready for scrolling.
    overscan: 2,
    scrollMargin,
    // Before the window is observed: the viewport, so the first render already holds the rows on screen.
    initialRect: viewport,
    rangeExtractor,
  });

  const items = virtualizer.getVirtualItems();
  const scrollOffset = virtualizer.scrollOffset ?? 0;

  // The day being read: the last day whose header has reached the sticky line.
  const line = scrollOffset - scrollMargin + stickyTop + 1;
  let activeDay = 0;
  for (let d = 0; d < dayRows.length; d++) {
    if (starts[dayRows[d]!]! <= line) activeDay = d;
    else break;
  }
  const activeDayRow = dayRows[activeDay] ?? -1;
  // Rows on screen now: their thumbnails skip lazy loading, which would otherwise queue the
  // first screenful behind a dozen off-screen ones.
  const viewBottom = scrollOffset + window.innerHeight;

  useEffect(() => {
    onActiveDayChange?.(activeDay);
  }, [activeDay, onActiveDayChange]);

  // Roving tabindex: the last focused card, or the first card on screen.
  const [activeSlot, setActiveSlot] = useState(-1);
  let tabbableSlot = activeSlot;
  if (tabbableSlot < 0 || tabbableSlot >= layout.slotStart.length || !items.some((it) => it.index === layout.slotRow[tabbableSlot])) {
    tabbableSlot = -1;
    for (const it of items) {
      const row = rows[it.index]!;
      if (row.type === 'hour' && it.end - scrollMargin > line) {
        tabbableSlot = row.cells.find((c) => c >= 0) ?? -1;
        break;
      }
    }
  }

  const pendingFocus = useRef<number | null>(null);
  const [, setFocusTick] = useState(0);
  useEffect(() => {
    const slot = pendingFocus.current;
    if (slot === null) return;
    const button = listRef.current?.querySelector<HTMLButtonElement>(`[data-slot="${slot}"] .slot__open`);
    if (!button) return;
    button.focus({ preventScroll: true });
    if (document.activeElement === button) pendingFocus.current = null;
  });

  const scrollToDay = useCallback(
    (dayIndex: number) => {
      const row = dayRows[dayIndex];
      if (row === undefined) return;
      window.scrollTo({ top: Math.max(0, scrollMargin + starts[row]! - stickyTop), behavior: 'instant' });
    },
    [dayRows, scrollMargin, starts, stickyTop],
  );

  const revealSlot = useCallback(
    (slot: number, { focus = false, center = false }: { focus?: boolean; center?: boolean } = {}) => {
      const row = layout.slotRow[slot];
      if (row === undefined || row < 0) return;
      const top = scrollMargin + starts[row]!;
      const bottom = top + sizes[row]! - metrics.rowGap;
      const viewTop = window.scrollY + stickyTop + metrics.dayHeight;
      const viewBottom = window.scrollY + window.innerHeight;
      const above = top - stickyTop - metrics.dayHeight;
      if (center) {
        const room = window.innerHeight - stickyTop - metrics.dayHeight;
        window.scrollTo({ top: Math.max(0, above - Math.max(0, (room - (bottom - top)) / 2)), behavior: 'instant' });
      } else if (top < viewTop) {
        window.scrollTo({ top: Math.max(0, above), behavior: 'instant' });
      } else if (bottom > viewBottom) {
        window.scrollTo({ top: bottom - window.innerHeight + 16, behavior: 'instant' });
      }
      setActiveSlot(slot);
      if (focus) {
        pendingFocus.current = slot;
        setFocusTick((t) => t + 1);
      }
    },
    [layout, metrics, scrollMargin, sizes, starts, stickyTop],
  );

  useImperativeHandle(ref, () => ({ scrollToDay, revealSlot }), [scrollToDay, revealSlot]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const card = (event.target as HTMLElement).closest<HTMLElement>('[data-slot]');
    if (!card || event.altKey || event.metaKey) return;
    if ((event.key === 'x' || event.key === 'X') && !event.ctrlKey) {
      const slot = Number(card.dataset.slot);
      if (selection && selectable(week, slot)) {
        event.preventDefault();
        selection.onToggle(slot, event.shiftKey);
      }
      return;
    }
    let direction = KEY_DIRECTION[event.key];
    if (!direction) return;
    if (event.ctrlKey && (direction === 'rowStart' || direction === 'rowEnd')) direction = direction === 'rowStart' ? 'first' : 'last';
    event.preventDefault();
    // A held-down arrow outruns rendering: move on from where focus is going, not where it is.
    const from = pendingFocus.current ?? Number(card.dataset.slot);
    const next = neighbourSlot(layout, from, direction);
    if (next >= 0) revealSlot(next, { focus: true });
  };

  const onFocus = (event: FocusEvent<HTMLDivElement>) => {
    const card = event.target.closest<HTMLElement>('[data-slot]');
    if (card) setActiveSlot(Number(card.dataset.slot));
  };

  const memoStarts = useMemo(() => memoRunStarts(week.slots, layout), [week.slots, layout]);
  const dayLabels = useMemo(() => layout.days.map((d) => formatCalendarDate(d.date, 'EEE d MMM')), [layout.days]);

  const listStyle = {
    height: virtualizer.getTotalSize(),
    '--label-w': `${metrics.labelWidth}px`,
    '--cell-gap': `${metrics.gap}px`,
    '--body-h': `${metrics.bodyHeight}px`,
    '--label-h': `${metrics.labelHeight}px`,
    '--card-h': `${metrics.cardHeight}px`,
    '--row-gap': `${metrics.rowGap}px`,
  } as CSSProperties;

  return (
    <div
      ref={listRef}
      className={metrics.compact ? 'diary-list diary-list--compact' : 'diary-list'}
      style={listStyle}
      onKeyDown={onKeyDown}
      onFocus={onFocus}
    >
      {items.map((item) => {
        const row = rows[item.index]!;
        const sticky = item.index === activeDayRow;
        const style: CSSProperties = sticky
          ? { position: 'sticky', top: stickyTop, height: item.size, zIndex: 3 }
          : { position: 'absolute', top: 0, transform: `translateY(${item.start - scrollMargin}px)`, height: item.size };
        return (
          <div key={item.key} className={`diary-row diary-row--${row.type}${sticky ? ' is-stuck' : ''}`} style={style}>
            {row.type === 'day' ? (
              <DayHeader row={row} day={layout.days[row.dayIndex]!} label={dayLabels[row.dayIndex]!} />
            ) : row.type === 'gap' ? (
              <GapLine row={row} />
            ) : (
              <HourLine
                row={row}
                week={week}
                layout={layout}
                contractId={contractId}
                dayLabel={dayLabels[row.dayIndex]!}
                tabbableSlot={row.cells.includes(tabbableSlot) ? tabbableSlot : -1}
                eager={item.start < viewBottom && item.end > scrollOffset}
                onOpen={onOpenSlot}
                onSelect={selection?.onToggle}
                selectedCells={selection ? selectedCells(row, layout, selection.starts) : 0}
                memoStarts={memoStarts}
              />
            )}
          </div>
        );
      })}
    </div>
  );
}
