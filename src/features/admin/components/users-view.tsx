// Every user, searched by name or email on the server and filtered by role and company; an
// admin disables or enables an account after a confirmation saying what it does.
import { useMemo, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { USER_PAGE, type AdminUser } from '#contract/admin.ts';
import { Role } from '#contract/common.ts';
import { ConfirmDialog } from '#src/components/ui/confirm-dialog.tsx';
import { paths } from '#src/config/paths.ts';
import { formatInZone } from '#src/utils/date-format.ts';
import { browserTimeZone } from '#src/utils/time-zone.ts';
import { useAdminCompanies, useAdminUsers, useSendPasswordReset, useSetUserDisabled } from '../api/admin-api.ts';
import { FilterSelect, SearchFilters, useFilterParams } from './admin-filters.tsx';
import { AdminFrame } from './admin-frame.tsx';
import { CappedList } from './capped-list.tsx';

const ROLE_WORD: Record<Role, string> = { client: 'Client', contractor: 'Contractor', admin: 'Admin' };

/** `actions`: buttons the page adds above the list (invite); `children`: what it adds under it (the invitations). */
export function UsersView({ meId, actions, children }: { meId: string; actions?: ReactNode; children?: ReactNode }) {
  const { search, update } = useFilterParams();
  const filter = { q: search.get('q') ?? undefined, role: Role.safeParse(search.get('role')).data, companyId: search.get('companyId') ?? undefined };
  const users = useAdminUsers(filter);
  const companies = useAdminCompanies().data?.companies ?? [];
  const [asking, setAsking] = useState<AdminUser | null>(null);
  const change = useSetUserDisabled();
  const reset = useSendPasswordReset();
  const [resetSent, setResetSent] = useState<string | null>(null);
  const timeZone = useMemo(() => browserTimeZone(), []);

  return (
    <AdminFrame title="Users" lead="Everyone who can sign in. A disabled user cannot sign in, and their sessions and tracker tokens end at once.">
      {actions}
      <SearchFilters q={filter.q} label="Search by name or email" placeholder="Name or email" onSearch={(q) => update({ q })}>
        <FilterSelect label="Role" all="All roles" value={filter.role} options={Role.options.map((r) => ({ id: r, name: `${ROLE_WORD[r]}s` }))} onChange={(role) => update({ role })} />
        <FilterSelect label="Company" all="All companies" value={filter.companyId} options={companies} onChange={(companyId) => update({ companyId })} />
      </SearchFilters>

      <CappedList query={users} noun="user" nouns="users" items={(d) => d.users} page={USER_PAGE} order="by name" emptyText="Try part of the name or the email, or clear the role and company.">
        {(data) => (
          <>
            {(resetSent || reset.error) && (
              <div className={`alert ${reset.error ? 'alert--error' : 'alert--ok'}`} role={reset.error ? 'alert' : 'status'}>
                {reset.error ? reset.error.message : `A password reset link was mailed to ${resetSent}. It works once, for one hour.`}
              </div>
            )}
            <ul className="admin-list" aria-label="Users">
              {data.users.map((u) => (
                <li key={u.id} className={`admin-row${u.disabledAt ? ' admin-row--off' : ''}`} aria-label={u.name}>
                  <div className="admin-row__main">
                    <span className="admin-row__name">{u.name}</span>
                    <span className="admin-row__sub">{u.email}</span>
                  </div>
                  <div className="admin-row__facts">
                    <span>{ROLE_WORD[u.role]}{u.company ? ` · ${u.company.name}` : ''}</span>
                    <span className="muted">Since {formatInZone(u.createdAt, timeZone, 'd MMM yyyy')}</span>
                  </div>
                  <span className={`status ${u.disabledAt ? 'status--ended' : 'status--active'}`}>
                    {u.disabledAt ? `Disabled ${formatInZone(u.disabledAt, timeZone, 'd MMM')}` : 'Active'}
                  </span>
                  <div className="admin-row__actions">
                    <Link className="btn btn--sm btn--ghost" to={paths.adminAudit.getHref({ userId: u.id })}>Audit</Link>
                    {!u.disabledAt && (
                      <button type="button" className="btn btn--sm btn--ghost" disabled={reset.isPending} onClick={() => reset.mutate(u.id, { onSuccess: () => setResetSent(u.email) })}>
                        Send password reset<span className="sr-only"> to {u.email}</span>
                      </button>
                    )}
                    {u.id !== meId && (
                      <button type="button" className={`btn btn--sm ${u.disabledAt ? 'btn--secondary' : 'btn--danger'}`} onClick={() => { change.reset(); setAsking(u); }}>
                        {u.disabledAt ? 'Enable' : 'Disable'}
                      </button>
                    )}
                  </div>
                </li>
              ))}
            </ul>
          </>
        )}
      </CappedList>

      {asking && (
        <ConfirmDialog
          title={asking.disabledAt ? `Enable ${asking.name}?` : `Disable ${asking.name}?`}
          description={
            asking.disabledAt
              ? `${asking.email} may sign in again. Trackers revoked when the account was disabled stay revoked and must be connected anew.`
              : `${asking.email} is signed out everywhere and cannot sign in, and every tracker token of theirs is revoked. You can enable the account again later.`
          }
          confirmLabel={asking.disabledAt ? 'Enable' : 'Disable'}
          pendingLabel={asking.disabledAt ? 'Enabling…' : 'Disabling…'}
          tone={asking.disabledAt ? 'primary' : 'danger'}
          pending={change.isPending}
          error={change.error?.message}
          onCancel={() => setAsking(null)}
          onConfirm={() => change.mutate({ userId: asking.id, disabled: !asking.disabledAt }, { onSuccess: () => setAsking(null) })}
        />
      )}
      {children}
    </AdminFrame>
  );
}
