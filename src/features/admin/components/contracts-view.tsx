// Every contract, filtered by company and status and searched by title or contractor on the
// server; a new one for an existing contractor. The page composes each row's management actions
// (pause, resume, end, new terms), which the contracts feature owns.
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { CONTRACT_PAGE } from '#contract/admin.ts';
import { ContractStatus, type Contract } from '#contract/contracts.ts';
import { QueryErrorState } from '#src/components/ui/error-state.tsx';
import { paths } from '#src/config/paths.ts';
import { formatCalendarDate } from '#src/utils/date-format.ts';
import { formatMoney } from '#src/utils/money.ts';
import { useAdminCompanies, useAdminContractList } from '../api/admin-api.ts';
import { AdminFrame } from './admin-frame.tsx';
import { SearchFilters, useFilterParams } from './admin-filters.tsx';
import { NewContractDialog } from './contracts-create-dialog.tsx';
import './contracts-view.css';

const STATUS_WORD: Record<Contract['status'], string> = { pending: 'Pending', active: 'Active', paused: 'Paused', ended: 'Ended' };

/** "$65.00/h · 40 h a week · manual time" */
function termsText(t: { hourlyRate: number; weeklyLimitHours: number | null; manualTimeAllowed: boolean }, currency: string) {
  return [`${formatMoney(t.hourlyRate, currency)}/h`, t.weeklyLimitHours === null ? 'no cap' : `${t.weeklyLimitHours} h a week`, t.manualTimeAllowed ? 'manual time' : null]
    .filter(Boolean)
    .join(' · ');
}

export function ContractsView({ actions }: { actions: (contract: Contract, changesFrom: string) => ReactNode }) {
  const { search, update } = useFilterParams();
  const filter = { q: search.get('q') ?? undefined, status: ContractStatus.safeParse(search.get('status')).data, companyId: search.get('companyId') ?? undefined };
  const [creating, setCreating] = useState(false);
  const contracts = useAdminContractList(filter);
  const companies = useAdminCompanies().data?.companies ?? [];

  return (
    <AdminFrame title="Contracts" lead="Every company's contracts. A paused or ended contract takes no tracker uploads; its weeks are still reviewed and paid. New terms apply from the next Monday.">
      <SearchFilters q={filter.q} label="Search by title or contractor" placeholder="Title or contractor" onSearch={(q) => update({ q })}>
        <select className="input" aria-label="Company" value={filter.companyId ?? ''} onChange={(e) => update({ companyId: e.target.value || undefined })}>
          <option value="">All companies</option>
          {companies.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
        </select>
        <select className="input" aria-label="Status" value={filter.status ?? ''} onChange={(e) => update({ status: e.target.value || undefined })}>
          <option value="">Any status</option>
          {ContractStatus.options.map((s) => <option key={s} value={s}>{STATUS_WORD[s]}</option>)}
        </select>
        <button type="button" className="btn btn--primary admin-filters__new" onClick={() => setCreating(true)}>
          New contract
        </button>
      </SearchFilters>

      {contracts.isPending ? (
        <div className="skeleton skeleton--block" aria-busy="true" aria-label="Loading contracts" />
      ) : contracts.isError ? (
        <QueryErrorState title="The contracts could not be loaded" query={contracts} />
      ) : contracts.data.contracts.length === 0 ? (
        <div className="state-panel">
          <h2 className="state-panel__title">No contract matches</h2>
          <p className="state-panel__text">Try part of the title or the contractor's name, or clear the company and status.</p>
        </div>
      ) : (
        <>
          <p className="muted small" aria-live="polite">
            {contracts.data.total > contracts.data.contracts.length
              ? `Showing ${contracts.data.contracts.length} of ${contracts.data.total} contracts: narrow the search to see the rest.`
              : `${contracts.data.total} ${contracts.data.total === 1 ? 'contract' : 'contracts'}`}
          </p>
          <ul className="admin-list" aria-label="Contracts">
            {contracts.data.contracts.map((k) => (
              <li key={k.id} className={`admin-row admin-row--contract${k.status === 'ended' ? ' admin-row--off' : ''}`} aria-label={k.title}>
                <div className="admin-row__main">
                  <span className="admin-row__name">{k.title}</span>
                  <span className="admin-row__sub">
                    {k.contractor.name} for {k.company.name}
                  </span>
                </div>
                <div className="admin-row__facts">
                  <span>{termsText(k, k.currency)}</span>
                  {k.nextTerms && (
                    <span className="admin-row__next">
                      From {formatCalendarDate(k.nextTerms.effectiveFrom.slice(0, 10), 'EEE d MMM')}: {termsText(k.nextTerms, k.currency)}
                    </span>
                  )}
                </div>
                <span className={`status status--${k.status}`}>{STATUS_WORD[k.status]}</span>
                <div className="admin-row__actions">
                  <Link className="btn btn--sm btn--ghost" to={paths.adminAudit.getHref({ contractId: k.id })}>
                    Audit<span className="sr-only"> of {k.title}</span>
                  </Link>
                  {actions(k, contracts.data.changesFrom)}
                </div>
              </li>
            ))}
          </ul>
          {contracts.data.total > CONTRACT_PAGE && <p className="muted small">Only the first {CONTRACT_PAGE} are listed, by company and title.</p>}
        </>
      )}
      {creating && <NewContractDialog companies={companies} onClose={() => setCreating(false)} />}
    </AdminFrame>
  );
}
