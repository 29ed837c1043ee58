// What waits on the viewer, first on the page: the weeks a client may approve now, with the
// time left, and the disputes whose next move is theirs. Each item links to where it is acted on.
import { Link } from 'react-router';
import type { DisputeDue, Overview, QuestionDue, ReviewDue } from '#contract/overview.ts';
import { paths } from '#src/config/paths.ts';
import { formatInZone, weekRangeLabel } from '#src/utils/date-format.ts';
import { formatMinutes } from '#src/utils/duration.ts';
import { formatMoney } from '#src/utils/money.ts';
import { shortSpan } from '#src/utils/countdown.ts';
import { isUrgent } from '../utils/overview-words.ts';

const localZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

function ReviewItem({ r, nowMs }: { r: ReviewDue; nowMs: number }) {
  return (
    <li className={`needs__item${isUrgent(r.reviewUntil, nowMs) ? ' needs__item--urgent' : ''}`}>
      <Link className="needs__link" to={paths.timesheet.getHref(r.contractId, { week: r.weekStart })}>
        <span className="needs__kind needs__kind--review">Approve</span>
        <span className="needs__what">
          <strong>{r.contractTitle}</strong> · {r.contractorName}
          <span className="needs__sub">
            {weekRangeLabel(r.weekStart)}: {formatMinutes(r.minutes)} billable, {formatMoney(r.amount, r.currency)}
          </span>
        </span>
        <span className="needs__due">closes in {shortSpan(Date.parse(r.reviewUntil) - nowMs)}</span>
      </Link>
    </li>
  );
}

/** What the viewer does about the dispute, in their words. */
function disputeAsk(d: DisputeDue, role: Overview['role']): string {
  if (role === 'contractor') return `${d.pendingCount} slot${d.pendingCount === 1 ? '' : 's'} to accept or contest`;
  if (role === 'admin') return `${d.pendingCount} slot${d.pendingCount === 1 ? '' : 's'} to resolve`;
  return 'Escalated: read the answer, withdraw it or leave it to an admin';
}

function DisputeItem({ d, role, nowMs }: { d: DisputeDue; role: Overview['role']; nowMs: number }) {
  const who = role === 'contractor' ? d.company.name : d.contractor.name;
  const answering = role === 'contractor';
  return (
    <li className={`needs__item${answering && isUrgent(d.answerDue, nowMs) ? ' needs__item--urgent' : ''}`}>
      <Link className="needs__link" to={paths.dispute.getHref(d.id)}>
        <span className="needs__kind needs__kind--dispute">Dispute</span>
        <span className="needs__what">
          <strong>{d.contract.title}</strong> · {who}
          <span className="needs__sub">
            {disputeAsk(d, role)}; {formatMoney(d.heldAmount, d.currency)} held
          </span>
        </span>
        <span className="needs__due">
          {answering
            ? `answer within ${shortSpan(Date.parse(d.answerDue) - nowMs)} (by ${formatInZone(d.answerDue, localZone, 'EEE d MMM HH:mm')})`
            : `week of ${weekRangeLabel(d.weekStart)}`}
        </span>
      </Link>
    </li>
  );
}

/** A question on a slot that waits on the contractor; it opens the slot in the diary. */
function QuestionItem({ q, role, nowMs }: { q: QuestionDue; role: Overview['role']; nowMs: number }) {
  return (
    <li className="needs__item">
      <Link className="needs__link" to={paths.diary.getHref(q.contractId, { week: q.weekStart, slot: q.slotStart })}>
        <span className="needs__kind needs__kind--question">Question</span>
        <span className="needs__what">
          <strong>{q.contractTitle}</strong> · {q.counterpart}
          <span className="needs__sub needs__sub--quote">
            {role === 'contractor' ? `${q.askedBy.name} asks` : 'Unanswered'}: “{q.question}”
          </span>
        </span>
        <span className="needs__due">
          slot {formatInZone(q.slotStart, localZone, 'EEE d MMM HH:mm')}, asked {shortSpan(nowMs - Date.parse(q.askedAt))} ago
        </span>
      </Link>
    </li>
  );
}

const HEADINGS = { client: 'Needs your review', contractor: 'Waiting on your answer', admin: 'Disputes to resolve' } as const;
const NOTHING = {
  client: 'Nothing waits on you: no week is in its review window and no dispute needs you.',
  contractor: 'Nothing waits on you: no dispute needs your answer.',
  admin: 'Nothing waits on you: no dispute is escalated.',
} as const;

export function NeedsStrip({ overview, nowMs }: { overview: Overview; nowMs: number }) {
  const { reviews, disputes, questions } = overview.needs;
  const count = reviews.length + disputes.length + questions.length;
  return (
    <section className={`needs${count > 0 ? ' needs--waiting' : ''}`} aria-labelledby="needs-heading">
      <h2 className="needs__heading" id="needs-heading">
        {HEADINGS[overview.role]} {count > 0 && <span className="pill">{count}</span>}
      </h2>
      {count === 0 ? (
        <p className="needs__none">{NOTHING[overview.role]}</p>
      ) : (
        <ul className="needs__list">
          {reviews.map((r) => (
            <ReviewItem key={`${r.contractId}-${r.weekStart}`} r={r} nowMs={nowMs} />
          ))}
          {disputes.map((d) => (
            <DisputeItem key={d.id} d={d} role={overview.role} nowMs={nowMs} />
          ))}
          {questions.map((q) => (
            <QuestionItem key={q.id} q={q} role={overview.role} nowMs={nowMs} />
          ))}
        </ul>
      )}
    </section>
  );
}
