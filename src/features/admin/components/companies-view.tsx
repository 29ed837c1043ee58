// The companies: how many clients and contracts each has, a new one, a rename, and deactivating
// (and reactivating) one after a confirmation that says what it does. Names are unique in any
// case; the server says so, and the field shows it.
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { AdminCompany } from '#contract/admin.ts';
import { FormDialog } from '#src/components/ui/form-dialog.tsx';
import { paths } from '#src/config/paths.ts';
import { QueryList } from '#src/components/ui/query-list.tsx';
import { formatInZone } from '#src/utils/date-format.ts';
import { browserTimeZone } from '#src/utils/time-zone.ts';
import { ConfirmDialog } from '#src/components/ui/confirm-dialog.tsx';
import { useAdminCompanies, useCreateCompany, useRenameCompany, useSetCompanyActive } from '../api/admin-api.ts';
import { AdminFrame } from './admin-frame.tsx';

const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The problem's own sentence: "A company named “Globex” already exists: choose another name." */
const nameError = (error: Error | null) => error?.message ?? null;

function NewCompany() {
  const [name, setName] = useState('');
  const create = useCreateCompany();
  const error = nameError(create.error);
  return (
    <form
      className="admin-filters"
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate({ name }, { onSuccess: () => setName('') });
      }}
    >
      <input className="input admin-filters__search" aria-label="New company name" placeholder="New company name" maxLength={100} value={name} onChange={(e) => setName(e.target.value)} aria-invalid={error ? true : undefined} aria-describedby={error ? 'new-company-error' : undefined} />
      <button type="submit" className="btn btn--primary" disabled={create.isPending || name.trim() === ''}>
        {create.isPending ? 'Creating…' : 'Create company'}
      </button>
      {error && (
        <p id="new-company-error" className="alert alert--error admin-filters__error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

function RenameDialog({ company, onClose }: { company: AdminCompany; onClose: () => void }) {
  const [name, setName] = useState(company.name);
  const rename = useRenameCompany();
  const error = nameError(rename.error);
  return (
    <FormDialog
      title={`Rename ${company.name}`}
      description="Clients and contracts keep the company; only its name changes, everywhere it is shown."
      submitLabel="Rename"
      pendingLabel="Renaming…"
      pending={rename.isPending}
      onClose={onClose}
      onSubmit={() => rename.mutate({ companyId: company.id, name }, { onSuccess: onClose })}
    >
      <div className="field">
        <label htmlFor="rename-company">Name</label>
        <input id="rename-company" className="input" value={name} maxLength={100} onChange={(e) => setName(e.target.value)} aria-invalid={error ? true : undefined} autoFocus />
      </div>
      {error && (
        <p className="alert alert--error" role="alert">
          {error}
        </p>
      )}
    </FormDialog>
  );
}

const deactivateText = ({ clients, contracts }: AdminCompany) =>
  [
    clients === 0 ? 'It has no clients to sign out.' : `${clients === 1 ? 'Its client is' : `Its ${clients} clients are`} signed out at once and cannot sign in; they are told the company is deactivated.`,
    contracts === 0
      ? 'No one can be invited into it.'
      : `${contracts === 1 ? 'Its contract keeps its status, but no tracker can upload to it' : `Its ${contracts} contracts keep their status, but no tracker can upload to them`}, and no one can be invited into it.`,
    'Weeks already worked are still reviewed, disputed and approved as usual. You can reactivate it later.',
  ].join(' ');

const reactivateText = ({ clients }: AdminCompany) =>
  `${clients === 1 ? 'Its client' : `Its ${count(clients, 'client')}`} may sign in again, and the trackers of its active contracts upload again. Time while it was deactivated stays unrecorded.`;

/** Deactivating says what happens to the clients, the contracts and the trackers; reactivating, what comes back. */
export function CompanyActiveDialog({ company, onClose }: { company: AdminCompany; onClose: () => void }) {
  const change = useSetCompanyActive();
  const reactivate = company.deactivatedAt !== null;
  return (
    <ConfirmDialog
      title={reactivate ? `Reactivate ${company.name}?` : `Deactivate ${company.name}?`}
      description={reactivate ? reactivateText(company) : deactivateText(company)}
      confirmLabel={reactivate ? 'Reactivate' : 'Deactivate'}
      pendingLabel={reactivate ? 'Reactivating…' : 'Deactivating…'}
      tone={reactivate ? 'primary' : 'danger'}
      pending={change.isPending}
      error={change.error?.message}
      onCancel={() => !change.isPending && onClose()}
      onConfirm={() => change.mutate({ companyId: company.id, active: reactivate }, { onSuccess: onClose })}
    />
  );
}

export function CompaniesView() {
  const companies = useAdminCompanies();
  const [renaming, setRenaming] = useState<AdminCompany | null>(null);
  const [switching, setSwitching] = useState<AdminCompany | null>(null);
  const timeZone = useMemo(() => browserTimeZone(), []);
  return (
    <AdminFrame title="Companies" lead="The companies whose clients review contracts. A client belongs to one company; its contracts are the company's.">
      <NewCompany />
      <QueryList query={companies} what="the companies">
        {(data) => (
          <ul className="admin-list" aria-label="Companies">
            {data.companies.map((c) => (
              <li key={c.id} className={`admin-row${c.deactivatedAt ? ' admin-row--off' : ''}`} aria-label={c.name}>
                <div className="admin-row__main">
                  <span className="admin-row__name">{c.name}</span>
                  <span className="admin-row__sub">Since {formatInZone(c.createdAt, timeZone, 'd MMM yyyy')}</span>
                </div>
                <div className="admin-row__facts">
                  <span>{count(c.clients, 'client')}</span>
                  <span>{count(c.contracts, 'contract')}</span>
                </div>
                <span className={`status ${c.deactivatedAt ? 'status--ended' : 'status--active'}`}>
                  {c.deactivatedAt ? `Deactivated ${formatInZone(c.deactivatedAt, timeZone, 'd MMM')}` : 'Active'}
                </span>
                <div className="admin-row__actions">
                  <button type="button" className="btn btn--sm btn--secondary" onClick={() => setRenaming(c)}>
                    Rename
                  </button>
                  <Link className="btn btn--sm btn--secondary" to={paths.adminCompanyWebhooks.getHref(c.id)}>
                    Webhooks
                  </Link>
                  <button type="button" className={`btn btn--sm ${c.deactivatedAt ? 'btn--secondary' : 'btn--danger'}`} onClick={() => setSwitching(c)}>
                    {c.deactivatedAt ? 'Reactivate' : 'Deactivate'}
                  </button>
                </div>
              </li>
            ))}
          </ul>
        )}
      </QueryList>
      {renaming && <RenameDialog company={renaming} onClose={() => setRenaming(null)} />}
      {switching && <CompanyActiveDialog company={switching} onClose={() => setSwitching(null)} />}
    </AdminFrame>
  );
}
