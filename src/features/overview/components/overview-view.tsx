// The home page: what waits on the viewer first, then one row per contract, then the totals.
// A contractor sees the mirror: the companies they work for, their earnings, and their tracker.
import { QueryErrorState } from '#src/components/ui/error-state.tsx';
import { formatInZone } from '#src/utils/date-format.ts';
import { useOverview } from '#src/lib/overview-query.ts';
import { shortSpan } from '#src/utils/countdown.ts';
import { ContractRows } from './contract-rows.tsx';
import { CurrencyTotals } from './currency-totals.tsx';
import { NeedsStrip } from './needs-strip.tsx';
import './overview.css';

const localZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

function TrackerLine({ lastUpload, nowMs }: { lastUpload: string | null; nowMs: number }) {
  if (!lastUpload) return <p className="overview__tracker">Your tracker has not sent a slot yet.</p>;
  return (
    <p className="overview__tracker">
      Tracker: last slot {formatInZone(lastUpload, localZone, 'EEE d MMM HH:mm')} ({shortSpan(nowMs - Date.parse(lastUpload))} ago)
    </p>
  );
}

export function OverviewView() {
  const overview = useOverview();
  if (overview.isPending) {
    return (
      <div aria-busy="true" aria-label="Loading the overview">
        <div className="needs needs--skeleton skeleton" />
        <div className="skeleton skeleton--block" />
      </div>
    );
  }
  if (overview.isError) {
    return <QueryErrorState title="The overview could not be loaded" query={overview} />;
  }
  const o = overview.data;
  // Countdowns run on the server's clock, which a demo or a test may set apart from the browser's.
  const nowMs = Date.parse(o.now);
  return (
    <div className="overview">
      <NeedsStrip overview={o} nowMs={nowMs} />
      {o.role === 'contractor' && <TrackerLine lastUpload={o.lastUpload} nowMs={nowMs} />}
      <ContractRows overview={o} nowMs={nowMs} />
      <CurrencyTotals overview={o} />
    </div>
  );
}
