// The current slot up close: the screenshot (its thumbnail first, then the full image), the
// reasons it is in the queue, memo, window title, activity per minute, and the controls:
// previous, next, flag and open in the diary.
import { lazy, Suspense, useState } from 'react';
import { Link } from 'react-router';
import { paths } from '#src/config/paths.ts';
import { formatInZone } from '#src/utils/date-format.ts';
import { formatClock } from '#src/utils/time-zone.ts';
import { slotScreenshotUrl, slotThumbnailUrl, useSlot } from '../api/get-slot.ts';
import { activityText, slotRange } from '../utils/slot-labels.ts';
import { itemChips, type ReviewItem } from '../utils/suspicious.ts';
import { ActivityMeter } from './activity-meter.tsx';
import { FlagIcon } from './review-list.tsx';
import { DuplicateMarker, StateBadge } from './state-badge.tsx';
import './review-detail.css';

const ActivityChart = lazy(() => import('./activity-chart.tsx'));

const NOT_ACTIONABLE: Record<string, string> = {
  held: 'Held: it is in a dispute already; its money is paid or refunded when that settles.',
  refunded: 'Refunded: a dispute was settled for you. It is not paid.',
  inactive: 'Inactive: no keyboard or mouse input. It is not paid.',
  over_limit: 'Over the weekly limit: it is not paid.',
  deleted: 'Deleted by the contractor.',
};

interface ReviewDetailProps {
  id: string;
  item: ReviewItem;
  contractId: string;
  zone: string;
  position: number;
  total: number;
  flagged: boolean;
  /** Why the client cannot dispute this week now (null: they can). */
  disputeBlocked: string | null;
  diaryHref: string;
  onToggleFlag: () => void;
  onPrevious: () => void;
  onNext: () => void;
}

export function ReviewDetail({ id, item, contractId, zone, position, total, flagged, disputeBlocked, diaryHref, onToggleFlag, onPrevious, onNext }: ReviewDetailProps) {
  const detail = useSlot(contractId, item.startIso);
  const dispute = detail.data?.dispute ?? null;
  const [loaded, setLoaded] = useState<string | null>(null);
  const [broken, setBroken] = useState<string | null>(null);
  const shotUrl = slotScreenshotUrl(contractId, item.startIso);
  const thumbUrl = slotThumbnailUrl(contractId, item.startIso);
  const canFlag = item.actionable && disputeBlocked === null;
  const labels = Array.from({ length: 10 }, (_, i) => formatClock(item.start + i * 60_000, zone));

  return (
    <section id={id} className={`rv-detail rv-detail--${item.state}${flagged ? ' rv-detail--flagged' : ''}`} aria-label="Current slot">
      <header className="rv-detail__head">
        <div className="rv-detail__when">
          <h2 className="rv-detail__title">
            {formatInZone(item.start, zone, 'EEEE d MMM')} · {slotRange(item.start, zone)}
          </h2>
          <p className="rv-detail__pos muted">
            {position} of {total}
          </p>
        </div>
        <div className="rv-detail__badges">
          <StateBadge state={item.state} />
          {flagged && (
            <span className="rv-flag-mark rv-flag-mark--lg">
              <FlagIcon /> Flagged
            </span>
          )}
        </div>
      </header>
      <div className="rv-detail__controls">
        <button type="button" className="btn btn--secondary" onClick={onPrevious} disabled={position <= 1} aria-keyshortcuts="K">
          <span aria-hidden="true">←</span> Previous <kbd>K</kbd>
        </button>
        <button type="button" className="btn btn--secondary" onClick={onNext} disabled={position >= total} aria-keyshortcuts="J">
          Next <kbd>J</kbd> <span aria-hidden="true">→</span>
        </button>
        <span className="rv-detail__spacer" />
        <Link className="btn btn--ghost" to={diaryHref} aria-keyshortcuts="O Enter">
          Open in diary <kbd>O</kbd>
        </Link>
        {item.actionable ? (
          <button
            type="button"
            className={flagged ? 'btn btn--flagged' : 'btn btn--flag'}
            onClick={onToggleFlag}
            aria-pressed={flagged}
            disabled={!canFlag}
            aria-keyshortcuts="F"
          >
            <FlagIcon size={14} /> {flagged ? 'Flagged' : 'Flag'} <kbd>F</kbd>
          </button>
        ) : null}
      </div>
      {/* The evidence first, beside its facts: on a laptop the screenshot starts above the fold. */}
      <div className="rv-detail__body">
        <div className="rv-shot" style={item.kind === 'tracked' && item.shot ? { backgroundImage: `url("${thumbUrl}")` } : undefined}>
          {item.kind === 'manual' ? (
            <div className="rv-shot__panel">Manual time: no screenshot or activity is recorded for it.</div>
          ) : !item.shot ? (
            <div className="rv-shot__panel">No screenshot was taken in this slot.</div>
          ) : broken === item.startIso ? (
            <div className="rv-shot__panel">The screenshot could not be loaded.</div>
          ) : (
            <img
              key={item.startIso}
              src={shotUrl}
              alt={`Screenshot of ${slotRange(item.start, zone)}${item.windowTitle ? `: ${item.windowTitle}` : ''}`}
              className={loaded === item.startIso ? 'is-loaded' : undefined}
              decoding="async"
              onLoad={() => setLoaded(item.startIso)}
              onError={() => setBroken(item.startIso)}
            />
          )}
          {item.dup && <DuplicateMarker className="rv-shot__dup" />}
        </div>
        <div className="rv-detail__facts">
          {!item.actionable && <p className="rv-detail__note">{NOT_ACTIONABLE[item.state] ?? ''} It cannot be flagged.</p>}

          {item.reasons.length === 0 && <p className="rv-detail__clean muted">Nothing suspicious about this slot.</p>}
          {item.reasons.length + item.hints.length > 0 && (
            <ul className="rv-chips rv-chips--lg" aria-label={item.reasons.length ? 'Why it is suspicious' : 'Hints'}>
              {itemChips(item).map((c) => (
                <li key={c.kind} className={`rv-chip rv-chip--${c.kind}${c.hint ? ' rv-chip--hint' : ''}`}>
                  {c.label}
                </li>
              ))}
            </ul>
          )}

          <dl className="rv-facts">
            <div>
              <dt>Memo</dt>
              <dd className={item.memo.trim() ? undefined : 'rv-facts__none'}>{item.memo.trim() || 'No memo'}</dd>
            </div>
            <div>
              <dt>Window</dt>
              <dd className={item.windowTitle ? 'rv-facts__title' : 'rv-facts__none'}>{item.windowTitle || (item.kind === 'manual' ? 'Manual time' : 'Not recorded')}</dd>
            </div>
            {item.kind === 'tracked' && (
              <div>
                <dt>Activity</dt>
                <dd>
                  <span>{activityText(item.active)} active</span>
                  <ActivityMeter active={item.active} state={item.state} size="lg" />
                </dd>
              </div>
            )}
            {dispute && (
              <div>
                <dt>Dispute</dt>
                <dd>
                  <Link to={paths.dispute.getHref(dispute.id)}>View the {dispute.status} dispute</Link>
                </dd>
              </div>
            )}
          </dl>
        </div>
      </div>

      {item.kind === 'tracked' && detail.data && detail.data.keyboard.length > 0 && (
        <Suspense fallback={<div className="rv-chart-placeholder" aria-hidden="true" />}>
          <ActivityChart keyboard={detail.data.keyboard} mouse={detail.data.mouse} labels={labels} />
        </Suspense>
      )}
    </section>
  );
}
