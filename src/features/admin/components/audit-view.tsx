// The audit trail, newest first: who did what, when, to what, with before and after in short.
// Filters live in the URL, so a user's row links straight to their entries; "Older" pages on.
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { AdminAuditEntry } from '#contract/admin.ts';
import { QueryErrorState } from '#src/components/ui/error-state.tsx';
import { actionLabel, actorText, changeLines } from '#src/utils/audit-format.ts';
import { formatInZone, weekRangeLabel } from '#src/utils/date-format.ts';
import { browserTimeZone } from '#src/utils/time-zone.ts';
import { useAdminCompanies, useAdminContracts, useAdminUsers, useAudit } from '../api/admin-api.ts';
import { AdminFrame } from './admin-frame.tsx';

const KINDS = ['user', 'company', 'contract', 'week', 'slot', 'dispute', 'question', 'tracker'];

function EntryRow({ entry, timeZone }: { entry: AdminAuditEntry; timeZone: string }) {
  const changes = changeLines(entry.before, entry.after);
  const week = entry.weekStart ? `week of ${weekRangeLabel(entry.weekStart.slice(0, 10))}` : null;
  const about = [entry.contract?.title, entry.company?.name, week].filter(Boolean).join(' · ');
  return (
    <li className="audit-row">
      <time className="audit-row__when" dateTime={entry.at}>
        {formatInZone(entry.at, timeZone, 'd MMM yyyy, HH:mm')}
      </time>
      <div className="audit-row__main">
        <span className="audit-row__who">{actorText(entry.actor)}</span> {actionLabel(entry.action)}
        {entry.subjectName && <span className="audit-row__subject"> {entry.subjectName}</span>}{' '}
        <code className="audit-row__action" title="The action as recorded">
          {entry.action}
        </code>
        {about && <div className="admin-row__sub">{about}</div>}
        {changes.map((line) => (
          <div key={line} className="audit-row__change">
            {line}
          </div>
        ))}
      </div>
    </li>
  );
}

export function AuditView() {
  const [search, setSearch] = useSearchParams();
  const filter = {
    companyId: search.get('companyId') ?? undefined,
    contractId: search.get('contractId') ?? undefined,
    userId: search.get('userId') ?? undefined,
    kind: search.get('kind') ?? undefined,
  };
  const audit = useAudit(filter);
  const companies = useAdminCompanies().data?.companies ?? [];
  const contracts = useAdminContracts().data?.contracts ?? [];
  const users = useAdminUsers({}).data?.users ?? [];
  const timeZone = useMemo(() => browserTimeZone(), []);
  const update = (key: string, value: string) => {
    const params = new URLSearchParams(search);
    if (value) params.set(key, value);
    else params.delete(key);
    setSearch(params, { replace: true });
  };
  const select = (key: keyof typeof filter, label: string, all: string, options: { id: string; name: string }[]) => (
    <select className="input" aria-label={label} value={filter[key] ?? ''} onChange={(e) => update(key, e.target.value)}>
      <option value="">{all}</option>
      {options.map((o) => (
        <option key={o.id} value={o.id}>
          {o.name}
        </option>
      ))}
    </select>
  );
  const entries = audit.data?.pages.flatMap((p) => p.entries) ?? [];

  return (
    <AdminFrame title="Audit trail" lead="Every change, who made it and when, newest first. Entries are never edited or deleted.">
      <div className="admin-filters">
        {select('userId', 'User', 'All users', users.map((u) => ({ id: u.id, name: u.name })))}
        {select('companyId', 'Company', 'All companies', companies)}
        {select('contractId', 'Contract', 'All contracts', contracts.map((c) => ({ id: c.id, name: c.title })))}
        {select('kind', 'Kind', 'All kinds', KINDS.map((k) => ({ id: k, name: k[0]!.toUpperCase() + k.slice(1) })))}
      </div>
      {audit.isPending ? (
        <div className="skeleton skeleton--block" aria-busy="true" aria-label="Loading the audit trail" />
      ) : audit.isError ? (
        <QueryErrorState title="The audit trail could not be loaded" query={audit} />
      ) : entries.length === 0 ? (
        <div className="state-panel">
          <h2 className="state-panel__title">No entry matches</h2>
          <p className="state-panel__text">Nothing was recorded for these filters. Clear one to see more.</p>
        </div>
      ) : (
        <>
          <ol className="admin-list" aria-label="Audit entries">
            {entries.map((e) => (
              <EntryRow key={e.id} entry={e} timeZone={timeZone} />
            ))}
          </ol>
          <p className="muted small">Times in {timeZone}.</p>
          {audit.hasNextPage && (
            <button type="button" className="btn btn--secondary" onClick={() => void audit.fetchNextPage()} disabled={audit.isFetchingNextPage}>
              {audit.isFetchingNextPage ? 'Loading…' : 'Older entries'}
            </button>
          )}
        </>
      )}
    </AdminFrame>
  );
}
