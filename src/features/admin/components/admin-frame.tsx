// The admin console's frame: its title, and tabs for users, companies and the audit trail.
import type { ReactNode } from 'react';
import { NavLink, useLocation } from 'react-router';
import { paths } from '#src/config/paths.ts';
import { useRevealCurrent } from '#src/utils/reveal-current.ts';
import './admin.css';

const TABS = [
  { to: paths.adminUsers.getHref(), label: 'Users' },
  { to: paths.adminCompanies.getHref(), label: 'Companies' },
  { to: paths.adminContracts.getHref(), label: 'Contracts' },
  { to: paths.adminAudit.getHref(), label: 'Audit trail' },
  { to: paths.adminOutbox.getHref(), label: 'Outbox' },
];

export function AdminFrame({ title, lead, children }: { title: string; lead: string; children: ReactNode }) {
  const tabs = useRevealCurrent<HTMLElement>(useLocation().pathname);
  return (
    <div className="page__content admin">
      <title>{`${title} · Admin · workdiary`}</title>
      <nav ref={tabs} className="admin-tabs" aria-label="Admin">
        {TABS.map((t) => (
          <NavLink key={t.to} to={t.to} className="admin-tabs__link">
            {t.label}
          </NavLink>
        ))}
      </nav>
      <div className="page-head">
        <h1 className="page-head__title">{title}</h1>
        <p className="page-head__lead">{lead}</p>
      </div>
      {children}
    </div>
  );
}
