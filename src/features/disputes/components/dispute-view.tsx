// The dispute page: what was disputed and why, the answer deadline, each slot with its
// evidence and answer, the actions open to the viewer, the conversation and the audit trail.
// Everything the viewer may do comes from the server's `actions`.
import { useMemo } from 'react';
import { Link } from 'react-router';
import type { Dispute } from '#contract/disputes.ts';
import { NotFoundPanel } from '#src/components/errors/not-found-panel.tsx';
import { QueryErrorState } from '#src/components/ui/error-state.tsx';
import { paths } from '#src/config/paths.ts';
import { isApiError } from '#src/lib/api-client.ts';
import { formatInZone, weekRangeLabel } from '#src/utils/date-format.ts';
import { formatMoney } from '#src/utils/money.ts';
import { browserTimeZone } from '#src/utils/time-zone.ts';
import { useDispute } from '../api/get-dispute.ts';
import { useServerNow } from '../hooks/use-server-now.ts';
import { countdown } from '../utils/countdown.ts';
import { REASON_LABELS } from '#src/utils/dispute-words.ts';
import { pendingText, slotCountText, STATUS_MEANING } from '#src/utils/dispute-labels.ts';
import type { Role } from '../utils/disputes-search.ts';
import { BulkAnswer } from './bulk-answer.tsx';
import { DisputeAudit } from './dispute-audit.tsx';
import { DisputeStatusBadge } from './dispute-badges.tsx';
import { DisputeSlotItem } from './dispute-slot-item.tsx';
import { DisputeThread } from './dispute-thread.tsx';
import { WithdrawDispute } from './withdraw-dispute.tsx';
import './disputes.css';
import './dispute-view.css';

export function DisputePage({ disputeId, role }: { disputeId: string; role: Role }) {
  const query = useDispute(disputeId);
  const timeZone = useMemo(() => browserTimeZone(), []);
  if (query.isPending) return <DisputeSkeleton />;
  if (query.isError) {
    if (isApiError(query.error, 404)) return <NotFoundPanel title="Dispute not found" />;
    return (
      <div className="page__content page--center">
        <QueryErrorState title="This dispute could not be loaded" query={query} />
      </div>
    );
  }
  return <DisputeView dispute={query.data} role={role} timeZone={timeZone} />;
}

const fmt = (iso: string, timeZone: string) => formatInZone(iso, timeZone, 'EEE d MMM yyyy, HH:mm');

export function DisputeView({ dispute, role, timeZone }: { dispute: Dispute; role: Role; timeZone: string }) {
  const d = dispute;
  const week = weekRangeLabel(d.weekStart);
  const a = d.actions;
  const canAct = a.answer || a.resolve || a.withdraw;
  return (
    <div className="page__content dispute">
      <title>{`Dispute · ${d.contract.title} · workdiary`}</title>
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <Link to={paths.disputes.getHref()}>Disputes</Link>
        <span aria-hidden="true">/</span>
        <span>
          {d.contract.title}, week of {week}
        </span>
      </nav>

      <header className="dhead">
        <div className="dhead__top">
          <h1 className="page-head__title">
            {REASON_LABELS[d.reason]} <span className="dhead__on">on</span> {d.contract.title}
          </h1>
          <DisputeStatusBadge status={d.status} large />
        </div>
        <p className="dhead__meta">
          <span>Week of {week}</span>
          <span aria-hidden="true">·</span>
          <span>{d.contractor.name}</span>
          <span aria-hidden="true">·</span>
          <span>{d.company.name}</span>
          <span aria-hidden="true">·</span>
          <span>
            Opened by {d.createdBy.name} on <time dateTime={d.createdAt}>{fmt(d.createdAt, timeZone)}</time>
          </span>
        </p>
        <p className="dhead__meaning">
          {d.status === 'open' && role === 'contractor' ? 'Waiting for your answer: accept or contest each slot.' : STATUS_MEANING[d.status]}
        </p>
        <figure className="dquote">
          <figcaption className="dquote__who">{d.createdBy.name}’s comment</figcaption>
          {d.comment ? <blockquote className="dquote__text">{d.comment}</blockquote> : <p className="dquote__text muted">No comment: the reason says it.</p>}
        </figure>
      </header>

      <div className="dsummary">
        <DeadlineBox dispute={d} role={role} timeZone={timeZone} />
        <dl className="dsummary__figures">
          <div>
            <dt>Slots</dt>
            <dd>
              {slotCountText(d.slotCount)}
              <span className="dsummary__sub">{pendingText(d.status, d.pendingCount, role)}</span>
            </dd>
          </div>
          <div>
            <dt>Held</dt>
            <dd className="dsummary__held">{formatMoney(d.heldAmount, d.currency)}</dd>
          </div>
          <div>
            <dt>Refunded</dt>
            <dd className="dsummary__refunded">{formatMoney(d.refundedAmount, d.currency)}</dd>
          </div>
          <div>
            <dt>Rate</dt>
            <dd>{formatMoney(d.hourlyRate, d.currency)}/h</dd>
          </div>
        </dl>
      </div>

      {(canAct || a.reason) && (
        <div className="dactions" role="region" aria-label="What you can do">
          {a.answer && (
            <p className="dactions__text">
              <strong>Answer each slot below:</strong> accept it (the client is refunded) or contest it with a reply.
            </p>
          )}
          {a.resolve && (
            <p className="dactions__text">
              <strong>Decide each open or contested slot below</strong> for the client (refunded) or for the contractor (billable).
            </p>
          )}
          {a.withdraw && (
            <p className="dactions__text">Changed your mind? Withdrawing releases the slots still held for payment.</p>
          )}
          {!canAct && a.reason && <p className="dactions__text dactions__reason">{a.reason}</p>}
          <div className="dactions__buttons">
            {a.answer && <BulkAnswer dispute={d} />}
            {a.withdraw && <WithdrawDispute dispute={d} />}
          </div>
        </div>
      )}

      <section className="dslots" aria-labelledby="slots-title">
        <h2 id="slots-title" className="dsection__title">
          Disputed slots <span className="muted">({d.slots.length})</span>
          <span className="dsection__zone muted">Times in {timeZone}</span>
        </h2>
        {d.actions.originals && (
          <p className="dslots__blurred muted small">
            This contract blurs screenshots for the client. While the dispute is escalated you can see each slot’s original, kept
            encrypted; every look is recorded in the audit trail.
          </p>
        )}
        <ul className="dslots__list">
          {d.slots.map((s) => (
            <DisputeSlotItem key={s.start} dispute={d} slot={s} timeZone={timeZone} />
          ))}
        </ul>
      </section>

      <div className="dcols">
        <DisputeThread dispute={d} timeZone={timeZone} />
        <DisputeAudit dispute={d} timeZone={timeZone} />
      </div>
    </div>
  );
}

