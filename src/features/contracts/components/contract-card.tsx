// One contract at a glance: the other side (the contractor for a client, the client's company
// for a contractor, both for an admin), this week's hours and activity, and the way in.
import { Link } from 'react-router';
import type { Role } from '#contract/common.ts';
import type { ContractSummary } from '#contract/contracts.ts';
import { paths } from '#src/config/paths.ts';
import { formatMinutes } from '#src/utils/duration.ts';
import { formatCalendarDate } from '#src/utils/date-format.ts';
import { initials } from '#src/utils/initials.ts';
import { privacyFacts } from '#contract/privacy-words.ts';
import { addWeeks } from '#src/utils/week.ts';
import { formatMoney } from '../utils/money.ts';
import { ContractActions } from './contract-actions.tsx';

const STATUS_LABEL = { pending: 'Pending invitation', active: 'Active', paused: 'Paused', ended: 'Ended' } as const;

/** Who the viewer works with on this contract, and the line under the title. */
function counterpart(contract: ContractSummary, role: Role): { name: string; sub: string } {
  if (role === 'contractor') return { name: contract.company.name, sub: `Client: ${contract.company.name}` };
  if (role === 'client') return { name: contract.contractor.name, sub: contract.contractor.name };
  return { name: contract.contractor.name, sub: `${contract.contractor.name} for ${contract.company.name}` };
}

export function ContractCard({ contract, role }: { contract: ContractSummary; role: Role }) {
  const { thisWeek } = contract;
  const who = counterpart(contract, role);
  const activity = thisWeek.activityPercent;
  const titleId = `contract-${contract.id}`;
  return (
    <article className="contract-card" aria-labelledby={titleId}>
      <header className="contract-card__head">
        <div className="contract-card__who">
          <span className="avatar" aria-hidden="true">
            {initials(who.name)}
          </span>
          <div>
            <h2 className="contract-card__title" id={titleId}>
              {contract.title}
            </h2>
            <p className="contract-card__sub">{who.sub}</p>
            <p className="contract-card__terms">
              {formatMoney(contract.hourlyRate, contract.currency)}/h
              {contract.weeklyLimitHours !== null && <> · {contract.weeklyLimitHours} h/week limit</>}
              {contract.manualTimeAllowed && <> · manual time allowed</>}
            </p>
            <p className="contract-card__terms contract-card__privacy">
              {privacyFacts(contract.privacy).map((fact) => (
                <span key={fact} className="contract-card__fact">
                  {fact}
                </span>
              ))}
            </p>
          </div>
        </div>
        {contract.status !== 'active' && <span className={`status status--${contract.status}`}>{STATUS_LABEL[contract.status]}</span>}
      </header>

      <dl className="contract-card__stats">
        <div>
          <dt>This week</dt>
          <dd className="big-figure contract-card__big">{formatMinutes(thisWeek.trackedMinutes)}</dd>
        </div>
        <div>
          <dt>Billable</dt>
          <dd className="big-figure contract-card__big">{formatMinutes(thisWeek.billableMinutes)}</dd>
        </div>
        <div>
          <dt>Avg. activity</dt>
          <dd className="big-figure contract-card__big">
            {activity === null ? '—' : `${activity}%`}
            {activity !== null && (
              <span className="activity-bar" aria-hidden="true">
                <span style={{ width: `${Math.max(0, Math.min(100, activity))}%` }} />
              </span>
            )}
          </dd>
        </div>
      </dl>

      {/* No week in the links: the page opens the week in review, if one waits, else this week. */}
      <footer className="contract-card__foot">
        {role !== 'contractor' && <ContractActions contract={contract} changesFrom={`${addWeeks(thisWeek.weekStart, 1)}T00:00:00.000Z`} />}
        <span className="contract-card__week">Week of {formatCalendarDate(thisWeek.weekStart, 'd MMM yyyy')}</span>
        {contract.status === 'pending' ? (
          <span className="contract-card__week">Waiting for {contract.contractor.email} to accept</span>
        ) : (
          <span className="contract-card__links">
            <Link className="contract-card__link" to={paths.timesheet.getHref(contract.id)}>
              Timesheet<span className="sr-only"> of {contract.title}</span>
            </Link>
            <Link className="contract-card__link" to={paths.diary.getHref(contract.id)}>
              Open diary<span className="sr-only"> for {contract.title}</span>
              <span aria-hidden="true"> →</span>
            </Link>
          </span>
        )}
      </footer>
    </article>
  );
}
