// The tabs of a contract's pages: Diary · Timesheet · Review. Each keeps the week and the time
// zone being looked at, so switching page shows the same week.
import { NavLink } from 'react-router';
import { paths } from '#src/config/paths.ts';
import './contract-nav.css';

interface ContractNavProps {
  contractId: string;
  /** The billing week's Monday (YYYY-MM-DD) to keep. */
  week?: string;
  /** The time-zone choice (`utc`, `local`, `contractor`) to keep. */
  tz?: string;
}

const TABS = [
  { label: 'Diary', href: paths.diary.getHref },
  { label: 'Timesheet', href: paths.timesheet.getHref },
  { label: 'Review', href: paths.review.getHref },
] as const;

export function ContractNav({ contractId, week, tz }: ContractNavProps) {
  return (
    <nav className="contract-nav" aria-label="Contract">
      {TABS.map((tab) => (
        // NavLink matches on the path only, and marks the page's own tab aria-current="page".
        <NavLink key={tab.label} to={tab.href(contractId, { week, tz })} className="contract-nav__tab" end>
          {tab.label}
        </NavLink>
      ))}
    </nav>
  );
}
