// Beside the numbers: the terms the week is billed with, its deadlines in the viewer's own
// zone, and its disputes.
import { useMemo } from 'react';
import { Link } from 'react-router';
import type { Timesheet } from '#contract/timesheet.ts';
import { paths } from '#src/config/paths.ts';
import { formatInZone } from '#src/utils/date-format.ts';
import { browserTimeZone, zoneOffsetMinutes } from '#src/utils/time-zone.ts';
import { formatShortOffset } from '../utils/countdown.ts';
import { capText, rateText } from '../utils/terms-text.ts';

const SECOND = 1000;

export function WeekTerms({ sheet }: { sheet: Timesheet }) {
  const terms = sheet.approval?.terms ?? sheet.terms;
  return (
    <section className="ts-panel" aria-labelledby="ts-terms-title">
      <h2 id="ts-terms-title" className="ts-panel__title">
        Terms this week
      </h2>
      <dl className="ts-facts">
        <div>
          <dt>Rate</dt>
          <dd data-testid="terms-rate">{rateText(terms.hourlyRate, sheet.currency)}</dd>
        </div>
        <div>
          <dt>Weekly cap</dt>
          <dd>{capText(terms.weeklyLimitHours)}</dd>
        </div>
        <div>
          <dt>Manual time</dt>
          <dd>{terms.manualTimeAllowed ? 'Allowed' : 'Not allowed'}</dd>
        </div>
      </dl>
      <p className="ts-panel__note">
        {sheet.approval ? 'As the week was approved with.' : 'As they stood on the week’s Monday, 00:00 UTC.'}
      </p>
    </section>
  );
}

export function WeekDeadlines({ sheet }: { sheet: Timesheet }) {
  const zone = useMemo(() => browserTimeZone(), []);
  const { editUntil, reviewFrom, reviewUntil } = sheet.deadlines;
  const at = (iso: string, delta = 0) => formatInZone(Date.parse(iso) + delta, zone, 'EEE d MMM, HH:mm');
  const offset = formatShortOffset(zoneOffsetMinutes(zone, Date.parse(reviewUntil)));
  return (
    <section className="ts-panel" aria-labelledby="ts-deadlines-title">
      <h2 id="ts-deadlines-title" className="ts-panel__title">
        Deadlines <span className="ts-panel__aside">your time ({offset})</span>
      </h2>
      <dl className="ts-facts">
        <div>
          <dt>Edits close</dt>
          <dd>{at(editUntil, -SECOND)}</dd>
        </div>
        <div>
          <dt>Review opens</dt>
          <dd>{at(reviewFrom)}</dd>
        </div>
        <div>
          <dt>Review closes</dt>
          <dd>{at(reviewUntil, -SECOND)}</dd>
        </div>
      </dl>
      <p className="ts-panel__note">
        {sheet.approval || sheet.status === 'auto_approved'
          ? 'The week is locked: its deadlines have no more effect.'
          : 'Unless approved by then, every slot not held is approved when the review closes.'}
      </p>
      {sheet.seal && (
        <p className="ts-panel__note ts-seal" title="The server signed this week's record when its approval became final. Keep the fingerprint: a later change to the record would no longer match it.">
          Sealed {formatInZone(Date.parse(sheet.seal.sealedAt), zone, 'd MMM')} · fingerprint <code data-testid="seal-fingerprint">{sheet.seal.fingerprint}</code>
        </p>
      )}
    </section>
  );
}

export function WeekDisputes({ sheet }: { sheet: Timesheet }) {
  const { open, escalated, settled, withdrawn } = sheet.disputes;
  const all = open + escalated + settled + withdrawn;
  const parts = [
    [open, 'open'],
    [escalated, 'escalated'],
    [settled, 'settled'],
    [withdrawn, 'withdrawn'],
  ] as const;
  return (
    <section className="ts-panel" aria-labelledby="ts-disputes-title">
      <h2 id="ts-disputes-title" className="ts-panel__title">
        Disputes
      </h2>
      {all === 0 ? (
        <p className="ts-panel__text">No disputes this week.</p>
      ) : (
        <ul className="ts-dispute-counts">
          {parts
            .filter(([n]) => n > 0)
            .map(([n, word]) => (
              <li key={word} className={`ts-dispute-count ts-dispute-count--${word}`}>
                <strong>{n}</strong> {word}
              </li>
            ))}
        </ul>
      )}
      <Link className="ts-panel__link" to={paths.disputes.getHref({ contractId: sheet.contractId, week: sheet.weekStart })}>
        {all === 0 ? 'Disputes page' : `See the ${all === 1 ? 'dispute' : `${all} disputes`} of this week`} →
      </Link>
    </section>
  );
}
