// One disputed slot: the evidence (thumbnail, time, activity, memo, window), its state now,
// the answer and decision so far, and what the viewer can do about it.
import { Link } from 'react-router';
import type { Dispute, DisputeSlot } from '#contract/disputes.ts';
import { paths } from '#src/config/paths.ts';
import { formatInZone } from '#src/utils/date-format.ts';
import { formatClock } from '#src/utils/time-zone.ts';
import { slotOriginalUrl, slotScreenshotUrl, slotThumbnailUrl } from '../api/get-dispute.ts';
import { AnswerControls } from './answer-controls.tsx';
import { SlotAnswerBadge, SlotStateBadge } from './dispute-badges.tsx';
import { ResolveControls } from './resolve-controls.tsx';
import './dispute-slot-item.css';

const SLOT_MS = 600_000;

/** "Tue 17 Nov, 09:10–09:20" in the zone. */
export function slotTimeLabel(start: string, timeZone: string): string {
  const t = Date.parse(start);
  return `${formatInZone(t, timeZone, 'EEE d MMM')}, ${formatClock(t, timeZone)}\u2013${formatClock(t + SLOT_MS, timeZone)}`;
}

/** Who the slot is waiting for, when the viewer cannot act on it. */
function waitingText(dispute: Dispute, slot: DisputeSlot): string | null {
  if (dispute.status === 'open' && slot.status === 'open') return 'Waiting for the contractor’s answer.';
  if (dispute.status === 'open' && slot.status === 'contested') return 'Contested: an admin decides it once every slot is answered.';
  if (dispute.status === 'escalated' && (slot.status === 'open' || slot.status === 'contested')) return 'Waiting for an admin’s decision.';
  return null;
}

export function DisputeSlotItem({ dispute, slot, timeZone }: { dispute: Dispute; slot: DisputeSlot; timeZone: string }) {
  const contractId = dispute.contract.id;
  const label = slotTimeLabel(slot.start, timeZone);
  const headingId = `slot-${Date.parse(slot.start)}`;
  const canAnswer = dispute.actions.answer && slot.status === 'open';
  const canResolve = dispute.actions.resolve && (slot.status === 'open' || slot.status === 'contested');
  const manual = slot.kind === 'manual';

  return (
    <li className={`dslot dslot--${slot.status}`} aria-labelledby={headingId}>
      <div className="dslot__thumb">
        {manual ? (
          <div className="dslot__nothumb">
            <strong>Manual time</strong>
            <span>No screenshot</span>
          </div>
        ) : slot.hasScreenshot ? (
          <a href={slotScreenshotUrl(contractId, slot.start)} target="_blank" rel="noreferrer" aria-label={`Full screenshot of ${label} (opens in a new tab)`}>
            <img src={slotThumbnailUrl(contractId, slot.start)} loading="lazy" decoding="async" alt={`Screenshot of ${label}${slot.windowTitle ? ` in ${slot.windowTitle}` : ''}`} />
          </a>
        ) : (
          <div className="dslot__nothumb">
            <strong>No screenshot</strong>
          </div>
        )}
      </div>

      <div className="dslot__facts">
        <div className="dslot__head">
          <h3 id={headingId} className="dslot__time">
            {label}
          </h3>
          <SlotStateBadge state={slot.state} />
          {slot.duplicate && (
            <span className="dbadge dbadge--dup" title="The same screenshot appears in another slot of this contract">
              Duplicate screenshot
            </span>
          )}
        </div>
        <dl className="dfacts">
          <div>
            <dt>Activity</dt>
            <dd>
              {manual ? (
                <span className="muted">Manual time, not tracked</span>
              ) : (
                <>
                  <span className="dmeter" aria-hidden="true">
                    {Array.from({ length: 10 }, (_, i) => (
                      <i key={i} className={i < slot.activeMinutes ? 'on' : ''} />
                    ))}
                  </span>
                  {slot.activeMinutes} of 10 minutes
                </>
              )}
            </dd>
          </div>
          <div>
            <dt>Memo</dt>
            <dd className={slot.memo ? '' : 'muted'}>{slot.memo || 'No memo'}</dd>
          </div>
          <div>
            <dt>Window</dt>
            <dd className={slot.windowTitle ? 'dfacts__mono' : 'muted'}>{slot.windowTitle || (manual ? 'Not tracked' : 'Unknown')}</dd>
          </div>
        </dl>
        <Link className="dslot__diary" to={paths.diary.getHref(contractId, { week: dispute.weekStart, slot: slot.start })}>
          Open in the diary<span className="sr-only">: {label}</span>
        </Link>
        {dispute.actions.originals && slot.hasScreenshot && !manual && (
          <p className="dslot__original">
            <a href={slotOriginalUrl(contractId, slot.start)} target="_blank" rel="noreferrer">
              See the original screenshot<span className="sr-only">: {label} (opens in a new tab)</span>
            </a>
          </p>
        )}
      </div>

      <div className="dslot__answer">
        <div className="dslot__status">
          <span className="dslot__label">Answer</span>
          <SlotAnswerBadge status={slot.status} />
        </div>
        {slot.reply && (
          <div className="dnote">
            <p className="dnote__who">
              Contractor’s reply
              {slot.answeredAt && <> · {formatInZone(slot.answeredAt, timeZone, 'd MMM, HH:mm')}</>}
            </p>
            <p className="dnote__text">{slot.reply}</p>
          </div>
        )}
        {!slot.reply && slot.answeredAt && slot.status === 'accepted' && (
          <p className="muted small">Accepted by the contractor {formatInZone(slot.answeredAt, timeZone, 'd MMM, HH:mm')}.</p>
        )}
        {slot.resolvedAt && (
          <div className="dnote dnote--admin">
            <p className="dnote__who">
              Decided by {slot.resolvedBy?.name ?? 'the admin'} · {formatInZone(slot.resolvedAt, timeZone, 'd MMM, HH:mm')}
            </p>
            {slot.resolutionNote ? <p className="dnote__text">{slot.resolutionNote}</p> : <p className="dnote__text muted">No note.</p>}
          </div>
        )}
        {!canAnswer && !canResolve && waitingText(dispute, slot) && <p className="muted small">{waitingText(dispute, slot)}</p>}
        {canAnswer && <AnswerControls disputeId={dispute.id} start={slot.start} timeLabel={label} />}
        {canResolve && <ResolveControls disputeId={dispute.id} start={slot.start} timeLabel={label} hourlyRate={dispute.hourlyRate} currency={dispute.currency} />}
      </div>
    </li>
  );
}
