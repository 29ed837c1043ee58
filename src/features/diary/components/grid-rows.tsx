// The diary grid's rows: a day's header with its totals, a gap without activity, and an hour
// of slot cards. Each is memoized: the virtualizer re-renders the window of rows on every scroll.
import { memo } from 'react';
import type { Week } from '#contract/week.ts';
import { formatMinutes } from '#src/utils/duration.ts';
import { NO_SLOT, type DayRow, type DiaryDay, type DiaryLayout, type GapRow, type HourRow } from '../utils/diary-rows.ts';
import { deletedWhen, slotRange } from '../utils/slot-labels.ts';
import { kindAt, selectable, stateAt } from '../utils/slot-states.ts';
import { SlotCard } from './slot-card.tsx';

/** Which of the row's cells are selected, as bits (cell 0 is bit 0): one number per row, so a
 *  change of the selection re-renders only the rows it touches. */
export function selectedCells(row: HourRow, layout: DiaryLayout, starts: ReadonlySet<string>): number {
  if (starts.size === 0) return 0;
  let bits = 0;
  row.cells.forEach((slot, cell) => {
    if (slot >= 0 && starts.has(new Date(layout.slotStart[slot]!).toISOString())) bits |= 1 << cell;
  });
  return bits;
}

const STATE_PARTS = [
  ['billable', 'Billable'],
  ['inactive', 'Inactive'],
  ['overLimit', 'Over the limit'],
  ['held', 'Held'],
  ['refunded', 'Refunded'],
] as const;

export const DayHeader = memo(function DayHeader({ row, day, label }: { row: DayRow; day: DiaryDay; label: string }) {
  const parts = STATE_PARTS.filter(([key]) => day.minutes[key] > 0);
  return (
    <div className="day-head" data-day={day.date} data-row={row.key}>
      <h2 className="day-head__title">
        {label} <span className="day-head__total">· {formatMinutes(day.minutes.total)}</span>
      </h2>
      {day.partial && (
        <span className="day-head__note">
          {day.from}–{day.to} of this day is in this week
        </span>
      )}
      {day.hoursInDay !== 24 && <span className="day-head__note">{day.hoursInDay}-hour day (clock change)</span>}
      {parts.length > 0 && (
        <ul className="day-head__states" aria-label="By state">
          {parts.map(([key, name]) => (
            <li key={key} className={`state-text state-text--${key}`}>
              <i className="badge__dot" aria-hidden="true" />
              {name} {formatMinutes(day.minutes[key])}
              {key === 'billable' && day.minutes.manual > 0 && <span className="muted"> (manual {formatMinutes(day.minutes.manual)})</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
});

export const GapLine = memo(function GapLine({ row }: { row: GapRow }) {
  return (
    <div className="gap-line">
      <span className="gap-line__rule" aria-hidden="true" />
      <span className="gap-line__text">
        {row.wholeDay ? 'No time tracked' : 'No activity'} · {row.from}–{row.to}
      </span>
      <span className="gap-line__rule" aria-hidden="true" />
    </div>
  );
});

interface HourLineProps {
  row: HourRow;
  week: Week;
  layout: DiaryLayout;
  contractId: string;
  dayLabel: string;
  tabbableSlot: number;
  eager: boolean;
  onOpen: (slot: number) => void;
  /** Given when slots may be selected; only billable ones get a checkbox. */
  onSelect?: (slot: number, range: boolean) => void;
  /** Bit per cell: selected. */
  selectedCells: number;
  /** Per slot of the week: 1 where its memo starts a run (see memo-runs.ts). */
  memoStarts: Uint8Array;
}

export const HourLine = memo(function HourLine({ row, week, layout, contractId, dayLabel, tabbableSlot, eager, onOpen, onSelect, selectedCells, memoStarts }: HourLineProps) {
  const { slots, memos } = week;
  return (
    <div className="hour-row">
      <div className="hour-row__label">{row.label}</div>
      {row.cells.map((slot, cell) => {
        if (slot < 0) return <div key={cell} className={slot === NO_SLOT ? 'slot-gap' : 'slot-outside'} aria-hidden="true" />;
        const start = layout.slotStart[slot]!;
        const memoIndex = slots.memo[slot] ?? -1;
        const deletedAt = slots.deletedAt[slot];
        return (
          <SlotCard
            key={cell}
            index={slot}
            contractId={contractId}
            startIso={new Date(start).toISOString()}
            range={slotRange(start, layout.timeZone)}
            dayLabel={dayLabel}
            state={stateAt(slots.state[slot]!)}
            kind={kindAt(slots.kind[slot]!)}
            active={slots.active[slot] ?? 0}
            memo={memoIndex >= 0 ? (memos[memoIndex] ?? '') : ''}
            memoShown={memoStarts[slot] === 1}
            shot={slots.shot[slot] === 1}
            dup={slots.dup[slot] === 1}
            deleted={deletedAt ? deletedWhen(deletedAt, start, layout.timeZone) : null}
            tabbable={slot === tabbableSlot}
            eager={eager}
            onOpen={onOpen}
            onSelect={onSelect && selectable(week, slot) ? onSelect : undefined}
            selected={(selectedCells & (1 << cell)) !== 0}
          />
        );
      })}
    </div>
  );
});
