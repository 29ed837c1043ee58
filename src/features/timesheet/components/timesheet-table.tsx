// Minutes by state for each local day of the week, and the week's totals. Every row's columns
// add up to its Total (the server gives each slot exactly one state).
import { memo } from 'react';
import { Link } from 'react-router';
import type { StateMinutes, WeekDay } from '#contract/week.ts';
import { formatCalendarDate } from '#src/utils/date-format.ts';
import { formatMinutes, spokenMinutes } from '#src/utils/duration.ts';
import { STATE_COLUMNS, type StateColumn } from '../utils/timesheet-columns.ts';
import './timesheet-table.css';

interface TimesheetTableProps {
  days: WeekDay[];
  totals: StateMinutes;
  /** The zone the days are in, for the caption. */
  zoneLabel: string;
  /** The diary of a day, to look at its slots. */
  dayHref: (date: string) => string;
}

function Minutes({ minutes, manual }: { minutes: number; manual?: number }) {
  return (
    <>
      <span className={minutes === 0 ? 'ts-table__zero' : undefined} title={spokenMinutes(minutes)}>
        {formatMinutes(minutes)}
      </span>
      {manual !== undefined && manual > 0 && <span className="ts-table__manual">incl. {formatMinutes(manual)} manual</span>}
    </>
  );
}

function StateCells({ m }: { m: StateMinutes }) {
  return (
    <>
      {STATE_COLUMNS.map(({ key }) => (
        <td key={key} data-column={key}>
          <Minutes minutes={m[key as StateColumn]} manual={key === 'billable' ? m.manual : undefined} />
        </td>
      ))}
      <td data-column="total" className="ts-table__total">
        <Minutes minutes={m.total} />
      </td>
    </>
  );
}

export const TimesheetTable = memo(function TimesheetTable({ days, totals, zoneLabel, dayHref }: TimesheetTableProps) {
  return (
    <div className="ts-table-wrap" role="region" aria-label="Hours by day" tabIndex={0}>
      <table className="ts-table">
        <caption className="sr-only">Hours by day and state, days in {zoneLabel}</caption>
        <thead>
          <tr>
            <th scope="col" className="ts-table__day">
              Day
            </th>
            {STATE_COLUMNS.map((c) => (
              <th key={c.key} scope="col" data-column={c.key} title={c.description}>
                <span className={`ts-key ts-key--${c.key}`}>
                  <i aria-hidden="true" />
                  {c.label}
                </span>
                {c.key === 'billable' && <span className="ts-table__sub">(of which manual)</span>}
              </th>
            ))}
            <th scope="col" data-column="total">
              Total
            </th>
          </tr>
        </thead>
        <tbody>
          {days.map((day) => (
            <tr key={day.date} className={day.minutes.total === 0 ? 'ts-table__row--empty' : undefined}>
              <th scope="row" className="ts-table__day">
                <Link to={dayHref(day.date)} title={`Open ${formatCalendarDate(day.date, 'EEEE d MMMM')} in the diary`}>
                  {formatCalendarDate(day.date, 'EEE d MMM')}
                </Link>
                {day.partial && <span className="ts-table__partial">part of the day</span>}
              </th>
              <StateCells m={day.minutes} />
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" className="ts-table__day">
              Week total
            </th>
            <StateCells m={totals} />
          </tr>
        </tfoot>
      </table>
    </div>
  );
});
