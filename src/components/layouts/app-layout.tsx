// The signed-in frame: a top bar with the product, the main navigation (Trackers for
// contractors) and the user.
import type { ReactNode } from 'react';
import { Link, NavLink } from 'react-router';
import { paths } from '#src/config/paths.ts';
import { Logo } from '../ui/logo.tsx';
import { DemoClockBadge } from './demo-clock-badge.tsx';

export function AppLayout({ userMenu, showTrackers = false, children }: { userMenu: ReactNode; showTrackers?: boolean; children: ReactNode }) {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <div className="topbar__inner">
          <Link to={paths.contracts.getHref()} className="topbar__brand" aria-label="workdiary, all contracts">
            <Logo />
          </Link>
          <nav className="topbar__nav" aria-label="Main">
            <NavLink to={paths.contracts.getHref()} className="topbar__link">
              Contracts
            </NavLink>
            <NavLink to={paths.disputes.getHref()} className="topbar__link">
              Disputes
            </NavLink>
            {showTrackers && (
              <NavLink to={paths.trackers.getHref()} className="topbar__link">
                Trackers
              </NavLink>
            )}
          </nav>
          <DemoClockBadge />
          <div className="topbar__user">{userMenu}</div>
        </div>
      </header>
      <main id="main" className="page" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
