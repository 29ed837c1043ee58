import { useEffect } from 'react';
import { ReviewBanner } from '#src/components/review-banner.tsx';
import { useMe } from '#src/features/auth/api/get-me.ts';
import { ContractList } from '#src/features/contracts/components/contract-list.tsx';
import { ClientInvitations, InviteContractorButton } from '#src/features/invitations/components/client-invitations.tsx';
import { RouteErrorBoundary } from '../route-error-boundary.tsx';

export default function ContractsRoute() {
  // The root's loader has the user before any page renders.
  const role = useMe().data?.role ?? 'client';
  // The next click is most likely a diary: fetch its code while the user reads this page.
  useEffect(() => {
    const timer = window.setTimeout(() => void import('./diary.tsx').catch(() => undefined), 300);
    return () => window.clearTimeout(timer);
  }, []);
  return (
    <div className="page__content">
      <title>Contracts · workdiary</title>
      <div className="page-head">
        <h1 className="page-head__title">Contracts</h1>
        <p className="page-head__lead">This week's tracked time on each contract. Open a diary to review the work.</p>
      </div>
      <ReviewBanner />
      {role === 'client' && <InviteContractorButton />}
      <ContractList role={role} />
      {role === 'client' && <ClientInvitations />}
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
