import { ErrorState } from '#src/components/ui/error-state.tsx';
import { useContracts } from '../api/get-contracts.ts';
import type { Role } from '#contract/common.ts';
import { ContractCard } from './contract-card.tsx';
import './contracts.css';

export function ContractList({ role }: { role: Role }) {
  const contracts = useContracts();

  if (contracts.isPending) {
    return (
      <div className="contract-grid" aria-busy="true" aria-label="Loading contracts">
        {[0, 1, 2].map((i) => (
          <div key={i} className="contract-card contract-card--skeleton" aria-hidden="true">
            <div className="skeleton skeleton--line" style={{ width: '60%' }} />
            <div className="skeleton skeleton--line" style={{ width: '40%' }} />
            <div className="skeleton skeleton--block" />
          </div>
        ))}
      </div>
    );
  }
  if (contracts.isError) {
    return (
      <ErrorState
        title="Your contracts could not be loaded"
        message={contracts.error.message}
        onRetry={() => void contracts.refetch()}
        retrying={contracts.isFetching}
      />
    );
  }
  const list = contracts.data.contracts;
  if (list.length === 0) {
    return (
      <div className="state-panel">
        <h2 className="state-panel__title">No contracts yet</h2>
        <p className="state-panel__text">When a contract is shared with you, its work diary appears here.</p>
      </div>
    );
  }
  return (
    <div className="contract-grid">
      {list.map((contract) => (
        <ContractCard key={contract.id} contract={contract} role={role} />
      ))}
    </div>
  );
}
