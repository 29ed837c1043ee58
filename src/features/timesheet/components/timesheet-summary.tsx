// The week's sums: what is billable (the contractor's earnings), held and refunded, in the
// contract's currency, and the time tracked in all.
import type { Timesheet } from '#contract/timesheet.ts';
import { formatMinutes } from '#src/utils/duration.ts';
import { formatMoney } from '#src/utils/money.ts';
import './timesheet-summary.css';

export function TimesheetSummary({ sheet, role }: { sheet: Timesheet; role: 'client' | 'contractor' | 'admin' }) {
  const { totals, amounts, currency } = sheet;
  const unpaid = totals.inactive + totals.overLimit;
  return (
    <section className="ts-summary" aria-label={role === 'contractor' ? 'Earnings this week' : 'Amounts this week'}>
      <div className="ts-stat ts-stat--billable ts-stat--lead" data-testid="stat-billable">
        <p className="ts-stat__label">{role === 'contractor' ? 'Earnings this week' : 'Billable this week'}</p>
        <p className="ts-stat__amount">{formatMoney(amounts.billable, currency)}</p>
        <p className="ts-stat__sub">
          {formatMinutes(totals.billable)} billable{totals.manual > 0 ? `, incl. ${formatMinutes(totals.manual)} manual` : ''}
        </p>
      </div>
      <div className="ts-stat ts-stat--held" data-testid="stat-held">
        <p className="ts-stat__label">
          <i className="ts-dot" aria-hidden="true" />
          Held
        </p>
        <p className="ts-stat__amount">{formatMoney(amounts.held, currency)}</p>
        <p className="ts-stat__sub">
          {totals.held > 0 ? `${formatMinutes(totals.held)} in dispute, paid or refunded when it settles` : 'Nothing in dispute'}
        </p>
      </div>
      <div className="ts-stat ts-stat--refunded" data-testid="stat-refunded">
        <p className="ts-stat__label">
          <i className="ts-dot" aria-hidden="true" />
          Refunded
        </p>
        <p className="ts-stat__amount">{formatMoney(amounts.refunded, currency)}</p>
        <p className="ts-stat__sub">{totals.refunded > 0 ? `${formatMinutes(totals.refunded)} refunded to the client` : 'Nothing refunded'}</p>
      </div>
      <div className="ts-stat ts-stat--total" data-testid="stat-total">
        <p className="ts-stat__label">Time tracked</p>
        <p className="ts-stat__amount">{formatMinutes(totals.total)}</p>
        <p className="ts-stat__sub">{unpaid > 0 ? `${formatMinutes(unpaid)} not paid: inactive or over the cap` : 'None inactive or over the cap'}</p>
      </div>
    </section>
  );
}
