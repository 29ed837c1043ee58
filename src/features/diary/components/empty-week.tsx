import { Link } from 'react-router';

export function EmptyWeek({ previousWeekHref, future }: { previousWeekHref: string; future: boolean }) {
  return (
    <div className="state-panel state-panel--empty">
      <svg className="state-panel__icon" viewBox="0 0 24 24" width="32" height="32" aria-hidden="true">
        <rect x="3.5" y="5" width="17" height="15" rx="2.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
        <path d="M3.5 9.5h17M8 3v4M16 3v4" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
      </svg>
      <h2 className="state-panel__title">No time tracked this week</h2>
      <p className="state-panel__text">
        {future ? 'This week has not started yet.' : 'The contractor has not tracked or added any time in this week.'}
      </p>
      <div className="state-panel__actions">
        <Link className="btn btn--secondary" to={previousWeekHref} preventScrollReset>
          ← Previous week
        </Link>
      </div>
    </div>
  );
}
