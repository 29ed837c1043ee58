// The signed-in frame: a top bar with the product, the main navigation (Trackers for
// contractors, Admin for admins) with what waits on the user counted beside it, and the user.
import type { ReactNode } from 'react';
import { Link, NavLink, useLocation } from 'react-router';
import { paths } from '#src/config/paths.ts';
import { useRevealCurrent } from '#src/utils/reveal-current.ts';
import { Logo } from '../ui/logo.tsx';
import { DemoClockBadge } from './demo-clock-badge.tsx';
import './nav-counts.css';

/** What waits on the user, counted in the nav: weeks to review (clients) and disputes whose next move is theirs. */
export interface NavCounts {
  review: number;
  disputes: number;
}

/** "Review 2": the count beside a link, read as "2 waiting". */
function Count({ n }: { n: number }) {
  if (n === 0) return null;
  return (
    <span className="topbar__count">
      {n}
      <span className="sr-only"> waiting</span>
    </span>
  );
}

export function AppLayout({
  userMenu,
  bell = null,
  showTrackers = false,
  showAdmin = false,
  counts = null,
  children,
}: {
  userMenu: ReactNode;
  /** The notifications bell, beside the user. */
  bell?: ReactNode;
  showTrackers?: boolean;
  showAdmin?: boolean;
  counts?: NavCounts | null;
  children: ReactNode;
}) {
  // On a phone the main links scroll sideways: the current one is kept in view.
  const nav = useRevealCurrent<HTMLElement>(useLocation().pathname);
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <div className="topbar__inner">
          <Link to={paths.overview.getHref()} className="topbar__brand" aria-label="workdiary, this week">
            <Logo />
          </Link>
          <nav ref={nav} className="topbar__nav" aria-label="Main">
            <NavLink to={paths.overview.getHref()} className="topbar__link" end>
              Home
            </NavLink>
            {counts !== null && counts.review > 0 && (
              // The strip of what waits is the top of the home page: no jump that hides the header.
              <Link to={paths.overview.getHref()} className="topbar__link">
                Review <Count n={counts.review} />
              </Link>
            )}
            <NavLink to={paths.contracts.getHref()} className="topbar__link">
              Contracts
            </NavLink>
            <NavLink to={paths.disputes.getHref()} className="topbar__link">
              Disputes {counts !== null && <Count n={counts.disputes} />}
            </NavLink>
            {showTrackers && (
              <NavLink to={paths.trackers.getHref()} className="topbar__link">
                Trackers
              </NavLink>
            )}
            {showAdmin && (
              <NavLink to={paths.admin.getHref()} className="topbar__link">
                Admin
              </NavLink>
            )}
          </nav>
          <DemoClockBadge />
          {bell && <div className="topbar__bell">{bell}</div>}
          <div className="topbar__user">{userMenu}</div>
        </div>
      </header>
      <main id="main" className="page" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
