// The audit trail, oldest first: who (or the system), what, when, and what changed.
import type { Dispute } from '#contract/disputes.ts';
import { formatInZone } from '#src/utils/date-format.ts';
import { actionLabel, actorText, changeLines } from '#src/utils/audit-format.ts';
import { slotTimeLabel } from './dispute-slot-item.tsx';
import './dispute-audit.css';

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;

export function DisputeAudit({ dispute, timeZone }: { dispute: Dispute; timeZone: string }) {
  return (
    <section className="dcard" aria-labelledby="audit-title">
      <h2 id="audit-title" className="dcard__title">
        Audit trail
      </h2>
      <p className="muted small dcard__lead">Every step, as recorded. Nothing here is ever changed or deleted.</p>
      {dispute.audit.length === 0 ? (
        <p className="muted">Nothing recorded yet.</p>
      ) : (
        <ol className="audit" aria-label="Audit trail">
          {dispute.audit.map((e) => {
            const lines = changeLines(e.before, e.after);
            // The subject is a slot (its start) or a comment (its id, which says nothing to a person).
            const subject = e.subject && INSTANT.test(e.subject) ? `Slot ${slotTimeLabel(e.subject, timeZone)}` : null;
            return (
              <li key={e.id} className="audit__item">
                <time className="audit__when" dateTime={e.at}>
                  {formatInZone(e.at, timeZone, 'd MMM, HH:mm')}
                </time>
                <div className="audit__what">
                  <p>
                    <strong className={e.actor ? '' : 'audit__system'}>{actorText(e.actor)}</strong> · {actionLabel(e.action)}
                  </p>
                  {subject && <p className="muted small">{subject}</p>}
                  {lines.length > 0 && (
                    <ul className="audit__changes">
                      {lines.map((l, i) => (
                        <li key={i}>{l}</li>
                      ))}
                    </ul>
                  )}
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
