// The admin pages' gate: an admin gets the page; a client or contractor is told whom it is
// for, with the way back, rather than shown a page whose every request would be refused.
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Me } from '#contract/auth.ts';
import { PageSpinner } from '#src/components/ui/spinner.tsx';
import { paths } from '#src/config/paths.ts';
import { useMe } from '#src/features/auth/api/get-me.ts';

export function AdminGate({ page }: { page: (me: Me) => ReactNode }) {
  const me = useMe().data;
  if (!me) return <PageSpinner label="Loading" />;
  if (me.role === 'admin') return page(me);
  return (
    <div className="page__content">
      <title>Admin · workdiary</title>
      <div className="state-panel">
        <h1 className="state-panel__title">The admin console is for admins</h1>
        <p className="state-panel__text">Users, companies and the audit trail are managed by your installation’s admins.</p>
        <div className="state-panel__actions">
          <Link className="btn btn--secondary" to={paths.overview.getHref()}>
            Back to this week
          </Link>
        </div>
      </div>
    </div>
  );
}
