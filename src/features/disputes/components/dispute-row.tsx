// One dispute in the list: the whole row is the link to its page.
import { Link } from 'react-router';
import type { DisputeSummary } from '#contract/disputes.ts';
import { paths } from '#src/config/paths.ts';
import { formatInZone, weekRangeLabel } from '#src/utils/date-format.ts';
import { formatMoney } from '#src/utils/money.ts';
import { ago, countdown } from '../utils/countdown.ts';
import { REASON_LABELS } from '#src/utils/dispute-words.ts';
import { pendingText, slotCountText } from '#src/utils/dispute-labels.ts';
import type { Role } from '../utils/disputes-search.ts';
import { DisputeStatusBadge } from './dispute-badges.tsx';
import './dispute-row.css';

export function DisputeRow({ dispute, role, timeZone, now }: { dispute: DisputeSummary; role: Role; timeZone: string; now: number | null }) {
  const d = dispute;
  const due = Date.parse(d.answerDue);
  const open = d.status === 'open';
  const left = open && now !== null ? countdown(due, now) : null;
  return (
    <li>
      <Link to={paths.dispute.getHref(d.id)} className="drow">
        <div className="drow__main">
          <div className="drow__title">
            <DisputeStatusBadge status={d.status} />
            <span className="drow__contract">{d.contract.title}</span>
          </div>
          <div className="drow__meta">
            <span>{d.contractor.name}</span>
            <span aria-hidden="true">·</span>
            <span>{d.company.name}</span>
            <span aria-hidden="true">·</span>
            <span>Week of {weekRangeLabel(d.weekStart)}</span>
          </div>
          <div className="drow__meta">
            <span className="drow__reason">{REASON_LABELS[d.reason]}</span>
            <span aria-hidden="true">·</span>
            <span>{slotCountText(d.slotCount)}</span>
            <span aria-hidden="true">·</span>
            <span className={d.pendingCount > 0 && (d.status === 'open' || d.status === 'escalated') ? 'drow__pending' : ''}>
              {pendingText(d.status, d.pendingCount, role)}
            </span>
          </div>
        </div>
        <div className="drow__side">
          <div className="drow__amount">
            {d.heldAmount > 0 ? (
              <>
                <span className="drow__amount-value">{formatMoney(d.heldAmount, d.currency)}</span> <span className="muted">held</span>
              </>
            ) : (
              <span className="muted">Nothing held</span>
            )}
          </div>
          {open ? (
            <div className="drow__due">
              <span>
                <span className="muted">Answer by </span>
                <time dateTime={d.answerDue}>{formatInZone(due, timeZone, 'EEE d MMM, HH:mm')}</time>
              </span>
              {left && <span className={`due due--${left.urgency}`}>{left.text}</span>}
            </div>
          ) : (
            <div className="drow__due muted">
              <span>
                Opened{' '}
                <time dateTime={d.createdAt} title={formatInZone(d.createdAt, timeZone, 'EEE d MMM yyyy, HH:mm')}>
                  {now !== null ? ago(Date.parse(d.createdAt), now) : formatInZone(d.createdAt, timeZone, 'd MMM yyyy')}
                </time>
              </span>
            </div>
          )}
        </div>
      </Link>
    </li>
  );
}
