// The audit trail, newest first: who did what, when, to what, with before and after in short.
// Filters live in the URL, so a user's row links straight to their entries; "Older" pages on.
import { useMemo } from 'react';
import type { AdminAuditEntry } from '#contract/admin.ts';
import { PagedList } from '#src/components/ui/query-list.tsx';
import { actionLabel, actorText, changeLines } from '#src/utils/audit-format.ts';
import { formatInZone, weekRangeLabel } from '#src/utils/date-format.ts';
import { browserTimeZone } from '#src/utils/time-zone.ts';
import { useAdminCompanies, useAdminContracts, useAdminUsers, useAudit } from '../api/admin-api.ts';
import { FilterSelect, useFilterParams } from './admin-filters.tsx';
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
  const { search, update } = useFilterParams();
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
  const entries = audit.data?.pages.flatMap((p) => p.entries) ?? [];

  return (
    <AdminFrame title="Audit trail" lead="Every change, who made it and when, newest first. Entries are never edited or deleted.">
      <div className="admin-filters">
        <FilterSelect label="User" all="All users" value={filter.userId} options={users} onChange={(userId) => update({ userId })} />
        <FilterSelect label="Company" all="All companies" value={filter.companyId} options={companies} onChange={(companyId) => update({ companyId })} />
        <FilterSelect label="Contract" all="All contracts" value={filter.contractId} options={contracts.map((c) => ({ id: c.id, name: c.title }))} onChange={(contractId) => update({ contractId })} />
        <FilterSelect label="Kind" all="All kinds" value={filter.kind} options={KINDS.map((k) => ({ id: k, name: k[0]!.toUpperCase() + k.slice(1) }))} onChange={(kind) => update({ kind })} />
      </div>
      <PagedList query={audit} what="the audit trail" count={entries.length} timeZone={timeZone} older="Older entries" empty={{ title: 'No entry matches', text: 'Nothing was recorded for these filters. Clear one to see more.' }}>
        <ol className="admin-list" aria-label="Audit entries">
          {entries.map((e) => (
            <EntryRow key={e.id} entry={e} timeZone={timeZone} />
          ))}
        </ol>
      </PagedList>
    </AdminFrame>
  );
}
