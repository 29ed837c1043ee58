// The week's controls: previous/next week, a date picker, the week's total, the time-zone
// switch and the day chips ("jump to day"). For the contractor while the week is open to
// edits, "Add manual time" (disabled, with the reason, where the contract does not allow it).
// On a phone all but the week's steps fold behind "Week options" (chips too), so that the first
// thumbnails show on the first screen.
import { useEffect, useId, useRef, useState, type Ref } from 'react';
import { Chevron } from '#src/components/ui/chevron.tsx';
import { ZoneOptions } from '#src/components/ui/zone-options.tsx';
import { prefetchOn } from '#src/utils/prefetch-on.ts';
import type { StateMinutes } from '#contract/week.ts';
import { formatMinutes, spokenMinutes } from '#src/utils/duration.ts';
import { formatCalendarDate, weekRangeLabel } from '#src/utils/date-format.ts';
import type { TzChoice, ZoneOption } from '#src/utils/time-zone-choice.ts';
import { addWeeks } from '#src/utils/week.ts';
import type { DiaryDay } from '../utils/diary-rows.ts';
import './edits.css';
import './week-toolbar.css';

interface WeekToolbarProps {
  ref?: Ref<HTMLElement>;
  week: string;
  /** The server's current week, once known. */
  currentWeek: string | null;
  days: DiaryDay[] | null;
  /** The week failed to load: no placeholders for days that will not come. */
  failed?: boolean;
  totals: StateMinutes | null;
  /** A week or zone is loading while the old one is still shown. */
  updating: boolean;
  tz: TzChoice;
  zoneOptions: ZoneOption[];
  activeDay: number;
  dateValue: string;
  onWeek: (week: string) => void;
  onDate: (date: string) => void;
  onTz: (choice: TzChoice) => void;
  onDay: (dayIndex: number) => void;
  onPrefetchWeek?: (week: string) => void;
  /** Opens the manual-time dialog; the button shows only when given (the contractor, edits open). */
  onAddManualTime?: () => void;
  /** The contract's terms allow manual time (false: the button is disabled and says why). */
  manualTimeAllowed?: boolean;
}

/** ", 00:00–01:00 only" for a day the billing week covers only part of (in another zone). */
const partOfDay = (day: DiaryDay) => (day.partial ? `, ${day.from}–${day.to} only` : '');

/**
 * The date to jump to, shown as the rest of the page writes dates ("Wed 25 Nov"), not in the
 * browser's locale format: the native date input lies invisible over it and opens its picker.
 */
function DatePick({ value, max, onDate }: { value: string; max: string | undefined; onDate: (date: string) => void }) {
  return (
    <label className="date-pick btn btn--secondary btn--sm">
      <svg viewBox="0 0 20 20" width="16" height="16" aria-hidden="true">
        <rect x="3" y="4.5" width="14" height="12" rx="2" fill="none" stroke="currentColor" strokeWidth="1.5" />
        <path d="M3 8.5h14M7 3v3M13 3v3" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
      </svg>
      <span aria-hidden="true">{formatCalendarDate(value, 'EEE d MMM')}</span>
      <input
        type="date"
        aria-label={`Go to date, ${formatCalendarDate(value, 'EEEE d MMMM yyyy')}`}
        value={value}
        max={max}
        onClick={(e) => {
          try {
            e.currentTarget.showPicker();
          } catch {
            // Not allowed here (no user gesture): the field still takes typed dates.
          }
        }}
        onChange={(e) => {
          if (e.target.value) onDate(e.target.value);
        }}
      />
    </label>
  );
}

const MANUAL_TIME_NOT_ALLOWED = 'This contract does not allow manual time. The client can allow it in the contract’s terms, from the next Monday.';

/** "Add manual time", or where the contract does not allow it, a disabled button that says why when pressed. */
function AddManualTimeButton({ onAdd, allowed }: { onAdd: () => void; allowed: boolean }) {
  const whyId = useId();
  const [why, setWhy] = useState(false);
  const icon = (
    <svg viewBox="0 0 20 20" width="16" height="16" aria-hidden="true">
      <circle cx="10" cy="10" r="7.25" fill="none" stroke="currentColor" strokeWidth="1.5" />
      <path d="M10 6.5v4l2.5 1.5" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
  if (allowed) {
    return (
      <button type="button" className="btn btn--secondary btn--sm" onClick={onAdd}>
        {icon}
        Add manual time
      </button>
    );
  }
  return (
    <div className="toolbar-manual">
      <button
        type="button"
        className="btn btn--secondary btn--sm"
        aria-disabled="true"
        aria-describedby={whyId}
        onClick={() => setWhy((w) => !w)}
        onBlur={() => setWhy(false)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && why) {
            e.stopPropagation();
            setWhy(false);
          }
        }}
      >
        {icon}
        Add manual time
      </button>
      <span id={whyId} className={why ? 'toolbar-manual__why' : 'sr-only'}>
        {MANUAL_TIME_NOT_ALLOWED}
      </span>
    </div>
  );
}

