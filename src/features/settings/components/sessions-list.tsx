// Where the user is signed in: each session's device, when it began and was last seen (a
// change made from it, or its sign-in), this device marked; any other can be signed out.
import type { Settings } from '#contract/settings.ts';
import { formatInZone } from '#src/utils/date-format.ts';
import { useEndSession, useSignOutOthers } from '../api/settings.ts';
import { FormProblem } from './form-problem.tsx';

const when = (iso: string, timeZone: string) => formatInZone(iso, timeZone, 'd MMM yyyy, HH:mm');

export function SessionsList({ settings }: { settings: Settings }) {
  const endOne = useEndSession();
  const endOthers = useSignOutOthers();
  const others = settings.sessions.filter((s) => !s.current).length;
  return (
    <div className="panel settings-card">
      <p className="settings-card__lead">Last seen is when you signed in or last changed something from that device; only reading does not count.</p>
      <FormProblem error={endOne.error ?? endOthers.error} />
      <ul className="session-list" aria-label="Your sessions">
        {settings.sessions.map((s) => (
          <li key={s.id} className="session-row">
            <div className="session-row__main">
              <span className="session-row__device">
                {s.device}
                {s.current && <span className="pill session-row__this">This device</span>}
              </span>
              <span className="session-row__times">
                Signed in {when(s.createdAt, settings.timeZone)} · last seen {when(s.lastSeenAt, settings.timeZone)}
              </span>
            </div>
            {!s.current && (
              <button type="button" className="btn btn--secondary btn--sm" disabled={endOne.isPending} onClick={() => endOne.mutate(s.id)}>
                Sign out
              </button>
            )}
          </li>
        ))}
      </ul>
      <div className="settings-card__actions">
        <button type="button" className="btn btn--danger" disabled={others === 0 || endOthers.isPending} onClick={() => endOthers.mutate()}>
          Sign out everywhere else
        </button>
        {others === 0 && <span className="settings-card__note">No other device is signed in.</span>}
      </div>
    </div>
  );
}
