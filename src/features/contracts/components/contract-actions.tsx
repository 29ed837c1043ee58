// Managing one contract, for its company's client or an admin: pause, resume, end (each after a
// confirmation that says what happens to the tracker and to the weeks already worked) and new
// terms from the next Monday.
import { useState } from 'react';
import type { Contract } from '#contract/contracts.ts';
import { ConfirmDialog } from '#src/components/ui/confirm-dialog.tsx';
import { useChangeContractStatus, type StatusAction } from '../api/manage-contract.ts';
import { ContractTermsDialog } from './contract-terms-dialog.tsx';
import './contract-manage.css';

const ACTIONS: Record<StatusAction, { button: string; pending: string; title: (c: Contract) => string; says: (c: Contract) => string }> = {
  pause: {
    button: 'Pause',
    pending: 'Pausing…',
    title: (c) => `Pause ${c.title}?`,
    says: (c) =>
      `${c.contractor.name}'s tracker can no longer upload to this contract, so no new time is recorded while it is paused. ` +
      'Weeks already worked are reviewed, disputed and approved as usual. You can resume it at any time.',
  },
  resume: {
    button: 'Resume',
    pending: 'Resuming…',
    title: (c) => `Resume ${c.title}?`,
    says: (c) => `${c.contractor.name}'s tracker uploads to this contract again from now. Time while it was paused stays unrecorded.`,
  },
  end: {
    button: 'End contract',
    pending: 'Ending…',
    title: (c) => `End ${c.title}?`,
    says: (c) =>
      `The contract ends for good: ${c.contractor.name}'s tracker can no longer upload to it, and it cannot be resumed. ` +
      'Weeks already worked are still reviewed, disputed, approved and paid as usual.',
  },
};

/** The actions the contract's status allows: an ended contract has none. */
function actionsFor(status: Contract['status']): StatusAction[] {
  if (status === 'active') return ['pause', 'end'];
  if (status === 'paused') return ['resume', 'end'];
  return [];
}

export function ContractActions({ contract, changesFrom }: { contract: Contract; changesFrom: string }) {
  const [asking, setAsking] = useState<StatusAction | 'terms' | null>(null);
  const change = useChangeContractStatus();
  const open = (what: StatusAction | 'terms') => {
    change.reset();
    setAsking(what);
  };
  const close = () => {
    if (!change.isPending) setAsking(null);
  };
  const actions = actionsFor(contract.status);
  if (contract.status === 'ended' || contract.status === 'pending') return null;
  const asked = asking && asking !== 'terms' ? asking : null;

  return (
    <div className="contract-actions" role="group" aria-label={`Manage ${contract.title}`}>
      <button type="button" className="btn btn--sm btn--secondary" onClick={() => open('terms')}>
        Change terms
      </button>
      {actions.map((a) => (
        <button key={a} type="button" className={`btn btn--sm ${a === 'end' ? 'btn--danger' : 'btn--secondary'}`} onClick={() => open(a)}>
          {ACTIONS[a].button}
        </button>
      ))}
      {asking === 'terms' && <ContractTermsDialog contract={contract} changesFrom={changesFrom} onClose={() => setAsking(null)} />}
      {asked && (
        <ConfirmDialog
          title={ACTIONS[asked].title(contract)}
          description={ACTIONS[asked].says(contract)}
          confirmLabel={ACTIONS[asked].button}
          pendingLabel={ACTIONS[asked].pending}
          tone={asked === 'resume' ? 'primary' : 'danger'}
          pending={change.isPending}
          error={change.error?.message}
          onCancel={close}
          onConfirm={() => change.mutate({ contractId: contract.id, action: asked }, { onSuccess: () => setAsking(null) })}
        />
      )}
    </div>
  );
}
