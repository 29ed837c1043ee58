// Every contract with its terms and privacy terms, filtered by company and status and searched by
// title or contractor on the server; a new one for an existing contractor. The page composes each
// row's management actions (pause, resume, end, new terms), which the contracts feature owns.
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { CONTRACT_PAGE } from '#contract/admin.ts';
import { ContractStatus, type Contract } from '#contract/contracts.ts';
import { paths } from '#src/config/paths.ts';
import { formatCalendarDate } from '#src/utils/date-format.ts';
import { formatMoney } from '#src/utils/money.ts';
import { privacyFacts } from '#contract/privacy-words.ts';
import { useAdminCompanies, useAdminContractList } from '../api/admin-api.ts';
import { AdminFrame } from './admin-frame.tsx';
import { CappedList } from './capped-list.tsx';
import { FilterSelect, SearchFilters, useFilterParams } from './admin-filters.tsx';
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
        <FilterSelect label="Company" all="All companies" value={filter.companyId} options={companies} onChange={(companyId) => update({ companyId })} />
        <FilterSelect label="Status" all="Any status" value={filter.status} options={ContractStatus.options.map((s) => ({ id: s, name: STATUS_WORD[s] }))} onChange={(status) => update({ status })} />
        <button type="button" className="btn btn--primary admin-filters__new" onClick={() => setCreating(true)}>
          New contract
        </button>
      </SearchFilters>

      <CappedList
        query={contracts}
        noun="contract"
        nouns="contracts"
        items={(d) => d.contracts}
        page={CONTRACT_PAGE}
        order="by company and title"
        emptyText="Try part of the title or the contractor's name, or clear the company and status."
      >
        {(data) => (
          <>
            <ul className="admin-list" aria-label="Contracts">
              {data.contracts.map((k) => (
                <li key={k.id} className={`admin-row admin-row--contract${k.status === 'ended' ? ' admin-row--off' : ''}`} aria-label={k.title}>
                  <div className="admin-row__main">
                    <span className="admin-row__name">{k.title}</span>
                    <span className="admin-row__sub">
                      {k.contractor.name} for {k.company.name}
                    </span>
                  </div>
                  <div className="admin-row__facts">
                    <span>{termsText(k, k.currency)}</span>
                    {/* One privacy fact a line, as on the contract's card: a wrapped "·" reads badly in this narrow column. */}
                    {privacyFacts(k.privacy).map((fact) => (
                      <span key={fact} className="admin-row__privacy">
                        {fact}
                      </span>
                    ))}
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
                    {actions(k, data.changesFrom)}
                  </div>
                </li>
              ))}
            </ul>
          </>
        )}
      </CappedList>
      {creating && <NewContractDialog companies={companies} onClose={() => setCreating(false)} />}
    </AdminFrame>
  );
}
