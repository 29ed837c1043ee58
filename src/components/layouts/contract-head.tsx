// The head of a contract's week pages (diary, timesheet, review): the breadcrumb to the page, then
// whose contract it is: the title, the contractor and the client.
import { Link } from 'react-router';
import type { Contract } from '#contract/contracts.ts';
import { paths } from '#src/config/paths.ts';

interface ContractHeadProps {
  contract: Contract | undefined;
  /** The page's name in the breadcrumb. */
  page: string;
  className?: string;
  /** Before the contract's title ("Review: "). */
  titlePrefix?: string;
  /** Shows a contract that is not active as such. */
  showStatus?: boolean;
}

export function ContractHead({ contract, page, className, titlePrefix = '', showStatus = true }: ContractHeadProps) {
  return (
    <div className={className ? `page-head ${className}` : 'page-head'}>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to={paths.contracts.getHref()}>Contracts</Link>
        <span aria-hidden="true">/</span>
        <span aria-current="page">{page}</span>
      </nav>
      {contract ? (
        <>
          <h1 className="page-head__title">
            {titlePrefix}
            {contract.title}
          </h1>
          <p className="page-head__lead">
            {contract.contractor.name} <span aria-hidden="true">·</span> for {contract.company.name}
            {showStatus && contract.status !== 'active' && <span className={`status status--${contract.status}`}>{contract.status}</span>}
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
