// The week's sums: what is billable (the contractor's earnings), held and refunded, in the
// contract's currency, and the time tracked in all.
import type { ReactNode } from 'react';
import type { Timesheet } from '#contract/timesheet.ts';
import { formatMinutes } from '#src/utils/duration.ts';
import { formatMoney } from '#src/utils/money.ts';
import './timesheet-summary.css';

export function TimesheetSummary({ sheet, role }: { sheet: Timesheet; role: 'client' | 'contractor' | 'admin' }) {
  const { totals, amounts, currency } = sheet;
  const unpaid = totals.inactive + totals.overLimit;
  return (
    <section className="ts-summary" aria-label={role === 'contractor' ? 'Earnings this week' : 'Amounts this week'}>
      <Stat kind="billable" lead label={role === 'contractor' ? 'Earnings this week' : 'Billable this week'} value={formatMoney(amounts.billable, currency)}>
        {formatMinutes(totals.billable)} billable{totals.manual > 0 ? `, incl. ${formatMinutes(totals.manual)} manual` : ''}
      </Stat>
      <Stat kind="held" dot label="Held" value={formatMoney(amounts.held, currency)}>
        {totals.held > 0 ? `${formatMinutes(totals.held)} in dispute, paid or refunded when it settles` : 'Nothing in dispute'}
      </Stat>
      <Stat kind="refunded" dot label="Refunded" value={formatMoney(amounts.refunded, currency)}>
        {totals.refunded > 0 ? `${formatMinutes(totals.refunded)} refunded to the client` : 'Nothing refunded'}
      </Stat>
      <Stat kind="total" label="Time tracked" value={formatMinutes(totals.total)}>
        {unpaid > 0 ? `${formatMinutes(unpaid)} not paid: inactive or over the cap` : 'None inactive or over the cap'}
      </Stat>
    </section>
  );
}

interface StatProps {
  kind: 'billable' | 'held' | 'refunded' | 'total';
  label: string;
  value: string;
  /** The line under the figure. */
  children: ReactNode;
  /** The state's colour dot before the label. */
  dot?: boolean;
  /** The first, wider card. */
  lead?: boolean;
}

function Stat({ kind, label, value, children, dot, lead }: StatProps) {
  return (
    <div className={`ts-stat ts-stat--${kind}${lead ? ' ts-stat--lead' : ''}`} data-testid={`stat-${kind}`}>
      <p className="ts-stat__label">
        {dot && <i className="ts-dot" aria-hidden="true" />}
        {label}
      </p>
      <p className="big-figure ts-stat__amount">{value}</p>
      <p className="ts-stat__sub">{children}</p>
    </div>
  );
}
