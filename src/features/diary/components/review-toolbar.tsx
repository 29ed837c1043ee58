// The review's week bar: previous and next week, the week's status, the filter between the
// suspicious slots and all, the time zone, and the shortcuts' help.
import { Link } from 'react-router';
import type { Week } from '#contract/week.ts';
import { ZoneOptions } from '#src/components/ui/zone-options.tsx';
import { paths } from '#src/config/paths.ts';
import { weekRangeLabel } from '#src/utils/date-format.ts';
import type { TzChoice, ZoneOption } from '#src/utils/time-zone-choice.ts';
import { addWeeks } from '#src/utils/week.ts';
import './review-toolbar.css';

export type ReviewFilter = 'suspicious' | 'all';

interface ReviewToolbarProps {
  contractId: string;
  week: string;
  tz: TzChoice;
  status: Week['status'] | undefined;
  /** The server's current week, once known: the next week opens only once it has started. */
  serverWeek: string | null;
  filter: ReviewFilter;
  /** How many slots each filter shows, once the week has loaded. */
  counts: { suspicious: number; all: number } | null;
  zoneOptions: ZoneOption[];
  onTz: (value: string) => void;
  onFilter: (filter: ReviewFilter) => void;
  onShortcuts: () => void;
}

export function ReviewToolbar({ contractId, week, tz, status, serverWeek, filter, counts, zoneOptions, onTz, onFilter, onShortcuts }: ReviewToolbarProps) {
  const nextWeek = addWeeks(week, 1);
  return (
    <section className="rv-toolbar" aria-label="Week">
      <div className="rv-toolbar__week">
        <Link className="btn btn--secondary btn--icon" to={paths.review.getHref(contractId, { week: addWeeks(week, -1), tz })} aria-label="Previous week">
          <span aria-hidden="true">‹</span>
        </Link>
        <h2 className="rv-toolbar__label">
          Week of {weekRangeLabel(week)}
          {status && <span className={`rv-status rv-status--${status}`}>{STATUS_WORDS[status]}</span>}
        </h2>
        {serverWeek !== null && nextWeek > serverWeek ? (
          <span className="btn btn--secondary btn--icon" aria-disabled="true" title="That week has not started yet">
            <span aria-hidden="true">›</span>
          </span>
        ) : (
          <Link className="btn btn--secondary btn--icon" to={paths.review.getHref(contractId, { week: nextWeek, tz })} aria-label="Next week">
            <span aria-hidden="true">›</span>
          </Link>
        )}
      </div>
      <div className="rv-toolbar__tools">
        <div className="rv-filter" role="group" aria-label="Show">
          <button type="button" className="rv-filter__btn" aria-pressed={filter === 'suspicious'} onClick={() => onFilter('suspicious')}>
            Suspicious only{counts ? ` (${counts.suspicious})` : ''}
          </button>
          <button type="button" className="rv-filter__btn" aria-pressed={filter === 'all'} onClick={() => onFilter('all')}>
            All slots{counts ? ` (${counts.all})` : ''}
          </button>
        </div>
        <label className="rv-tz">
          <span className="sr-only">Time zone</span>
          <select className="input" value={tz} onChange={(e) => onTz(e.target.value)} aria-label="Time zone">
            <ZoneOptions options={zoneOptions} />
          </select>
        </label>
        <button type="button" className="btn btn--ghost btn--sm" onClick={onShortcuts} aria-keyshortcuts="?">
          <span className="rv-toolbar__shortcuts-word">Shortcuts</span> <kbd>?</kbd>
        </button>
      </div>
    </section>
  );
}

const STATUS_WORDS: Record<Week['status'], string> = {
  in_progress: 'In progress',
  editing: 'Contractor editing',
  in_review: 'In review',
  approved: 'Approved',
  auto_approved: 'Approved automatically',
};

