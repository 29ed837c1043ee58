// Totals across contracts, one small table per currency (amounts in different currencies never
// add up): billable hours, amount, held and refunded, this week beside last week.
import type { CurrencyTotals as Totals, Overview } from '#contract/overview.ts';
import { weekRangeLabel } from '#src/utils/date-format.ts';
import { formatMinutes } from '#src/utils/duration.ts';
import { formatMoney } from '#src/utils/money.ts';

const LINES = [
  { label: 'Billable hours', value: (t: Totals, p: 'thisWeek' | 'lastWeek') => formatMinutes(t[p].minutes.billable) },
  { label: 'Amount', value: (t: Totals, p: 'thisWeek' | 'lastWeek') => formatMoney(t[p].amounts.billable, t.currency) },
  { label: 'Held', value: (t: Totals, p: 'thisWeek' | 'lastWeek') => formatMoney(t[p].amounts.held, t.currency) },
  { label: 'Refunded', value: (t: Totals, p: 'thisWeek' | 'lastWeek') => formatMoney(t[p].amounts.refunded, t.currency) },
];

export function CurrencyTotals({ overview }: { overview: Overview }) {
  if (overview.totals.length === 0) return null;
  return (
    <section aria-labelledby="totals-heading">
      <h2 className="overview__h2" id="totals-heading">
        {overview.role === 'contractor' ? 'Earnings' : 'Totals'} across contracts
      </h2>
      <div className="totals">
        {overview.totals.map((t) => (
          <table key={t.currency} className="totals__table">
            <caption className="sr-only">Totals in {t.currency}</caption>
            <thead>
              <tr>
                <th scope="col">{t.currency}</th>
                <th scope="col">
                  This week <span className="totals__week">{weekRangeLabel(overview.weekStart)}</span>
                </th>
                <th scope="col">
                  Last week <span className="totals__week">{weekRangeLabel(overview.lastWeekStart)}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {LINES.map((l) => (
                <tr key={l.label}>
                  <th scope="row">{l.label}</th>
                  <td>{l.value(t, 'thisWeek')}</td>
                  <td>{l.value(t, 'lastWeek')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      </div>
    </section>
  );
}
