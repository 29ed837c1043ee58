// A week with no time in it: a calendar, why it is empty, and the way to the week before.
import type { ReactNode } from 'react';
import { Link } from 'react-router';

interface EmptyWeekPanelProps {
  title: string;
  text: ReactNode;
  previousWeekHref: string;
  className?: string;
  /** Stay where the page is scrolled to (the diary's toolbar sits below the fold). */
  keepScroll?: boolean;
}

export function EmptyWeekPanel({ title, text, previousWeekHref, className = 'state-panel state-panel--empty', keepScroll }: EmptyWeekPanelProps) {
  return (
    <div className={className}>
      <svg className="state-panel__icon" viewBox="0 0 24 24" width="32" height="32" aria-hidden="true">
        <rect x="3.5" y="5" width="17" height="15" rx="2.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
        <path d="M3.5 9.5h17M8 3v4M16 3v4" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
      </svg>
      <h2 className="state-panel__title">{title}</h2>
      <p className="state-panel__text">{text}</p>
      <div className="state-panel__actions">
        <Link className="btn btn--secondary" to={previousWeekHref} preventScrollReset={keepScroll}>
          ← Previous week
        </Link>
      </div>
    </div>
  );
}
