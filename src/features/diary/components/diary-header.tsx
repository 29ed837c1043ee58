import { Link } from 'react-router';
import type { Contract } from '../../../../contract/contracts.ts';
import { paths } from '../../../config/paths.ts';

/** Whose diary this is: the contract, the contractor and the client. */
export function DiaryHeader({ contract }: { contract: Contract | undefined }) {
  return (
    <div className="page-head page-head--diary">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to={paths.contracts.getHref()}>Contracts</Link>
        <span aria-hidden="true">/</span>
        <span aria-current="page">Work diary</span>
      </nav>
      {contract ? (
        <>
          <h1 className="page-head__title">{contract.title}</h1>
          <p className="page-head__lead">
            {contract.contractor.name} <span aria-hidden="true">·</span> for {contract.company.name}
            {contract.status !== 'active' && <span className={`status status--${contract.status}`}>{contract.status}</span>}
          </p>
        </>
      ) : (
        <>
          <div className="skeleton skeleton--title" aria-hidden="true" />
          <div className="skeleton skeleton--line" style={{ width: 260 }} aria-hidden="true" />
        </>
      )}
    </div>
  );
}
