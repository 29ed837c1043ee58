// A webhook's deliveries, newest first: status, the receiver's HTTP status, attempts, the last
// error and when; a delivered or failed one can be sent again.
import { useMemo } from 'react';
import type { WebhookDelivery } from '#contract/webhooks.ts';
import { QueryErrorState } from '#src/components/ui/error-state.tsx';
import { formatInZone } from '#src/utils/date-format.ts';
import { browserTimeZone } from '#src/utils/time-zone.ts';
import { useDeliveries } from '../api/get-deliveries.ts';
import { useRedeliver } from '../api/redeliver.ts';
import { kindLabel } from '../utils/kind-groups.ts';

const STATUS_LABEL = { pending: 'Pending', delivered: 'Delivered', failed: 'Failed' } as const;
/** The colour of the shared .status pill for each status. */
const STATUS_TONE = { pending: 'paused', delivered: 'active', failed: 'failed' } as const;

function DeliveryRow({ d, timeZone, onRedeliver, busy }: { d: WebhookDelivery; timeZone: string; onRedeliver: () => void; busy: boolean }) {
  const when = (iso: string) => formatInZone(iso, timeZone, 'd MMM, HH:mm:ss');
  return (
    <li className="delivery-row" aria-label={`${kindLabel(d.kind)}: ${STATUS_LABEL[d.status]}`}>
      <span className={`status delivery-pill status--${STATUS_TONE[d.status]}`}>{STATUS_LABEL[d.status]}</span>
      <span className="delivery-row__kind">{kindLabel(d.kind)}</span>
      <span className="delivery-row__facts">
        <span>{d.lastStatusCode === null ? 'no HTTP answer' : `HTTP ${d.lastStatusCode}`}</span>
        <span>
          {d.attempts} {d.attempts === 1 ? 'attempt' : 'attempts'}
        </span>
        <span>
          {d.deliveredAt ? `delivered ${when(d.deliveredAt)}` : d.nextAttemptAt && d.attempts > 0 ? `next try ${when(d.nextAttemptAt)}` : `made ${when(d.createdAt)}`}
        </span>
      </span>
      {d.status !== 'pending' && (
        <button type="button" className="btn btn--ghost btn--sm delivery-row__again" onClick={onRedeliver} disabled={busy}>
          Send again
        </button>
      )}
      {d.lastError && <span className="delivery-row__error">{d.lastError}</span>}
    </li>
  );
}

export function DeliveryLog({ companyId, webhookId }: { companyId: string; webhookId: string }) {
  const log = useDeliveries(companyId, webhookId);
  const again = useRedeliver(companyId, webhookId);
  const timeZone = useMemo(() => browserTimeZone(), []);
  if (log.isPending) return <div className="skeleton skeleton--block" aria-busy="true" aria-label="Loading the delivery log" />;
  if (log.isError) return <QueryErrorState title="The delivery log could not be loaded" query={log} />;
  const rows = log.data.pages.flatMap((p) => p.deliveries);
  if (rows.length === 0) return <p className="muted small">Nothing sent yet. “Send test” posts a test event here.</p>;
  return (
    <>
      <ul className="delivery-log" aria-label="Delivery log">
        {rows.map((d) => (
          <DeliveryRow key={d.id} d={d} timeZone={timeZone} busy={again.isPending} onRedeliver={() => again.mutate(d.id)} />
        ))}
      </ul>
      {again.error && (
        <p className="alert alert--error" role="alert">
          {again.error.message}
        </p>
      )}
      {log.hasNextPage && (
        <button type="button" className="btn btn--ghost btn--sm" onClick={() => void log.fetchNextPage()} disabled={log.isFetchingNextPage}>
          {log.isFetchingNextPage ? 'Loading…' : 'Older deliveries'}
        </button>
      )}
    </>
  );
}
