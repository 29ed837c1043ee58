// The week's controls: previous/next week (links, so they open in a new tab too), the time
// zone the days are counted in, and the downloads: the CSV and the evidence pack.
import { Link } from 'react-router';
import { Chevron } from '#src/components/ui/chevron.tsx';
import { ZoneOptions } from '#src/components/ui/zone-options.tsx';
import { prefetchOn } from '#src/utils/prefetch-on.ts';
import type { ZoneOption } from '#src/utils/time-zone-choice.ts';
import { addWeeks } from '#src/utils/week.ts';
import { weekRangeLabel } from '#src/utils/date-format.ts';
import './timesheet-toolbar.css';

export type { ZoneOption };

const DownloadIcon = () => (
  <svg viewBox="0 0 20 20" width="16" height="16" aria-hidden="true">
    <path d="M10 3.5v9m0 0-3.5-3.5M10 12.5l3.5-3.5M4 15.5h12" fill="none" stroke="currentColor" strokeWidth="1.7" strokeLinecap="round" strokeLinejoin="round" />
  </svg>
);

interface TimesheetToolbarProps {
  week: string;
  /** The server's current week, once known. */
  currentWeek: string | null;
  weekHref: (week: string) => string;
  onPrefetchWeek?: (week: string) => void;
  tz: string;
  zoneOptions: ZoneOption[];
  onTz: (value: string) => void;
  csvHref: string;
  evidenceHref: string;
  updating: boolean;
}


export function TimesheetToolbar({ week, currentWeek, weekHref, onPrefetchWeek, tz, zoneOptions, onTz, csvHref, evidenceHref, updating }: TimesheetToolbarProps) {
  const prev = addWeeks(week, -1);
  const next = addWeeks(week, 1);
  const nextInFuture = currentWeek !== null && next > currentWeek;
  const isCurrent = currentWeek === week;
  const stepLink = (dir: 'prev' | 'next', target: string) => (
    <Link className="btn btn--secondary btn--icon" to={weekHref(target)} aria-label={dir === 'prev' ? 'Previous week' : 'Next week'} {...prefetchOn(onPrefetchWeek, target)}>
      <Chevron dir={dir} />
    </Link>
  );
  return (
    <section className="ts-toolbar" aria-label="Week" aria-busy={updating || undefined}>
      <div className="ts-week-nav">
        {stepLink('prev', prev)}
        <h2 className="ts-week-nav__label">
          <span className="sr-only">Week of </span>
          {weekRangeLabel(week)}
          {isCurrent && <span className="pill">This week</span>}
        </h2>
        {nextInFuture ? (
          <button type="button" className="btn btn--secondary btn--icon" disabled aria-label="Next week" title="The next week has not started yet">
            <Chevron dir="next" />
          </button>
        ) : (
          stepLink('next', next)
        )}
        {currentWeek && !isCurrent && (
          <Link className="btn btn--ghost btn--sm" to={weekHref(currentWeek)}>
            This week
          </Link>
        )}
      </div>
      <div className="ts-toolbar__end">
        <label className="ts-tz">
          <span className="ts-tz__label">Days in</span>
          <select className="input" aria-label="Time zone" value={tz} onChange={(e) => onTz(e.target.value)}>
            <ZoneOptions options={zoneOptions} />
          </select>
        </label>
        <a className="btn btn--secondary" href={csvHref} download>
          <DownloadIcon />
          Download CSV
        </a>
        <a className="btn btn--secondary" href={evidenceHref} download title="Receipts, screenshots and week.pdf, which anyone can check offline">
          <DownloadIcon />
          Download evidence (.zip)
        </a>
      </div>
    </section>
  );
}
