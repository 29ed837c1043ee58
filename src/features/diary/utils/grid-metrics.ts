// Row heights of the virtualized diary, computed from the list's width so the virtualizer's
// sizes are exact (no measuring, no jumps). The same numbers are handed to CSS as variables.
import type { DiaryRow } from './diary-rows.ts';

export interface GridMetrics {
  /** Narrow screens: the hour label above, cards in 3 columns × 2 lines. */
  compact: boolean;
  columns: number;
  labelWidth: number;
  gap: number;
  /** The card's text area under the thumbnail (meter, time, memo). */
  bodyHeight: number;
  /** Compact only: the hour label line. */
  labelHeight: number;
  cardHeight: number;
  /** Space below each hour row. */
  rowGap: number;
  dayHeight: number;
  gapHeight: number;
  hourHeight: number;
}

export const COMPACT_BELOW = 640;

export function gridMetrics(width: number): GridMetrics {
  const w = Math.max(280, width);
  const compact = w < COMPACT_BELOW;
  const columns = compact ? 3 : 6;
  const labelWidth = compact ? 0 : 56;
  const gap = compact ? 8 : 12;
  const bodyHeight = compact ? 56 : 60;
  const labelHeight = compact ? 22 : 0;
  const rowGap = compact ? 14 : 12;
  const cellWidth = (w - labelWidth - (compact ? columns - 1 : columns) * gap) / columns;
  // 16:9 thumbnail + body + the 1px border above and below.
  const cardHeight = Math.ceil((cellWidth * 9) / 16 + bodyHeight + 2);
  const hourHeight = compact ? labelHeight + 2 * cardHeight + gap + rowGap : cardHeight + rowGap;
  return {
    compact,
    columns,
    labelWidth,
    gap,
    bodyHeight,
    labelHeight,
    cardHeight,
    rowGap,
    dayHeight: compact ? 56 : 60,
    gapHeight: 40,
    hourHeight,
  };
}

export function rowHeight(row: DiaryRow, m: GridMetrics): number {
  if (row.type === 'day') return m.dayHeight;
  if (row.type === 'gap') return m.gapHeight;
  return m.hourHeight;
}
