// "Last week waits for your approval: 3 d 4 h left", with a link to that week's timesheet, where
// it is approved; the contractor reads "Last week is in review: closes in 3 d 4 h". The weeks come
// from the overview every page already loads, so the server alone decides what is in review.
import { Link } from 'react-router';
import type { Overview } from '#contract/overview.ts';
import { paths } from '#src/config/paths.ts';
import { useOverview } from '#src/lib/overview-query.ts';
import { shortSpan } from '#src/utils/countdown.ts';
import { useServerClock, useTicking } from '#src/utils/server-clock.ts';
import './review-banner.css';

export interface WeekInReview {
  contractId: string;
  contractTitle: string;
  weekStart: string;
  reviewUntil: string;
}

/** The weeks in their review window with time in them: the client's to approve, the contractor's to wait on. */
export function weeksInReview(overview: Overview): WeekInReview[] {
  if (overview.role === 'client') return overview.needs.reviews;
  if (overview.role !== 'contractor') return [];
  return overview.contracts
    .filter((c) => c.lastWeek.status === 'in_review' && c.lastWeek.minutes.total > 0)
    .map((c) => ({ contractId: c.id, contractTitle: c.title, weekStart: c.lastWeek.weekStart, reviewUntil: c.lastWeek.reviewUntil }));
}

interface ReviewBannerProps {
  /** One contract's week (diary, timesheet); every contract's without it (the contract list). */
  contractId?: string;
  /** The week the page shows: on that week's own timesheet the review panel says it already. */
  hideForWeek?: string;
}

export function ReviewBanner({ contractId, hideForWeek }: ReviewBannerProps) {
  const overview = useOverview();
  const clock = useServerClock(overview.data?.now, overview.dataUpdatedAt);
  const now = useTicking(clock, 60_000);
  if (!overview.data) return null;
  const weeks = weeksInReview(overview.data).filter((w) => (!contractId || w.contractId === contractId) && w.weekStart !== hideForWeek);
  if (weeks.length === 0) return null;
  const client = overview.data.role === 'client';
  const lead = client ? 'Last week waits for your approval' : 'Last week is in review';
  const many = weeks.length > 1;
  return (
    <section className={`review-banner review-banner--${client ? 'client' : 'contractor'}`} aria-label="Week in review">
      <svg className="review-banner__icon" viewBox="0 0 20 20" width="18" height="18" aria-hidden="true">
        <circle cx="10" cy="10.5" r="6.75" fill="none" stroke="currentColor" strokeWidth="1.6" />
        <path d="M10 7v3.75l2.25 1.5M8 2.5h4" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
      </svg>
      <div className="review-banner__body">
        {many && (
          <p className="review-banner__head">
            <strong>{lead}</strong> on {weeks.length} contracts:
          </p>
        )}
        <ul className="review-banner__list">
          {weeks.map((w) => {
            const span = shortSpan(Date.parse(w.reviewUntil) - now);
            return (
              <li key={w.contractId} className="review-banner__item">
                <span className="review-banner__text">
                  {many ? <span className="review-banner__contract">{w.contractTitle}: </span> : <strong>{lead}: </strong>}
                  <span className="review-banner__left">{client ? `${span} left` : `closes in ${span}`}</span>
                  {!many && !contractId && <span className="review-banner__contract"> · {w.contractTitle}</span>}
                </span>
                <Link className="review-banner__link" to={paths.timesheet.getHref(w.contractId, { week: w.weekStart })}>
                  {client ? 'Review and approve' : 'See the timesheet'}
                  <span className="sr-only"> of {w.contractTitle}, last week</span>
                  <span aria-hidden="true"> →</span>
                </Link>
              </li>
            );
          })}
        </ul>
      </div>
    </section>
  );
}