export function WeekToolbar({
  ref,
  week,
  currentWeek,
  days,
  failed = false,
  totals,
  updating,
  tz,
  zoneOptions,
  activeDay,
  dateValue,
  onWeek,
  onDate,
  onTz,
  onDay,
  onPrefetchWeek,
  onAddManualTime,
  manualTimeAllowed = true,
}: WeekToolbarProps) {
  const prev = addWeeks(week, -1);
  const next = addWeeks(week, 1);
  const isCurrent = currentWeek === week;
  const nextInFuture = currentWeek !== null && next > currentWeek;
  const moreId = useId();
  const [moreOpen, setMoreOpen] = useState(false);

  // On a phone the chips scroll sideways: keep the day being read in view.
  const chipsRef = useRef<HTMLElement>(null);
  useEffect(() => {
    const nav = chipsRef.current;
    const chip = nav?.children[activeDay] as HTMLElement | undefined;
    if (!nav || !chip || nav.scrollWidth <= nav.clientWidth) return;
    const left = chip.offsetLeft - nav.offsetLeft;
    if (left < nav.scrollLeft || left + chip.offsetWidth > nav.scrollLeft + nav.clientWidth) {
      nav.scrollTo({ left: Math.max(0, left - 12), behavior: 'smooth' });
    }
  }, [activeDay, days]);

  return (
    <section ref={ref} className="toolbar" aria-label="Week" aria-busy={updating || undefined}>
      <div className="toolbar__row">
        <div className="week-nav">
          <button
            type="button"
            className="btn btn--secondary btn--icon"
            aria-label="Previous week"
            onClick={() => onWeek(prev)}
            {...prefetchOn(onPrefetchWeek, prev)}
          >
            <Chevron dir="prev" />
          </button>
          <div className="week-nav__label">
            <span className="week-nav__range">{weekRangeLabel(week)}</span>
            {isCurrent && <span className="pill">This week</span>}
          </div>
          <button
            type="button"
            className="btn btn--secondary btn--icon"
            aria-label="Next week"
            onClick={() => onWeek(next)}
            disabled={nextInFuture}
            {...prefetchOn(onPrefetchWeek, next)}
          >
            <Chevron dir="next" />
          </button>
          <button
            type="button"
            className="btn btn--secondary btn--icon toolbar__toggle"
            aria-expanded={moreOpen}
            aria-controls={moreId}
            aria-label="Week options"
            onClick={() => setMoreOpen((open) => !open)}
          >
            <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true">
              <path d="M4 6h12M4 10h12M4 14h12" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
            </svg>
          </button>
        </div>

        <div id={moreId} className={moreOpen ? 'toolbar__more is-open' : 'toolbar__more'}>
          <DatePick value={dateValue} max={currentWeek ? addWeeks(currentWeek, 1) : undefined} onDate={onDate} />
          {currentWeek && !isCurrent && (
            <button type="button" className="btn btn--ghost btn--sm" onClick={() => onWeek(currentWeek)}>
              This week
            </button>
          )}

          <div className="toolbar__spacer" />

          {onAddManualTime && <AddManualTimeButton onAdd={onAddManualTime} allowed={manualTimeAllowed} />}

          <div className="week-total">
            {totals ? (
              <>
                <span className="week-total__label">Week total</span>
                <strong className="week-total__value">{formatMinutes(totals.total)}</strong>
                <span className="week-total__sub">billable {formatMinutes(totals.billable)}</span>
              </>
            ) : (
              !failed && <span className="skeleton skeleton--line" style={{ width: 140 }} aria-hidden="true" />
            )}
        </div>

        <label className="tz-select">
          <svg className="tz-select__icon" viewBox="0 0 20 20" width="16" height="16" aria-hidden="true">
            <circle cx="10" cy="10" r="7.25" fill="none" stroke="currentColor" strokeWidth="1.5" />
            <path d="M2.75 10h14.5M10 2.75c2 2 3 4.4 3 7.25s-1 5.25-3 7.25c-2-2-3-4.4-3-7.25s1-5.25 3-7.25Z" fill="none" stroke="currentColor" strokeWidth="1.5" />
          </svg>
          <span className="sr-only">Time zone</span>
          <select className="input" value={tz} onChange={(e) => onTz(e.target.value as TzChoice)}>
            <ZoneOptions options={zoneOptions} />
          </select>
        </label>
        </div>
      </div>

      <nav ref={chipsRef} className={moreOpen ? 'day-chips is-open' : 'day-chips'} aria-label="Jump to day">
        {days
          ? days.map((day, i) => (
              <button
                key={day.date}
                type="button"
                className={`day-chip${day.minutes.total === 0 ? ' day-chip--empty' : ''}${day.partial ? ' day-chip--part' : ''}`}
                aria-current={i === activeDay ? 'true' : undefined}
                onClick={() => onDay(i)}
                aria-label={`${formatCalendarDate(day.date, 'EEE d')}${partOfDay(day)}, ${spokenMinutes(day.minutes.total)}`}
                title={`${formatCalendarDate(day.date, 'EEEE d MMMM')}${partOfDay(day)}: ${spokenMinutes(day.minutes.total)}`}
              >
                <span className="day-chip__name">{formatCalendarDate(day.date, 'EEE d')}</span>
                <span className="day-chip__hours">
                  {day.minutes.total > 0 ? formatMinutes(day.minutes.total) : day.partial ? `${day.from}–${day.to} only` : '–'}
                </span>
              </button>
            ))
          : !failed && Array.from({ length: 7 }, (_, i) => <span key={i} className="day-chip day-chip--skeleton" aria-hidden="true" />)}
      </nav>
    </section>
  );
}