function DeadlineBox({ dispute: d, role, timeZone }: { dispute: Dispute; role: Role; timeZone: string }) {
  const now = useServerNow(30_000);
  const due = Date.parse(d.answerDue);
  if (d.status === 'open') {
    const left = now === null ? null : countdown(due, now);
    return (
      <div className={`deadline deadline--${left?.urgency ?? 'calm'}`}>
        <p className="deadline__label">{role === 'contractor' ? 'Your answer is due' : 'The contractor’s answer is due'}</p>
        <p className="deadline__when">
          <time dateTime={d.answerDue}>{fmt(d.answerDue, timeZone)}</time> <span className="muted small">({timeZone})</span>
        </p>
        <p className="deadline__left" aria-live="off">
          {left ? (left.overdue ? 'The answer window has closed; the dispute goes to an admin.' : left.text) : '\u00a0'}
        </p>
        {!left?.overdue && <p className="muted small">Unanswered slots go to an admin when the 3 days are up.</p>}
      </div>
    );
  }
  const [label, at] =
    d.status === 'escalated'
      ? [d.escalatedAt && Date.parse(d.escalatedAt) >= due ? 'Escalated when the answer window closed' : 'Escalated', d.escalatedAt]
      : d.status === 'settled'
        ? ['Settled', d.closedAt]
        : ['Withdrawn by the client', d.closedAt];
  return (
    <div className={`deadline deadline--${d.status}`}>
      <p className="deadline__label">{label}</p>
      <p className="deadline__when">{at ? <time dateTime={at}>{fmt(at, timeZone)}</time> : '—'}</p>
      {d.status === 'escalated' && <p className="muted small">An admin decides each slot still open or contested.</p>}
      {d.status !== 'escalated' && d.escalatedAt && <p className="muted small">Escalated {fmt(d.escalatedAt, timeZone)}.</p>}
    </div>
  );
}

function DisputeSkeleton() {
  return (
    <div className="page__content dispute" aria-busy="true" aria-label="Loading the dispute">
      <div className="skeleton skeleton--line" style={{ width: 200 }} />
      <div className="skeleton skeleton--title" />
      <div className="skeleton skeleton--line" style={{ width: '50%' }} />
      <div className="skeleton skeleton--block" style={{ height: 96 }} />
      {[0, 1].map((i) => (
        <div key={i} className="skeleton skeleton--block" style={{ height: 120 }} />
      ))}
    </div>
  );
}
