// Hours per day as stacked bars, one segment per state, in the states' colours. Loaded lazily:
// recharts is large and the rest of the page does not need it. The same numbers are in the
// table beside it, so the chart itself is hidden from screen readers.
import { memo } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { WeekDay } from '#contract/week.ts';
import { formatCalendarDate } from '#src/utils/date-format.ts';
import { formatMinutes } from '#src/utils/duration.ts';
import { STATE_COLUMNS } from '../utils/timesheet-columns.ts';

/** A day under its bar on two lines ("Mon" over "23"), so eight days fit a phone. */
function DayTick({ x, y, payload }: { x?: number | string; y?: number | string; payload?: { value?: unknown } }) {
  const date = String(payload?.value ?? '');
  if (!date) return null;
  return (
    <text x={x} y={y} textAnchor="middle" fontSize={12} fill="#5d6679">
      <tspan x={x} dy={12}>
        {formatCalendarDate(date, 'EEE')}
      </tspan>
      <tspan x={x} dy={14}>
        {formatCalendarDate(date, 'd')}
      </tspan>
    </text>
  );
}

function TimesheetChart({ days }: { days: WeekDay[] }) {
  const data = days.map((d) => ({
    day: d.date,
    ...Object.fromEntries(STATE_COLUMNS.map((c) => [c.key, d.minutes[c.key] / 60])),
  }));
  const maxHours = Math.max(1, ...days.map((d) => d.minutes.total / 60));
  const top = maxHours <= 4 ? Math.ceil(maxHours) : Math.ceil(maxHours / 2) * 2;
  return (
    <div className="ts-chart__plot" aria-hidden="true">
      <ResponsiveContainer width="100%" height={240} initialDimension={{ width: 600, height: 240 }}>
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -12 }} barCategoryGap="28%">
          <CartesianGrid vertical={false} stroke="#eaecf0" />
          <XAxis dataKey="day" tickLine={false} axisLine={{ stroke: '#d0d5dd' }} tick={DayTick} interval={0} height={36} />
          <YAxis
            domain={[0, top]}
            allowDecimals={false}
            tickLine={false}
            axisLine={false}
            tick={{ fontSize: 12, fill: '#5d6679' }}
            tickFormatter={(v: number) => `${v} h`}
            width={48}
          />
          <Tooltip
            cursor={{ fill: 'rgba(16, 24, 40, 0.05)' }}
            contentStyle={{ borderRadius: 8, border: '1px solid #eaecf0', fontSize: 12, boxShadow: '0 4px 12px rgba(16,24,40,.08)' }}
            formatter={(value) => formatMinutes(Math.round(Number(value) * 60))}
            labelFormatter={(label) => formatCalendarDate(String(label), 'EEEE d MMMM')}
          />
          <Legend
            iconType="square"
            iconSize={10}
            itemSorter={null}
            wrapperStyle={{ fontSize: 12.5, paddingTop: 6 }}
            formatter={(value) => <span style={{ color: '#344054' }}>{value}</span>}
          />
          {STATE_COLUMNS.map((c) => (
            <Bar key={c.key} dataKey={c.key} name={c.label} stackId="day" fill={c.color} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

// An approval or a refetch of the same week hands over the same days: no need to redraw.
export default memo(TimesheetChart);
