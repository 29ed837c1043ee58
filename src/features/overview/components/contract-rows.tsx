// One row per contract: who, this week's hours against the cap, the billable amount, activity
// per day, open disputes, and last week's review state, with the way into each page.
import { lazy, Suspense } from 'react';
import { Link } from 'react-router';
import type { Overview, OverviewContract } from '#contract/overview.ts';
import { paths } from '#src/config/paths.ts';
import { formatCalendarDate, weekRangeLabel } from '#src/utils/date-format.ts';
import { formatMinutes } from '#src/utils/duration.ts';
import { formatMoney } from '#src/utils/money.ts';
import { reviewState } from '../utils/overview-words.ts';

const Sparkline = lazy(() => import('./sparkline.tsx'));

/** "Mon 40 m, Tue 0 h, …": the sparkline's numbers for screen readers and the tooltip. */
const daysText = (c: OverviewContract) =>
  c.thisWeek.days.map((d) => `${formatCalendarDate(d.date, 'EEE')} ${formatMinutes(d.total)}`).join(', ');

/** "1 dispute open", "2 disputes escalated", "1 dispute open, 1 escalated": the statuses' own words. */
function disputesText({ open, escalated }: OverviewContract['disputes']): string {
  const parts = [open && `${open} open`, escalated && `${escalated} escalated`].filter(Boolean);
  return `${open + escalated} dispute${open + escalated === 1 ? '' : 's'}: ${parts.join(', ')}`;
}

function Hours({ c }: { c: OverviewContract }) {
  const { minutes, weeklyLimitHours } = c.thisWeek;
  const counted = minutes.billable + minutes.held + minutes.refunded + minutes.overLimit;
  const pct = weeklyLimitHours ? Math.min(100, (counted / (weeklyLimitHours * 60)) * 100) : null;
  return (
    <div className="orow__hours">
      <span className="orow__big">{formatMinutes(minutes.total)}</span>
      <span className="orow__muted">{weeklyLimitHours === null ? 'no weekly cap' : `of ${weeklyLimitHours} h cap`}</span>
      {pct !== null && (
        <span className={`orow__cap${minutes.overLimit > 0 ? ' orow__cap--over' : ''}`} aria-hidden="true">
          <span style={{ width: `${pct}%` }} />
        </span>
      )}
    </div>
  );
}

function Row({ c, role, nowMs, maxMinutes }: { c: OverviewContract; role: Overview['role']; nowMs: number; maxMinutes: number }) {
  const titleId = `orow-${c.id}`;
  const unsettled = c.disputes.open + c.disputes.escalated;
  const last = c.lastWeek;
  const party = role === 'contractor' ? c.company.name : c.contractor.name;
  return (
    <li className="orow" aria-labelledby={titleId}>
      <div className="orow__who">
        <Link id={titleId} className="orow__title" to={paths.diary.getHref(c.id, { week: c.thisWeek.weekStart })}>
          {c.title}
        </Link>
        <span className="orow__muted">
          {party}
          {role === 'admin' && ` · ${c.company.name}`}
        </span>
      </div>
      <Hours c={c} />
      <div className="orow__money">
        <span className="orow__big">{formatMoney(c.thisWeek.amounts.billable, c.currency)}</span>
        <span className="orow__muted">
          {formatMinutes(c.thisWeek.minutes.billable)} billable
          {c.thisWeek.amounts.held > 0 && `, ${formatMoney(c.thisWeek.amounts.held, c.currency)} held`}
        </span>
      </div>
      <div className="orow__spark" role="img" aria-label={`Tracked per day: ${daysText(c)}`} title={daysText(c)}>
        <Suspense fallback={<span className="orow__spark-wait" />}>
          <Sparkline days={c.thisWeek.days} maxMinutes={maxMinutes} />
        </Suspense>
      </div>
      <div className="orow__disputes">
        {unsettled === 0 ? (
          <span className="orow__muted">No open disputes</span>
        ) : (
          <Link to={paths.disputes.getHref({ contractId: c.id, status: 'open,escalated' })}>{disputesText(c.disputes)}</Link>
        )}
      </div>
      <div className="orow__last">
        <span className="orow__muted">Last week</span>
        <Link className={`orow__state orow__state--${last.status}`} to={paths.timesheet.getHref(c.id, { week: last.weekStart })}>
          {reviewState(last, nowMs)}
        </Link>
        <span className="orow__muted">{formatMoney(last.amounts.billable, c.currency)}</span>
      </div>
    </li>
  );
}

export function ContractRows({ overview, nowMs }: { overview: Overview; nowMs: number }) {
  // One scale for every sparkline, so a busy day looks busy beside a quiet contract's.
  const maxMinutes = Math.max(0, ...overview.contracts.flatMap((c) => c.thisWeek.days.map((d) => d.total)));
  return (
    <section aria-labelledby="rows-heading">
      <h2 className="overview__h2" id="rows-heading">
        {overview.role === 'contractor' ? 'Your contracts' : 'Contracts'} <span className="orow__muted">{weekRangeLabel(overview.weekStart)}</span>
      </h2>
      {overview.contracts.length === 0 ? (
        <p className="orow__muted">No contracts yet. When a contract is shared with you, it appears here.</p>
      ) : (
        <ul className="orows">
          {overview.contracts.map((c) => (
            <Row key={c.id} c={c} role={overview.role} nowMs={nowMs} maxMinutes={maxMinutes} />
          ))}
        </ul>
      )}
    </section>
  );
}
