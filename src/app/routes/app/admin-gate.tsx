// The admin pages' gate: an admin gets the page; a client or contractor is told whom it is
// for, with the way back, rather than shown a page whose every request would be refused.
import type { ReactNode } from 'react';
import type { Me } from '#contract/auth.ts';
import { LinkStatePanel } from '#src/components/ui/link-state-panel.tsx';
import { PageSpinner } from '#src/components/ui/spinner.tsx';
import { paths } from '#src/config/paths.ts';
import { useMe } from '#src/features/auth/api/get-me.ts';

export function AdminGate({ page }: { page: (me: Me) => ReactNode }) {
  const me = useMe().data;
  if (!me) return <PageSpinner label="Loading" />;
  if (me.role === 'admin') return page(me);
  return (
    <LinkStatePanel
      tabTitle="Admin"
      title="The admin console is for admins"
      text="Users, companies and the audit trail are managed by your installation’s admins."
      to={paths.overview.getHref()}
      linkLabel="Back to this week"
    />
  );
}
