// One device: its name, when it was connected and last uploaded, and Revoke with a confirmation
// in place (the focus moves to the confirming button, Escape or Cancel backs out).
import { useEffect, useRef, useState } from 'react';
import type { Tracker } from '#contract/trackers.ts';
import { formatInZone } from '#src/utils/date-format.ts';
import { useRevokeTracker } from '../api/revoke-tracker.ts';

const when = (iso: string, timeZone: string) => formatInZone(iso, timeZone, 'd MMM yyyy, HH:mm');

export function TrackerRow({ tracker, timeZone }: { tracker: Tracker; timeZone: string }) {
  const [confirming, setConfirming] = useState(false);
  const revoke = useRevokeTracker();
  const confirmRef = useRef<HTMLButtonElement>(null);
  const revokeRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
    else if (wasConfirming.current) revokeRef.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  const revoked = tracker.revokedAt !== null;
  const nameId = `tracker-${tracker.id}`;
  return (
    <li className={`tracker-row${revoked ? ' tracker-row--revoked' : ''}${confirming ? ' tracker-row--confirming' : ''}`} aria-labelledby={nameId}>
      <div className="tracker-row__main">
        <span id={nameId} className="tracker-row__name">
          {tracker.deviceName}
        </span>
        <span className={`status ${revoked ? 'status--ended' : 'status--active'}`}>{revoked ? 'Revoked' : 'Active'}</span>
      </div>
      <dl className="tracker-row__facts">
        <div>
          <dt>Created</dt>
          <dd>{when(tracker.createdAt, timeZone)}</dd>
        </div>
        <div>
          <dt>Last upload</dt>
          <dd>{tracker.lastUsedAt ? when(tracker.lastUsedAt, timeZone) : 'never'}</dd>
        </div>
        <div>
          <dt>Device key</dt>
          {/* A tracker with a key signs each slot, and the evidence pack carries the signatures. */}
          <dd>{tracker.deviceKey ? <span className="tracker-row__key">{tracker.deviceKey}</span> : 'none: its slots are unsigned'}</dd>
        </div>
        {tracker.revokedAt && (
          <div>
            <dt>Revoked</dt>
            <dd>{when(tracker.revokedAt, timeZone)}</dd>
          </div>
        )}
      </dl>
      {!revoked && (
        <div className="tracker-row__actions" onKeyDown={(e) => e.key === 'Escape' && confirming && setConfirming(false)}>
          {confirming ? (
            <div className="tracker-confirm" role="group" aria-label={`Revoke ${tracker.deviceName}?`}>
              <span className="tracker-confirm__text">Revoke? Its tracker stops uploading at once.</span>
              <button
                ref={confirmRef}
                type="button"
                className="btn btn--sm btn--danger-solid"
                disabled={revoke.isPending}
                onClick={() => revoke.mutate({ trackerId: tracker.id }, { onSuccess: () => setConfirming(false) })}
              >
                {revoke.isPending ? 'Revoking…' : 'Yes, revoke'}
              </button>
              <button type="button" className="btn btn--sm btn--ghost" onClick={() => setConfirming(false)} disabled={revoke.isPending}>
                Cancel
              </button>
            </div>
          ) : (
            <button ref={revokeRef} type="button" className="btn btn--sm btn--secondary" onClick={() => setConfirming(true)} aria-describedby={nameId}>
              Revoke
            </button>
          )}
          {revoke.error && (
            <span className="tracker-row__error" role="alert">
              {revoke.error.message}
            </span>
          )}
        </div>
      )}
    </li>
  );
}
