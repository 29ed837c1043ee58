// The contractor's trackers: install the tracker from this server, connect a device (its token
// shown once, with the command to run), and the devices so far with their last upload, each revocable.
import { useMemo, useState } from 'react';
import type { CreatedTracker } from '#contract/trackers.ts';
import { QueryErrorState } from '#src/components/ui/error-state.tsx';
import { browserTimeZone } from '#src/utils/time-zone.ts';
import { useTrackers } from '../api/get-trackers.ts';
import { ConnectTrackerForm } from './connect-tracker-form.tsx';
import { InstallTracker } from './install-tracker.tsx';
import { NewTokenPanel } from './new-token-panel.tsx';
import { TrackerRow } from './tracker-row.tsx';
import './trackers.css';

function TrackerList() {
  const trackers = useTrackers();
  const timeZone = useMemo(() => browserTimeZone(), []);
  if (trackers.isPending) {
    return (
      <div className="tracker-list" aria-busy="true" aria-label="Loading your trackers">
        {[0, 1].map((i) => (
          <div key={i} className="tracker-row" aria-hidden="true">
            <div className="skeleton skeleton--line" style={{ width: '40%' }} />
            <div className="skeleton skeleton--line" style={{ width: '70%' }} />
          </div>
        ))}
      </div>
    );
  }
  if (trackers.isError) {
    return <QueryErrorState title="Your trackers could not be loaded" query={trackers} />;
  }
  const list = trackers.data.trackers;
  if (list.length === 0) {
    return (
      <div className="state-panel">
        <h3 className="state-panel__title">No tracker connected yet</h3>
        <p className="state-panel__text">Name the computer you work on above and create its token. Your slots then arrive in the diary as you work.</p>
      </div>
    );
  }
  return (
    <ul className="tracker-list" aria-label="Your trackers">
      {list.map((t) => (
        <TrackerRow key={t.id} tracker={t} timeZone={timeZone} />
      ))}
    </ul>
  );
}

export function TrackersView({ origin }: { origin: string }) {
  const [created, setCreated] = useState<CreatedTracker | null>(null);
  return (
    <div className="page__content trackers">
      <title>Trackers · workdiary</title>
      <div className="page-head">
        <h1 className="page-head__title">Trackers</h1>
        <p className="page-head__lead">
          The desktop tracker records your 10-minute slots, with a screenshot and your activity, and uploads them to your active contracts. Connect
          it once on each computer you work on; revoke a token when that computer is lost or retired.
        </p>
      </div>
      <div className="tracker-section">
        <InstallTracker origin={origin} />
      </div>
      <div className="tracker-section">
        {created ? <NewTokenPanel tracker={created} origin={origin} onDone={() => setCreated(null)} /> : <ConnectTrackerForm onCreated={setCreated} />}
      </div>
      <section className="tracker-section" aria-labelledby="trackers-devices">
        <h2 id="trackers-devices" className="tracker-section__title">
          Your devices
        </h2>
        <TrackerList />
      </section>
    </div>
  );
}
